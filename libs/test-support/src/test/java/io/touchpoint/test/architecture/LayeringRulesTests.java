package io.touchpoint.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.touchpoint.test.architecture.fixtures.good.domain.Ticket;
import org.junit.jupiter.api.Test;

class LayeringRulesTests {

    private static final String GOOD = "io.touchpoint.test.architecture.fixtures.good";

    private static final String BAD = "io.touchpoint.test.architecture.fixtures.bad";

    private static final JavaClasses goodService = new ClassFileImporter().importPackages(GOOD);

    private static final JavaClasses badService = new ClassFileImporter().importPackages(BAD);

    @Test
    void serviceThatKeepsTheLayeringPasses() {
        assertThatCode(() -> LayeringRules.forService(GOOD).check(goodService)).doesNotThrowAnyException();
    }

    @Test
    void serviceWithoutAnyLayerYetPasses() {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.touchpoint.test.architecture.fixtures.none");

        assertThatCode(() -> LayeringRules.forService("io.touchpoint.test.architecture.fixtures.none")
                        .check(nothing))
                .doesNotThrowAnyException();
    }

    @Test
    void domainUsingSpringIsReported() {
        EvaluationResult result = LayeringRules.domainIsPlainJava(BAD).evaluate(badService);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line ->
                        assertThat(line).contains("bad.domain.Ticket").contains("org.springframework.util.Assert"));
    }

    @Test
    void webUsingPersistenceIsReported() {
        EvaluationResult result =
                LayeringRules.adaptersDoNotDependOnEachOther(BAD).evaluate(badService);

        assertThat(result.getFailureReport().getDetails()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("bad.web.TicketController")
                .contains("bad.persistence.TicketDocument"));
    }

    @Test
    void applicationUsingWebIsReported() {
        EvaluationResult result =
                LayeringRules.applicationDoesNotDependOnAdapters(BAD).evaluate(badService);

        assertThat(result.getFailureReport().getDetails()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("bad.application.TicketManagement")
                .contains("bad.web.TicketResponse"));
    }

    @Test
    void configThatIsNotAPropertiesRecordIsReported() {
        EvaluationResult result = LayeringRules.configIsPropertiesRecords(BAD).evaluate(badService);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line ->
                        assertThat(line).contains("bad.config.TicketSettings").contains("record"))
                .anySatisfy(line ->
                        assertThat(line).contains("bad.config.TicketSettings").contains("ConfigurationProperties"));
    }

    @Test
    void packagesUsingEachOtherAreReported() {
        EvaluationResult result = LayeringRules.packagesAreFreeOfCycles(BAD).evaluate(badService);

        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains("Cycle detected")
                .contains("application")
                .contains("web"));
    }

    @Test
    void allRulesTogetherFailTheTestWithEveryViolation() {
        assertThatThrownBy(() -> LayeringRules.forService(BAD).check(badService))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("bad.domain.Ticket")
                .hasMessageContaining("bad.web.TicketController")
                .hasMessageContaining("bad.application.TicketManagement")
                .hasMessageContaining("bad.config.TicketSettings")
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void checkImportsTheProductionClassesOfTheGivenClassesService() {
        // io.touchpoint.test without its tests (the bad fixtures) has no layers to break, so this passes.
        assertThatCode(() -> LayeringRules.check(LayeringRules.class)).doesNotThrowAnyException();
    }

    @Test
    void servicePackageIsTheThirdSegmentUnderIoTouchpoint() {
        assertThat(LayeringRules.servicePackage(Ticket.class)).isEqualTo("io.touchpoint.test");
        assertThat(LayeringRules.servicePackage(String.class)).isEqualTo("java.lang");
    }
}
