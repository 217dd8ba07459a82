package org.paretowb.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Rules inside the views module that the Maven module graph cannot check (as JabRef's architecture tests do):
 * its packages form no cycle, no view talks to an engine directly, and the computation helpers of the view
 * models stay plain Java.
 */
class ArchitectureTest {
    private static final JavaClasses VIEWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.paretowb.views");

    @Test
    void noViewTalksToAnEngine() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
                .because("views measure through the window's MeasuringSession (services), never on an engine themselves");
        rule.check(VIEWS);
    }

    @Test
    void theViewModelsComputationHelpersArePlainJava() {
        ArchRule rule = noClasses().that().haveFullyQualifiedName("org.paretowb.views.engines.EngineRows")
                .or().haveFullyQualifiedName("org.paretowb.views.compare.Comparison")
                .or().haveFullyQualifiedName("org.paretowb.views.inputs.DataSummary")
                .or().haveFullyQualifiedName("org.paretowb.views.inputs.DataSplit")
                .or().haveFullyQualifiedName("org.paretowb.views.inputs.ModelInputs")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("what a view model computes (rows, comparisons, summaries, splits) is tested without a display");
        rule.check(VIEWS);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.paretowb.(**)").should().beFreeOfCycles().check(VIEWS);
    }
}
