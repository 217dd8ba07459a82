package org.paretowb.services;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules inside the services module that the Maven module graph cannot check: no package cycles, no window. */
class ArchitectureTest {
    private static final JavaClasses SERVICES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.paretowb.services");

    @Test
    void theServicesDrawNothing() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..")
                .because("services run headless, for the window and the command line alike; views adapt them to JavaFX")
                .check(SERVICES);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.paretowb.(**)").should().beFreeOfCycles().check(SERVICES);
    }
}
