package io.crosscast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules on how the code hangs together, checked on the compiled classes (tests excluded). Each
 * rule says why in its {@code because}; docs/DECISIONS.md ("Who owns what") tells the whole story.
 */
class ArchitectureTest {

    private static final String ROOT = "io.crosscast";
    private static final String CONTENT = ROOT + ".content..";

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = ProductionClasses.get();
    }

    @Test
    void conceptsFormNoCycle() {
        assertHolds(slices().matching(ROOT + ".(*)..")
                .namingSlices("concept $1")
                .should()
                .beFreeOfCycles()
                .because("a concept must be understandable, testable and changeable without the ones that use it"));
    }

    /**
     * The concepts from the bottom up, as the README's code map lists them: each may use only those before
     * it, so a newcomer can read them in this order.
     */
    static final List<String> LAYERS = List.of(
            "platform",
            "scheduling",
            "settings",
            "apitoken",
            "engine",
            "content",
            "audience",
            "list",
            "tracking",
            "delivery",
            "workflow",
            "campaign",
            "webhook",
            "admin",
            "sandbox",
            "dashboard",
            "web");

    @Test
    void conceptsUseOnlyTheConceptsBelowThem() {
        assertHolds(classes()
                .that()
                .resideInAPackage(ROOT + "..")
                .should(useOnlyConceptsBelow())
                .because("the code map's order is the order of use (README, How the code is organised)"));
    }

    @Test
    void packagesFormNoCycleBesideAConceptAndItsInternals() {
        assertHolds(slices().assignedFrom(PACKAGES_WITH_INTERNALS_FOLDED)
                .should()
                .beFreeOfCycles()
                .because("a package's sub-packages are its parts: they may serve it, not call back into it"
                        + " (only a concept's internal package implements what the concept's service offers)"));
    }

    @Test
    void theEngineCoreIsPlainJava() {
        assertHolds(classes()
                .that()
                .resideInAPackage(ROOT + ".engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", ROOT + ".engine..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.quartz.CronExpression")
                .because("the engine core is unit-tested without a container: it knows no jakarta.* API and"
                        + " nothing of the application (Quartz's CronExpression is a plain class for cron schedules)"));
    }

    @Test
    void messageContentIsPlainJava() {
        assertHolds(classes()
                .that()
                .resideInAPackage(CONTENT)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", CONTENT, "com.github.mustachejava..", "org.jsoup..", "jakarta.mail..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".platform.EnglishTemplate")
                .because("rendering, personalisation and link rewriting are unit-tested without a container and"
                        + " shared by proofs, previews and the senders"));
        assertHolds(noClasses()
                .that()
                .resideInAPackage(CONTENT)
                .and()
                .doNotHaveSimpleName("EmailComposer")
                .and()
                .doNotHaveSimpleName("StableIdMimeMessage")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.mail..")
                .because("only the two classes that build MIME messages know Jakarta Mail"));
    }

    @Test
    void smsTextIsPlainJava() {
        assertHolds(classes()
                .that()
                .resideInAPackage(ROOT + ".delivery.sms..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", ROOT + ".delivery.sms..", CONTENT)
                .because("the SMPP client and the sandbox's SMSC both use it: no container API, no SMPP library"));
    }

    @Test
    void trackingTokensArePlainJava() {
        assertHolds(classes()
                .that()
                .resideInAPackage(ROOT + ".tracking.token..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", ROOT + ".tracking.token..")
                .because("signing and reading tokens is unit-tested without a container"));
    }

    @Test
    void trackingClassificationIsPlainJava() {
        assertHolds(classes()
                .that()
                .resideInAPackage(ROOT + ".tracking.classify..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", ROOT + ".tracking.classify..")
                .because(
                        "the user-agent rules are unit-tested with a corpus of real user agents, without a container"));
    }

    @Test
    void nothingButTheWebLayerReachesIt() {
        assertHolds(noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".web..")
                .because("pages, REST resources and their helpers are adapters on top of the domain"));
    }

    @Test
    void internalPackagesServeOnlyTheirOwnConcept() {
        assertHolds(classes()
                .that()
                .resideInAPackage(ROOT + ".*.internal..")
                .should(beUsedOnlyWithinTheirConcept())
                .because("a concept's internal package is how it works, not what it offers"));
    }

    /** Fails with ArchUnit's report (every violation, and the rule's reason) when the rule is broken. */
    static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(ProductionClasses.get());
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    /** The concept of a class: its package's first segment under io.crosscast. */
    static String conceptOf(JavaClass type) {
        String rest =
                type.getPackageName().substring(Math.min(type.getPackageName().length(), ROOT.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirConcept() {
        return new ArchCondition<>("be used only by classes of their own concept") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String concept = conceptOf(internal);
                internal.getDirectDependenciesToSelf().stream()
                        .filter(d -> d.getOriginClass().getPackageName().startsWith(ROOT))
                        .filter(d -> !conceptOf(d.getOriginClass()).equals(concept))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> useOnlyConceptsBelow() {
        return new ArchCondition<>("use only the concepts listed before their own") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                int layer = LAYERS.indexOf(conceptOf(origin));
                if (layer < 0) {
                    events.add(SimpleConditionEvent.violated(origin, origin.getName() + " is in no listed concept"));
                    return;
                }
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getPackageName().startsWith(ROOT + "."))
                        .filter(d -> LAYERS.indexOf(conceptOf(d.getTargetClass())) > layer)
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }

    /** One slice per package, but a concept's {@code internal} packages count as the concept itself. */
    private static final SliceAssignment PACKAGES_WITH_INTERNALS_FOLDED = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            int internal = name.indexOf(".internal");
            return SliceIdentifier.of(internal < 0 ? name : name.substring(0, internal));
        }

        @Override
        public String getDescription() {
            return "packages, a concept's internal ones counted with it";
        }
    };
}
