package org.paretowb.charts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules inside the charts module that the Maven module graph cannot check: no package cycles; charts and reports
 * are drawn with JFreeChart on AWT (colours, fonts, shapes, images), never with JavaFX (JFreeChart's JavaFX viewer is
 * the views'); and nothing here runs a network.
 */
class ArchitectureTest {
    private static final JavaClasses CHARTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.paretowb.charts");

    @Test
    void chartsAreDrawnWithoutJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..")
                .because("charts and reports are drawn headless (HTML, PDF, SVG, PNG); the window shows them through"
                        + " JFreeChart's JavaFX viewer in views")
                .check(CHARTS);
    }

    @Test
    void nothingHereRunsANetwork() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
                .because("charts draw measurements that services made; they never call an engine")
                .check(CHARTS);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.paretowb.(**)").should().beFreeOfCycles().check(CHARTS);
    }
}
