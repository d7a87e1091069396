package dev.gatehouse.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The architecture as a test (STYLE.md item 20): which package may use which library. */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineNeverDependsOnJavaFx = noClasses().that().resideInAPackage("dev.gatehouse.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs headless on servers");

    @ArchTest
    static final ArchRule swaggerParserStaysInTheOpenApiPackage = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.engine.openapi..")
            .should().dependOnClassesThat().resideInAnyPackage("io.swagger..")
            .because("OpenAPI documents are read and written in one place");

    @ArchTest
    static final ArchRule velocityStaysInTheMappingPackage = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.engine.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.velocity..")
            .because("templates are compiled and sandboxed in one place");

    @ArchTest
    static final ArchRule filtersNeverSeeVertx = noClasses()
            .that().resideInAnyPackage("dev.gatehouse.engine.pipeline..", "dev.gatehouse.engine.routing..",
                    "dev.gatehouse.engine.errors..", "dev.gatehouse.engine.mapping..", "dev.gatehouse.engine.validation..",
                    "dev.gatehouse.engine.deploy..", "dev.gatehouse.engine.model..", "dev.gatehouse.engine.workspace..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
            .because("the data plane's threading stays in server/ and the HTTP integration (DESIGN.md)");

    @ArchTest
    static final ArchRule modelDependsOnNothingElseOfOurs = noClasses()
            .that().resideInAPackage("dev.gatehouse.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.engine.workspace..",
                    "dev.gatehouse.engine.openapi..", "dev.gatehouse.engine.deploy..", "dev.gatehouse.engine.server..",
                    "dev.gatehouse.engine.pipeline..", "dev.gatehouse.engine.cli..")
            .because("definitions are plain values everything else builds on");
}
