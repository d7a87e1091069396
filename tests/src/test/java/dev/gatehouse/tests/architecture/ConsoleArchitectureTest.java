package dev.gatehouse.tests.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's architecture as a test (issue 9, parts 2 and 6; STYLE.md items 12, 14 and 20): the console has
 * one route into the engine, and view models stay free of scene graphs.
 *
 * <p>The route: {@code dev.gatehouse.app.session} — the {@code WorkspaceSession} interface, its engine
 * implementation over the {@code Gateway} facade, and {@code EngineTools} for the engine's stateless functions —
 * is the only package that calls the engine. Every other console package may hold and read the engine's
 * <em>data</em>: the definitions of {@code engine.model}, and the records, enums and exceptions that the session
 * takes and returns (a test invoke's request and result, an import's fidelity report, an SDK language). It never
 * holds an engine <em>service</em>: the facade, the workspace and its edit history, a server, an importer, a
 * generator. The session itself uses only the engine packages it wraps, so the pipeline, routing, access,
 * integrations, observers, the CLI and the control plane stay out of the console.
 */
class ConsoleArchitectureTest {

    private static final String APP = "dev.gatehouse.app..";
    private static final String SESSION = "dev.gatehouse.app.session..";
    private static final String ENGINE = "dev.gatehouse.engine..";
    private static final String MODEL = "dev.gatehouse.engine.model..";

    /** The composition root: it alone picks the engine-backed session (and the JavaFX Application class). */
    private static final String COMPOSITION_ROOT = "dev.gatehouse.app.ConsoleApp";

    /**
     * The engine packages the session wraps, each for a reason: the facade ({@code dev.gatehouse.engine}, i.e.
     * {@code Gateway}); definitions; the workspace and its undoable edits; test invoke's request and result;
     * OpenAPI import and export; SDK and docs export; the deployment diff; the template playground; schema
     * inference and the meta-schema check; the default gateway-response template; the data plane's bound port;
     * enabling CORS on a resource; the workspace's local Lambda functions (list, create, code, invoke, logs); the
     * AWS service integrations' endpoint resolution and {@code aws.json} settings (the AWS endpoints page).
     * Remotes: the user's remotes file, test connection, push and pull ({@code engine.remote}).
     */
    private static final String[] SESSION_MAY_USE = {
            "dev.gatehouse.engine", MODEL, "dev.gatehouse.engine.workspace..", "dev.gatehouse.engine.invoke..",
            "dev.gatehouse.engine.openapi..", "dev.gatehouse.engine.sdk..", "dev.gatehouse.engine.deploy..",
            "dev.gatehouse.engine.mapping..", "dev.gatehouse.engine.validation..", "dev.gatehouse.engine.errors..",
            "dev.gatehouse.engine.server..", "dev.gatehouse.engine.cors..", "dev.gatehouse.engine.functions..",
            "dev.gatehouse.engine.remote..", "dev.gatehouse.engine.integration.aws.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gatehouse");
    }

    /** Values, not services: records, enums and exceptions (nested ones too, e.g. {@code FidelityReport.Entry}). */
    private static final DescribedPredicate<JavaClass> ENGINE_DATA = new DescribedPredicate<>(
            "records, enums or exceptions of the engine") {
        @Override
        public boolean test(JavaClass c) {
            return c.isRecord() || c.isEnum() || c.isAssignableTo(Throwable.class);
        }
    };

    private static final ArchRule featuresReachTheEngineOnlyThroughTheSessionRule = noClasses()
            .that().resideInAPackage(APP).and().resideOutsideOfPackage(SESSION)
            .should().dependOnClassesThat(resideInAPackage(ENGINE).and(not(resideInAPackage(MODEL))).and(not(ENGINE_DATA)))
            .because("the console has one route into the engine: WorkspaceSession and EngineTools in app.session "
                    + "(features hold engine data, never the facade, the workspace or another engine service)");

    private static final ArchRule theSessionUsesOnlyTheEnginePackagesItWrapsRule = noClasses()
            .that().resideInAPackage(SESSION)
            .should().dependOnClassesThat(resideInAPackage(ENGINE).and(not(resideInAnyPackage(SESSION_MAY_USE)))
                    // the one value of access/ the console reads: a usage plan's usage in GetUsage's shape
                    .and(not(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                            dev.gatehouse.engine.access.UsageReport.class)))
                    // the resource-policy editor's checks and "Check a request": the data plane's own evaluator
                    .and(not(com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                            dev.gatehouse.engine.access.ResourcePolicyCheck.class))))
            .because("the pipeline, routing, access, integrations, observers, the CLI and the control plane are "
                    + "the engine's inside, reached through the Gateway facade");

    private static final ArchRule noFeatureDowncastsToTheEngineSessionRule = noClasses()
            .that().resideInAPackage(APP).and().resideOutsideOfPackage(SESSION)
            .and().doNotHaveFullyQualifiedName(COMPOSITION_ROOT)
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.gatehouse.app.session.EngineWorkspaceSession")
            .because("view models see the WorkspaceSession interface only; tests give them a fake");

    private static final ArchRule viewModelsNeverImportJavaFxSceneRule = noClasses()
            .that().resideInAPackage(APP).and().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model exposes properties and commands, never nodes (STYLE.md item 12), "
                    + "and is tested without a toolkit");

    private static final ArchRule viewModelsNeverPostToTheFxThreadThemselvesRule = noClasses()
            .that().resideInAPackage(APP).and().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
            .because("background work and the hop back go through the injected TaskRunner (STYLE.md item 14), "
                    + "so tests run them on one thread");

    private static final ArchRule theEngineNeverSeesTheConsoleRule = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("the console is one client of the engine among others (the CLI, the control plane)");

    private static final ArchRule viewModelsLiveBesideTheirViewsRule = classes()
            .that().resideInAPackage(APP).and().haveSimpleNameEndingWith("ViewModel")
            .should().resideOutsideOfPackage(SESSION)
            .because("a view model belongs to its feature package, next to its view (STYLE.md item 11)");

    @Test
    void featuresReachTheEngineOnlyThroughTheSession() {
        featuresReachTheEngineOnlyThroughTheSessionRule.check(classes);
    }

    @Test
    void theSessionUsesOnlyTheEnginePackagesItWraps() {
        theSessionUsesOnlyTheEnginePackagesItWrapsRule.check(classes);
    }

    @Test
    void noFeatureDowncastsToTheEngineSession() {
        noFeatureDowncastsToTheEngineSessionRule.check(classes);
    }

    @Test
    void viewModelsNeverImportJavaFxScene() {
        viewModelsNeverImportJavaFxSceneRule.check(classes);
    }

    @Test
    void viewModelsNeverPostToTheFxThreadThemselves() {
        viewModelsNeverPostToTheFxThreadThemselvesRule.check(classes);
    }

    @Test
    void theEngineNeverSeesTheConsole() {
        theEngineNeverSeesTheConsoleRule.check(classes);
    }

    @Test
    void viewModelsLiveBesideTheirViews() {
        viewModelsLiveBesideTheirViewsRule.check(classes);
    }
}
