package app.licensedesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/architecture.md as tests: dependencies point one way, view models stay free of the scene
 * graph, the sandbox is a second implementation that shares nothing with the app, and the ui runs background work
 * only through TaskRunner. A slip fails the build instead of waiting for a reviewer.
 */
class ArchitectureTest {

    private static final String ROOT = "app.licensedesk";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    }

    @Test
    void layersPointOneWay() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Start").definedBy(ROOT)
            .layer("Ui").definedBy(ROOT + ".ui..")
            .layer("Service").definedBy(ROOT + ".service..")
            .layer("Session").definedBy(ROOT + ".session..")
            .layer("Api").definedBy(ROOT + ".api..")
            .layer("Model").definedBy(ROOT + ".model..")
            .layer("Sandbox").definedBy(ROOT + ".sandbox..")
            .layer("Logging").definedBy(ROOT + ".logging..")
            .whereLayer("Start").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Start")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Start", "Ui")
            .whereLayer("Session").mayOnlyBeAccessedByLayers("Start", "Service")
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Start", "Service", "Session")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Start", "Ui", "Service", "Session", "Api")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Start")
            .whereLayer("Logging").mayOnlyBeAccessedByLayers("Start");
        rule.check(main);
    }

    @Test
    void modelImportsNothingOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".model..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".model.."))))
            .check(main);
    }

    @Test
    void theSandboxSharesNothingWithTheApp() {
        noClasses().that().resideInAPackage(ROOT + ".sandbox..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".sandbox.."))))
            .because("the sandbox is a second, independent implementation of the contract")
            .check(main);
        noClasses().that().resideInAnyPackage(ROOT + ".api..", ROOT + ".session..", ROOT + ".service..",
                ROOT + ".ui..", ROOT + ".model..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..")
            .check(main);
    }

    @Test
    void viewModelsKnowNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a view model is tested without the toolkit")
            .check(main);
    }

    @Test
    void onlyTaskRunnerStartsBackgroundWorkInTheUi() {
        noClasses().that().resideInAPackage(ROOT + ".ui..").and().doNotHaveSimpleName("TaskRunner")
            .should().callConstructor(Thread.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.CompletableFuture")
            .orShould().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
            .because("TaskRunner is the one async path: busy, errors and the FX thread handled in one place")
            .check(main);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
        slices().matching(ROOT + ".ui.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void classesLiveInAKnownPackage() {
        classes().should().resideInAnyPackage(ROOT, ROOT + ".model..", ROOT + ".api..", ROOT + ".session..",
                ROOT + ".service..", ROOT + ".ui..", ROOT + ".sandbox..", ROOT + ".logging..")
            .check(main);
    }
}
