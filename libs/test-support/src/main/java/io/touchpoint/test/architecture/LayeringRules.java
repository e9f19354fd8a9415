package io.touchpoint.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;

/**
 * The package layering of ARCHITECTURE.md for a service under {@code io.touchpoint.<service>}: {@code domain} is plain
 * Java; {@code web}, {@code messaging} and {@code persistence} are adapters that may use {@code application},
 * {@code domain} and {@code config} but never each other; {@code application} uses no adapter; {@code config} holds
 * {@code @ConfigurationProperties} records; no two packages depend on each other, directly or through others. Empty
 * layers pass, so a young service is not failed for what it lacks.
 *
 * <pre>{@code
 * class ArchitectureTests {
 *     @Test
 *     void layeringHolds() {
 *         LayeringRules.check(TicketServiceApplication.class);
 *     }
 * }
 * }</pre>
 */
public final class LayeringRules {

    private static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";

    private static final List<String> ADAPTERS = List.of("web", "messaging", "persistence");

    private LayeringRules() {}

    /** Imports the production classes of the service {@code anyClassInService} belongs to and checks every rule. */
    public static void check(Class<?> anyClassInService) {
        String basePackage = servicePackage(anyClassInService);
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        forService(basePackage).check(classes);
    }

    /** Every rule for the service under {@code basePackage}, reported together. */
    public static ArchRule forService(String basePackage) {
        return CompositeArchRule.of(domainIsPlainJava(basePackage))
                .and(adaptersDoNotDependOnEachOther(basePackage))
                .and(applicationDoesNotDependOnAdapters(basePackage))
                .and(configIsPropertiesRecords(basePackage))
                .and(packagesAreFreeOfCycles(basePackage));
    }

    /**
     * The packages directly under {@code basePackage} (with their subpackages) depend on one another in one direction
     * only, so each can be read, and changed, knowing only the ones it uses.
     */
    public static ArchRule packagesAreFreeOfCycles(String basePackage) {
        return SlicesRuleDefinition.slices()
                .matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * {@code domain} depends only on the JDK's {@code java.*}, on itself and on the event contract's value types
     * ({@code io.touchpoint.events}: channels, handles, message content), which are the platform's shared vocabulary:
     * no Spring, Mongo, Jackson or AMQP.
     */
    public static ArchRule domainIsPlainJava(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", basePackage + ".domain..", "io.touchpoint.events..")
                .because("the domain is plain Java (ARCHITECTURE.md): frameworks belong to the adapters")
                .allowEmptyShould(true);
    }

    /** {@code web}, {@code messaging} and {@code persistence} never depend on one another. */
    public static ArchRule adaptersDoNotDependOnEachOther(String basePackage) {
        ArchRule[] rules = ADAPTERS.stream()
                .map(adapter -> noClasses()
                        .that()
                        .resideInAPackage(basePackage + "." + adapter + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(ADAPTERS.stream()
                                .filter(other -> !other.equals(adapter))
                                .map(other -> basePackage + "." + other + "..")
                                .toArray(String[]::new))
                        .because("adapters meet only in application and domain (ARCHITECTURE.md)")
                        .allowEmptyShould(true))
                .toArray(ArchRule[]::new);
        return CompositeArchRule.of(rules[0]).and(rules[1]).and(rules[2]);
    }

    /** {@code application} does not depend on {@code web}, {@code messaging} or {@code persistence}. */
    public static ArchRule applicationDoesNotDependOnAdapters(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ADAPTERS.stream()
                        .map(adapter -> basePackage + "." + adapter + "..")
                        .toArray(String[]::new))
                .because("use cases reach adapters only through interfaces they own (ARCHITECTURE.md)")
                .allowEmptyShould(true);
    }

    /**
     * Top-level types in {@code config} are records annotated with {@code @ConfigurationProperties}; the types nested
     * in them are records or enums.
     */
    public static ArchRule configIsPropertiesRecords(String basePackage) {
        ArchRule topLevel = classes()
                .that()
                .resideInAPackage(basePackage + ".config..")
                .and()
                .areTopLevelClasses()
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .beRecords()
                .andShould()
                .beAnnotatedWith(CONFIGURATION_PROPERTIES)
                .because("configuration is @ConfigurationProperties records (STYLE.md)")
                .allowEmptyShould(true);
        ArchRule nested = classes()
                .that()
                .resideInAPackage(basePackage + ".config..")
                .and()
                .areMemberClasses()
                .should()
                .beRecords()
                .orShould()
                .beEnums()
                .because("configuration is @ConfigurationProperties records (STYLE.md)")
                .allowEmptyShould(true);
        return CompositeArchRule.of(topLevel).and(nested);
    }

    /** {@code io.touchpoint.<service>} for a class anywhere in that service, else the class's own package. */
    static String servicePackage(Class<?> anyClassInService) {
        String packageName = anyClassInService.getPackageName();
        String[] segments = packageName.split("\\.");
        if (segments.length >= 3 && segments[0].equals("io") && segments[1].equals("touchpoint")) {
            return String.join(".", segments[0], segments[1], segments[2]);
        }
        return packageName;
    }
}
