package dev.gatehouse.app.session;

import dev.gatehouse.engine.cors.EnableCors;
import dev.gatehouse.engine.deploy.DeploymentDiff;
import dev.gatehouse.engine.errors.GatewayResponses;
import dev.gatehouse.engine.mapping.ContextValues;
import dev.gatehouse.engine.mapping.Playground;
import dev.gatehouse.engine.mapping.TemplateCompiler;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.openapi.ExportFormat;
import dev.gatehouse.engine.openapi.ExportOptions;
import dev.gatehouse.engine.openapi.ImportMode;
import dev.gatehouse.engine.openapi.ImportOptions;
import dev.gatehouse.engine.openapi.ImportResult;
import dev.gatehouse.engine.openapi.OpenApiExporter;
import dev.gatehouse.engine.openapi.OpenApiImporter;
import dev.gatehouse.engine.sdk.DocsResult;
import dev.gatehouse.engine.sdk.SdkGenerator;
import dev.gatehouse.engine.sdk.SdkOptions;
import dev.gatehouse.engine.sdk.SdkResult;
import dev.gatehouse.engine.sdk.StageDocument;
import dev.gatehouse.engine.validation.ModelSchemas;
import dev.gatehouse.engine.validation.SchemaFromExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The engine's stateless functions that features use without an open workspace: the OpenAPI importer and
 * exporter, the SDK generator, the mapping-template playground, schema inference, the default gateway-response
 * template. With {@link WorkspaceSession} it is the console's whole route into the engine: features hold the
 * engine's records, enums and exceptions, never its services ({@code ConsoleArchitectureTest}).
 *
 * <p>Every method may take long (parsing, code generation): call them through a TaskRunner, never on the FX
 * thread. Failures are the engine's exceptions (OpenApiImportException, SdkException, ExampleException).
 */
public final class EngineTools {
    /** The body template of a gateway response without a customised one ({@code {"message":$context.error.messageString}}). */
    public static final String DEFAULT_GATEWAY_RESPONSE_TEMPLATE = GatewayResponses.DEFAULT_TEMPLATE;

    private static final TemplateCompiler CHECKER = new TemplateCompiler();

    private EngineTools() {}

    /**
     * Names this process as the console in the audit trail: edits made from now on are recorded with actor
     * {@code console:<OS user>}. The console calls it once at start, before it opens a workspace. Any thread.
     */
    public static void auditAsConsole() {
        dev.gatehouse.engine.Gateway.nameAuditActor("console");
    }

    /** A new API from an OpenAPI or Swagger document, with the fidelity report. */
    public static ImportResult importNew(byte[] document, String sourceName, ImportOptions options) {
        return new OpenApiImporter().importNew(document, sourceName, options);
    }

    /** {@code existing} merged with or overwritten by the document, as {@code mode} says. */
    public static ImportResult importInto(ApiDefinition existing, byte[] document, String sourceName, ImportMode mode,
                                          ImportOptions options) {
        return new OpenApiImporter().importInto(existing, document, sourceName, mode, options);
    }

    /** The API as an OpenAPI 3.0 or Swagger 2.0 document (JSON or YAML as the options say). */
    public static String exportOpenApi(ApiDefinition api, ExportFormat format, ExportOptions options) {
        return OpenApiExporter.export(api, format, options);
    }

    public static SdkResult generateSdk(StageDocument stage, SdkOptions options) {
        return SdkGenerator.generate(stage, options);
    }

    public static DocsResult generateDocs(StageDocument stage, Path outputDir) {
        return SdkGenerator.generateDocs(stage, outputDir);
    }

    /** What changed from {@code older} to {@code newer} (resources, methods, settings), breaking changes marked. */
    public static DeploymentDiff diff(ApiDefinition older, ApiDefinition newer) {
        return DeploymentDiff.between(older, newer);
    }

    /**
     * The API with CORS enabled on the resource as AWS's console does it: an OPTIONS MOCK answering the preflight,
     * Access-Control-Allow-Origin on the resource's methods, the CORS headers on DEFAULT_4XX and DEFAULT_5XX.
     */
    public static ApiDefinition enableCors(ApiDefinition api, String resourceId) {
        return EnableCors.apply(api, resourceId);
    }

    /** Why the JSON document is not a JSON Schema draft 4 (checked against the meta-schema); empty when it is. */
    public static List<String> schemaProblems(String schemaJson) {
        return ModelSchemas.metaSchemaProblems(schemaJson);
    }

    /** A JSON Schema (draft 4) that the example satisfies; {@code SchemaFromExample.ExampleException} names the line. */
    public static String schemaFromExample(String jsonExample, String title) {
        return SchemaFromExample.generate(jsonExample, title);
    }

