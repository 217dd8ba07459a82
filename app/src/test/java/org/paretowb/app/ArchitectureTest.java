package org.paretowb.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules inside the app module: its packages form no cycle (the entry point, {@code main}, sits above the command
 * line; the command line uses the screenshot session, which uses the window, never the other way), and the command
 * line reaches JavaFX only through the screenshot session. One rule over every module's classes, which only this
 * module sees together: the many-knobbed records are made by their builders.
 */
class ArchitectureTest {
    private static JavaClasses app;
    private static JavaClasses everything;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        app = importer.importPackages("org.paretowb.app");
        everything = importer.importPackages("org.paretowb");
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.paretowb.(**)").should().beFreeOfCycles().check(app);
    }

    @Test
    void theCommandLineDrawsNoWindowItself() {
        noClasses().that().resideInAPackage("org.paretowb.app.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .because("commands run headless; the screenshot command drives the window through app.screenshot")
                .check(app);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.paretowb.models.recipe.Recipe", "org.paretowb.models.measure.Measurement",
        "org.paretowb.models.measure.Provenance"})
    void theManyKnobbedRecordsAreMadeByTheirBuilders(String record) throws ClassNotFoundException {
        Class<?> type = Class.forName(record);
        noClasses().that().doNotHaveFullyQualifiedName(record).and().doNotHaveFullyQualifiedName(record + "$Builder")
                .should().callConstructorWhere(target(owner(equivalentTo(type))))
                .because("a positional constructor of many arguments of the same types is easy to fill in the wrong"
                        + " order; " + type.getSimpleName() + ".builder() names each")
                .check(everything);
    }
}
