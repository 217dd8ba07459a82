package org.paretowb.models;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules inside the domain module that the Maven module graph cannot check: its packages form no cycle, it draws
 * nothing, and it reaches DJL only to describe networks as DJL blocks (models.network), never to run an engine.
 */
class ArchitectureTest {
    private static final JavaClasses MODELS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.paretowb.models");

    @Test
    void theDomainDrawsNothing() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..")
                .because("the domain is plain Java (reading images with javax.imageio is allowed); windows are the views'")
                .check(MODELS);
    }

    @Test
    void onlyTheNetworkPackageTouchesDjl() {
        noClasses().that().resideOutsideOfPackage("org.paretowb.models.network..").should().dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
                .because("settings, measurements, recipes, data and reports are plain records; only a network's"
                        + " description is built into DJL blocks")
                .check(MODELS);
    }

    /** DJL's API for building and running blocks: layers, arrays, their parameters and initialisers. */
    private static final DescribedPredicate<JavaClass> BLOCK_API = JavaClass.Predicates.resideInAnyPackage(
                    "ai.djl.nn..", "ai.djl.ndarray..", "ai.djl.training.initializer..", "ai.djl.util..")
            .or(JavaClass.Predicates.equivalentTo(ai.djl.training.ParameterStore.class))
            .as("DJL's block API (ai.djl.nn, ai.djl.ndarray, ai.djl.training.initializer, ai.djl.util, ParameterStore)");

    @Test
    void theNetworkPackageUsesOnlyDjlsBlockApi() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
                        .and(DescribedPredicate.not(BLOCK_API)).as("are DJL classes beyond its block API (an engine, a"
                                + " Model, a Predictor, a Trainer, a translator)"))
                .because("engines are started and run by services (runtime, evaluate, train), which own native memory")
                .check(MODELS);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.paretowb.(**)").should().beFreeOfCycles().check(MODELS);
    }
}
