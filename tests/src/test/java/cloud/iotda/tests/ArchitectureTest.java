package cloud.iotda.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies, checked on the compiled main classes: entry points -> edge -> use cases -> domain;
 * the adapters implement the use cases' ports; the domain knows no JSON, AWS or HTTP type; nothing the functions
 * ship builds an ObjectMapper; an {@code internal} package serves its parent only. Each rule is also run on a small
 * set of classes that break it, so a rule that could never fail would fail this test.
 */
class ArchitectureTest {
    private static final String ROOT = "cloud.iotda";
    /** Main classes only: what the service ships, not the tests that share its packages. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .importPackages(ROOT);
    private static final String FIXTURE = "cloud.iotda.tests.archfixture";

    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("entry points").definedBy(root + ".functions..")
                .layer("composition root").definedBy(root)
                .layer("edge").definedBy(root + ".edge..")
                .layer("use cases").definedBy(root + ".usecase..")
                .layer("domain").definedBy(root + ".domain..")
                .layer("adapters").definedBy(root + ".adapter..")
                .whereLayer("entry points").mayNotBeAccessedByAnyLayer()
                .whereLayer("composition root").mayOnlyBeAccessedByLayers("entry points")
                .whereLayer("edge").mayOnlyBeAccessedByLayers("entry points", "composition root")
                .whereLayer("adapters").mayOnlyBeAccessedByLayers("composition root")
                .whereLayer("use cases").mayOnlyBeAccessedByLayers("composition root", "edge", "adapters")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("composition root", "edge", "use cases", "adapters")
                .allowEmptyShould(false);
    }

    static ArchRule domainStandsAlone(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                        root + ".domain..")
                .because("the domain holds the rules, not JSON, AWS or HTTP (javax.crypto: the JDK hashes passwords)")
                .allowEmptyShould(false);
    }

    static ArchRule useCasesNeedOnlyTheDomain(String root) {
        return classes().that().resideInAPackage(root + ".usecase..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..", root + ".usecase..")
                .because("use cases reach storage through their ports, and know nothing of the edge")
                .allowEmptyShould(false);
    }

    static ArchRule adaptersImplementPortsOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".usecase")
                .because("an adapter implements the ports (usecase.port), it does not call use cases")
                .allowEmptyShould(false);
    }

    static ArchRule entryPointsAreThin(String root) {
        return noClasses().that().resideInAPackage(root + ".functions..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".usecase..", root + ".domain..",
                        root + ".adapter..", "software.amazon.awssdk..", "com.fasterxml..")
                .because("a handler maps its event through the edge of a service the composition root built")
                .allowEmptyShould(false);
    }

    static ArchRule noObjectMapperInTheFunctions(String root) {
        return noClasses().that().resideInAnyPackage(root, root + ".functions..", root + ".edge..",
                        root + ".usecase..", root + ".domain..", root + ".adapter..", root + ".json..")
                .should().dependOnClassesThat().areAssignableTo(ObjectMapper.class)
                .because("JSON trees are read and written with jackson-core (JsonTrees): building an ObjectMapper "
                        + "costs a function about 85 ms of its cold start (bench/levers.md)")
                .allowEmptyShould(false);
    }

    /** A package named {@code internal} serves its parent package (and the parent's subpackages) only. */
    static ArchRule internalsStayWithTheirParent(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use an internal package only below its parent") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            int internal = (target + ".").indexOf(".internal.");
                            String parent = internal < 0 ? null : target.substring(0, internal);
                            if (parent != null && !item.getPackageName().equals(parent)
                                    && !item.getPackageName().startsWith(parent + ".")) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("an internal package is its parent's detail: what others need, the parent offers")
                .allowEmptyShould(false);
    }

    private static List<ArchRule> rules(String root) {
        return List.of(layers(root), domainStandsAlone(root), useCasesNeedOnlyTheDomain(root),
                adaptersImplementPortsOnly(root), entryPointsAreThin(root), noObjectMapperInTheFunctions(root),
                internalsStayWithTheirParent(root));
    }

    @Test
    void theMainClassesKeepEveryRule() {
        assertTrue(MAIN.size() > 50, "imported " + MAIN.size() + " classes");
        for (ArchRule rule : rules(ROOT)) {
            rule.check(MAIN);
        }
    }

    @Test
    void everyRuleSeesItsViolation() {
        JavaClasses broken = new ClassFileImporter().importPackages(FIXTURE);
        for (ArchRule rule : rules(FIXTURE)) {
            assertThrows(AssertionError.class, () -> rule.check(broken), rule.getDescription());
        }
    }
}
