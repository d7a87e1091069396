package dev.gatehouse.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as a test (STYLE.md item 20): which package may use which library. Plain JUnit tests over one
 * import of the production classes (ArchUnit's own JUnit engine reported no tests under Surefire here).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gatehouse");
    }

    private static final ArchRule engineNeverDependsOnJavaFxRule = noClasses().that().resideInAPackage("dev.gatehouse.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs headless on servers");

    private static final ArchRule swaggerParserStaysInTheOpenApiPackageRule = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.engine.openapi..")
            .should().dependOnClassesThat().resideInAnyPackage("io.swagger..")
            .because("OpenAPI documents are read and written in one place");

    private static final ArchRule velocityStaysInTheMappingPackageRule = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.engine.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.velocity..")
            .because("templates are compiled and sandboxed in one place");

    private static final ArchRule openApiGeneratorStaysInTheSdkPackageRule = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.engine.sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("org.openapitools..")
            .because("SDK generation is one feature behind one package");

    private static final ArchRule filtersNeverSeeVertxRule = noClasses()
            .that().resideInAnyPackage("dev.gatehouse.engine.pipeline..", "dev.gatehouse.engine.routing..",
                    "dev.gatehouse.engine.errors..", "dev.gatehouse.engine.mapping..", "dev.gatehouse.engine.validation..",
                    "dev.gatehouse.engine.deploy..", "dev.gatehouse.engine.model..", "dev.gatehouse.engine.workspace..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
            .because("the data plane's threading stays in server/ and the HTTP integration (DESIGN.md)");

    private static final ArchRule modelDependsOnNothingElseOfOursRule = noClasses()
            .that().resideInAPackage("dev.gatehouse.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.engine.workspace..",
                    "dev.gatehouse.engine.openapi..", "dev.gatehouse.engine.deploy..", "dev.gatehouse.engine.server..",
                    "dev.gatehouse.engine.pipeline..", "dev.gatehouse.engine.cli..")
            .because("definitions are plain values everything else builds on");

    private static final ArchRule deployNeverDependsOnTheServerRule = noClasses()
            .that().resideInAPackage("dev.gatehouse.engine.deploy..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.engine.server..")
            .because("compiling a deployment is independent of how it is served (issue 9)");

    private static final ArchRule mappingNeverDependsOnIntegrationsRule = noClasses()
            .that().resideInAPackage("dev.gatehouse.engine.mapping..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.engine.integration..")
            .because("mapping hands its output to integrations through its own keys, never the other way round");

    private static final ArchRule onlyTheRequestPipelineAssemblesPipelinesRule = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.gatehouse.engine.pipeline.RequestPipeline")
            .and().resideOutsideOfPackage("dev.gatehouse.engine.pipeline")
            .and().doNotHaveFullyQualifiedName("dev.gatehouse.engine.errors.ErrorMappingFilter")
            .and().doNotHaveFullyQualifiedName("dev.gatehouse.engine.payload.CompressionFilter")
            .should().callConstructor(dev.gatehouse.engine.pipeline.Pipeline.class, java.util.List.class)
            .orShould().callConstructor(dev.gatehouse.engine.routing.RoutingFilter.class,
                    dev.gatehouse.engine.routing.RuntimePlan.class)
            .orShould().accessField(dev.gatehouse.engine.errors.ErrorMappingFilter.class, "INSTANCE")
            .orShould().accessField(dev.gatehouse.engine.payload.CompressionFilter.class, "INSTANCE")
            .because("the order of the filters is written in one place, pipeline.RequestPipeline (DESIGN.md)");

    private static final ArchRule accessChecksLiveInTheAccessPackageRule = noClasses()
            .that().resideOutsideOfPackages("dev.gatehouse.engine.access..", "dev.gatehouse.engine.pipeline..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.gatehouse.engine.access.FailClosedAccess")
            .because("access filters are put in their slots by the pipeline only");

    @Test
    void deployNeverDependsOnTheServer() {
        deployNeverDependsOnTheServerRule.check(classes);
    }

    @Test
    void mappingNeverDependsOnIntegrations() {
        mappingNeverDependsOnIntegrationsRule.check(classes);
    }

    @Test
    void onlyTheRequestPipelineAssemblesPipelines() {
        onlyTheRequestPipelineAssemblesPipelinesRule.check(classes);
    }

    @Test
    void accessChecksLiveInTheAccessPackage() {
        accessChecksLiveInTheAccessPackageRule.check(classes);
    }

    @Test
    void engineNeverDependsOnJavaFx() {
        engineNeverDependsOnJavaFxRule.check(classes);
    }

    @Test
    void swaggerParserStaysInTheOpenApiPackage() {
        swaggerParserStaysInTheOpenApiPackageRule.check(classes);
    }

    @Test
    void velocityStaysInTheMappingPackage() {
        velocityStaysInTheMappingPackageRule.check(classes);
    }

    @Test
    void openApiGeneratorStaysInTheSdkPackage() {
        openApiGeneratorStaysInTheSdkPackageRule.check(classes);
    }

    @Test
    void filtersNeverSeeVertx() {
        filtersNeverSeeVertxRule.check(classes);
    }

    @Test
    void modelDependsOnNothingElseOfOurs() {
        modelDependsOnNothingElseOfOursRule.check(classes);
    }
}
