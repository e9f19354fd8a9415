package io.touchpoint.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.touchpoint.test.architecture.LayeringRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.touchpoint.gateway");

    @Test
    void gatewayKnowsNoServiceCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.touchpoint.profile..",
                        "io.touchpoint.channel..",
                        "io.touchpoint.ticket..",
                        "io.touchpoint.feedback..",
                        "io.touchpoint.starter..")
                .check(gateway);
    }

    @Test
    void authenticationDoesNotDependOnTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("io.touchpoint.gateway.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.touchpoint.gateway.web..", "io.touchpoint.gateway.config..", "org.springframework.web..")
                .check(gateway);
    }

    @Test
    void packagesAreFreeOfCycles() {
        LayeringRules.packagesAreFreeOfCycles("io.touchpoint.gateway").check(gateway);
    }
}