    /**
     * Why the mapping template cannot run (a syntax error, a refused directive), with its line and column in the
     * product's words; empty when it compiles. What deploy and test invoke would refuse, checked before saving.
     */
    public static java.util.Optional<TemplateProblem> templateProblem(String template) {
        try {
            synchronized (CHECKER) {
                CHECKER.compile(template == null ? "" : template, "template");
            }
            return java.util.Optional.empty();
        } catch (dev.gatehouse.engine.mapping.MappingException e) {
            return java.util.Optional.of(TemplateProblem.of(e));
        }
    }

    /**
     * The problems of a resource policy as typed for API {@code apiId} (JSON syntax with line and column; AWS's
     * policy grammar; what the engine does not enforce), errors first; empty for a blank text (no policy). The
     * engine's own checks ({@code access.ResourcePolicyCheck}); never throws for bad input.
     */
    public static List<dev.gatehouse.engine.access.ResourcePolicyCheck.Problem> resourcePolicyProblems(String policy, String apiId) {
        return dev.gatehouse.engine.access.ResourcePolicyCheck.check(policy, apiId);
    }

    /**
     * What a deployed stage would answer a caller from {@code sourceIp} calling {@code method path} on {@code stage}
     * under {@code policy}, decided by the engine's resource-policy evaluator (the data plane's), with the statement
     * that decided. Never throws for bad input: an unreadable policy gives {@code Outcome.UNREADABLE}.
     *
     * @param signedIamCaller the call is SigV4-signed on an AWS_IAM method (named AWS principals may then match)
     */
    public static dev.gatehouse.engine.access.ResourcePolicyCheck.Verdict checkResourcePolicyRequest(String policy, String apiId,
            String stage, String method, String path, String sourceIp, boolean signedIamCaller) {
        return dev.gatehouse.engine.access.ResourcePolicyCheck.decide(policy, apiId, stage, method, path, sourceIp, signedIamCaller);
    }

    /** A mapping-template playground: renders templates against a sample request as a test invoke would. */
    public static TemplateRenderer templateRenderer() {
        Playground playground = new Playground(new TemplateCompiler());
        return (template, sample, context) -> {
            ContextValues.Builder values = ContextValues.builder();
            context.forEach(values::put);
            return playground.render(template, sample.toMappingRequest(values.build()));
        };
    }

    /**
     * Which endpoint each of {@code services} is called on by the workspace's AWS service integrations, and where it
     * comes from (the workspace's {@code aws.json}, {@code AWS_ENDPOINT_URL_<SERVICE>}/{@code AWS_ENDPOINT_URL}, the
     * shared config file's {@code services} section, else the default regional endpoint): the engine's own
     * endpoint resolution, run on this machine's environment. A setting that cannot be used is reported in the
     * row's {@code problem}, never thrown.
     *
     * @param regions the region to resolve each service's default endpoint for (us-east-1 when absent)
     */
    public static List<AwsEndpoint> awsEndpoints(Path workspaceRoot, Map<String, String> regions,
                                                 java.util.Collection<String> services) {
        return AwsEndpointSettings.resolve(workspaceRoot, dev.gatehouse.engine.integration.aws.AwsEnvironment.system(),
                regions, services);
    }

    /**
     * The workspace's endpoint overrides ({@code aws.json} {@code endpoints}: service or {@code *} → URL), sorted.
     *
     * @throws IllegalArgumentException when {@code aws.json} cannot be read or is invalid (the message says where)
     */
    public static Map<String, String> awsEndpointOverrides(Path workspaceRoot) {
        return AwsEndpointSettings.overrides(workspaceRoot);
    }

    /**
     * Replaces the workspace's endpoint overrides in {@code aws.json}, keeping its other settings; the running
     * integrations use them from their next request. Nothing is written when a URL is refused.
     *
     * @throws IllegalArgumentException with the engine's message naming the setting ("endpoints.dynamodb must
     *                                  be an http:// or https:// URL …") or the file's JSON error
     */
    public static void saveAwsEndpointOverrides(Path workspaceRoot, Map<String, String> endpoints) {
        AwsEndpointSettings.save(workspaceRoot, endpoints);
    }

    /** Renders one template; thread-confined to the caller's background thread. */
    @FunctionalInterface
    public interface TemplateRenderer {
        /**
         * @param context {@code $context} values by dotted name ({@code identity.sourceIp})
         * @throws IllegalArgumentException when a line of the sample is malformed
         */
        Playground.Result render(String template, SampleRequest sample, Map<String, Object> context);
    }
}
