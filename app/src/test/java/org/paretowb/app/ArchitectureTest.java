package org.paretowb.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules inside the app module: its packages form no cycle (the entry point, {@code main}, sits above the command
 * line and the window; the command line uses the window's classes, never the other way), and the command line
 * reaches JavaFX only through the screenshot session.
 */
class ArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.paretowb.app");
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "one slice per package";
            }
        }).should().beFreeOfCycles().check(app);
    }

    @Test
    void theCommandLineDrawsNoWindowItself() {
        noClasses().that().resideInAPackage("org.paretowb.app.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .because("commands run headless; the screenshot command drives the window through ScreenshotSession")
                .check(app);
    }
}
