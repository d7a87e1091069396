package dev.gatehouse.engine.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * AWS's rules for definitions, with AWS's messages where AWS has them (aws-reference §1). The single-item checks
 * ({@link #checkPathPart}, {@link #checkIntegration}, ...) throw {@link DefinitionException} and are what edits
 * call; {@link #validate(ApiDefinition)} walks a whole definition (an import, a hand-edited file) and returns every
 * {@link Problem} with its JSON pointer. Stateless and thread-safe.
 */
public final class DefinitionValidator {
    private static final Pattern PATH_PART = Pattern.compile("[a-zA-Z0-9._-]+|\\{[a-zA-Z0-9._-]+\\+?}");
    private static final Pattern MODEL_NAME = Pattern.compile("[a-zA-Z0-9]+");
    private static final Pattern STAGE_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern STAGE_VARIABLE_NAME = Pattern.compile("[a-zA-Z0-9_]+");
    private static final Pattern STAGE_VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9\\-._~:/?#&=,]+");
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d{2}");
    private static final Pattern REQUEST_PARAMETER =
            Pattern.compile("method\\.request\\.(path|querystring|header|multivalueheader|multivaluequerystring)\\.[^.\\s]+.*");
    private static final Pattern INTEGRATION_PARAMETER =
            Pattern.compile("integration\\.request\\.(path|querystring|header|multivalueheader|multivaluequerystring)\\.\\S+");
    private static final Pattern METHOD_RESPONSE_PARAMETER = Pattern.compile("method\\.response\\.header\\.\\S+");

    private DefinitionValidator() {}

    /** True for {@code {name}} and {@code {name+}}. */
    public static boolean isVariable(String pathPart) {
        return pathPart != null && pathPart.startsWith("{") && pathPart.endsWith("}");
    }

    public static void checkPathPart(String pathPart) {
        if (pathPart == null || !PATH_PART.matcher(pathPart).matches()) {
            throw DefinitionException.badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the "
                    + "beginning and the end and an optional plus sign before the closing brace.");
        }
    }

    public static void checkHttpMethod(String httpMethod) {
        if (httpMethod == null || !Method.HTTP_METHODS.contains(httpMethod.toUpperCase(java.util.Locale.ROOT))) {
            throw DefinitionException.badRequest("Invalid HttpMethod specified. Valid options are "
                    + String.join(",", Method.HTTP_METHODS));
        }
    }

    /** AWS PutIntegration's checks on type, method, URI and timeout. */
    public static void checkIntegration(Integration integration) {
        if (integration.type() == null) {
            throw DefinitionException.badRequest("Enumeration value for IntegrationType must be non-empty");
        }
        switch (integration.type()) {
            case HTTP, HTTP_PROXY -> {
                requireHttpMethod(integration);
                if (!isHttpUri(integration.uri())) {
                    throw DefinitionException.badRequest("Invalid HTTP endpoint specified for URI");
                }
            }
            case AWS, AWS_PROXY -> {
                requireHttpMethod(integration);
                String uri = integration.uri();
                if (uri == null || !uri.startsWith("arn:aws:apigateway:") || uri.split(":", 6).length < 6) {
                    throw DefinitionException.badRequest("Invalid ARN specified in the request");
                }
                String resource = uri.split(":", 6)[5];
                if (!resource.startsWith("path/") && !resource.startsWith("action/")) {
                    throw DefinitionException.badRequest("AWS ARN for integration must contain path or action");
                }
                if (integration.type() == IntegrationType.AWS_PROXY
                        && !(uri.contains(":lambda:path/") || uri.contains(":firehose:"))) {
                    throw DefinitionException.badRequest("Integrations of type 'AWS_PROXY' currently only supports "
                            + "Lambda function and Firehose stream invocations.");
                }
            }
            case MOCK -> { }
        }
        int timeout = integration.timeoutInMillis();
        if (timeout < 50 || timeout > 29_000) {
            throw DefinitionException.badRequest("Timeout should be between 50 ms and 29000 ms");
        }
        for (String target : integration.requestParameters().keySet()) {
            if (!INTEGRATION_PARAMETER.matcher(target).matches()) {
                throw DefinitionException.badRequest("Invalid mapping expression specified: Validation Result: "
                        + "warnings : [], errors : [Invalid mapping expression specified: " + target + "]");
            }
        }
    }

    private static void requireHttpMethod(Integration integration) {
        if (integration.httpMethod() == null || integration.httpMethod().isBlank()) {
            throw DefinitionException.badRequest("Enumeration value for HttpMethod must be non-empty");
        }
    }

    private static boolean isHttpUri(String uri) {
        if (uri == null || uri.isBlank()) return false;
        try {
            // stage variables and {path} placeholders are filled at request time; check the shape around them
            String probe = uri.replaceAll("\\$\\{stageVariables\\.[^}]*}", "x").replaceAll("\\{[^}]*}", "x");
            URI parsed = new URI(probe);
            String scheme = parsed.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && parsed.getHost() != null
                    || uri.matches("(?i)https?://\\$\\{stageVariables\\.[^}]+}.*");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public static void checkModelName(String name) {
        if (name == null || !MODEL_NAME.matcher(name).matches()) {
            throw DefinitionException.badRequest("Model name must be non-empty and alphanumeric: " + name);
        }
    }

    public static void checkStageName(String name) {
        if (name == null || !STAGE_NAME.matcher(name).matches()) {
            throw DefinitionException.badRequest("Stage name only allows a-zA-Z0-9_-");
        }
    }

    /** Stage-variable names and values as AWS's CreateStage accepts them. */
    public static void checkStageVariables(Map<String, String> variables) {
        if (variables.size() > 100) throw DefinitionException.badRequest("A stage can have at most 100 variables");
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (!STAGE_VARIABLE_NAME.matcher(e.getKey()).matches() || e.getKey().length() > 64) {
                throw DefinitionException.badRequest("Stage variable name " + e.getKey()
                        + " is invalid: only a-zA-Z0-9_ and at most 64 characters are allowed");
            }
            String v = e.getValue();
            if (v == null || !STAGE_VARIABLE_VALUE.matcher(v).matches() || v.length() > 512) {
                throw DefinitionException.badRequest("Stage variable value " + v + " for " + e.getKey()
                        + " is invalid: only A-Za-z0-9-._~:/?#&=, and at most 512 characters are allowed");
            }
        }
    }

    /** Every problem in a whole definition, each with its JSON pointer into the definition's JSON. */
    public static List<Problem> validate(ApiDefinition api) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Resource> byId = new HashMap<>();
        long roots = api.resources().stream().filter(Resource::isRoot).count();
        if (roots != 1) problems.add(new Problem("/resources", DefinitionException.Kind.BAD_REQUEST,
                "An API needs exactly one root resource, found " + roots));
        for (Resource r : api.resources()) {
            if (byId.put(r.id(), r) != null) {
                problems.add(new Problem("/resources", DefinitionException.Kind.CONFLICT, "Duplicate resource id " + r.id()));
            }
        }
        Set<String> modelNames = new HashSet<>();
        for (int i = 0; i < api.models().size(); i++) {
            Model m = api.models().get(i);
            add(problems, "/models/" + i + "/name", () -> checkModelName(m.name()));
            if (!modelNames.add(m.name())) problems.add(new Problem("/models/" + i + "/name",
                    DefinitionException.Kind.CONFLICT, "Model name already exists for this REST API"));
        }
        Set<String> siblings = new HashSet<>();
        Map<String, String> variableSibling = new HashMap<>();
        for (int i = 0; i < api.resources().size(); i++) {
            Resource r = api.resources().get(i);
            String at = "/resources/" + i;
            if (!r.isRoot()) {
                add(problems, at + "/pathPart", () -> checkPathPart(r.pathPart()));
                Resource parent = byId.get(r.parentId());
                if (parent == null) {
                    problems.add(new Problem(at + "/parentId", DefinitionException.Kind.NOT_FOUND,
                            "Invalid Resource identifier specified: parent " + r.parentId()));
                } else {
                    if (!parent.childPath(r.pathPart()).equals(r.path())) {
                        problems.add(new Problem(at + "/path", DefinitionException.Kind.BAD_REQUEST,
                                "Path " + r.path() + " does not match its parent and path part (" + parent.childPath(r.pathPart()) + ")"));
                    }
                    if (parent.pathPart() != null && parent.pathPart().endsWith("+}")) {
                        problems.add(new Problem(at, DefinitionException.Kind.BAD_REQUEST,
                                "Cannot create a child of a resource with a greedy path variable: " + parent.pathPart()));
                    }
                }
                if (!siblings.add(r.parentId() + "\u0000" + r.pathPart())) {
                    problems.add(new Problem(at + "/pathPart", DefinitionException.Kind.CONFLICT,
                            "Another resource with the same parent already has this name: " + r.pathPart()));
                }
                if (isVariable(r.pathPart())) {
                    String other = variableSibling.putIfAbsent(r.parentId(), r.pathPart());
                    if (other != null) problems.add(new Problem(at + "/pathPart", DefinitionException.Kind.BAD_REQUEST,
                            "A sibling (" + other + ") of this resource already has a variable path part -- only one is allowed"));
                }
            }
            for (Method m : r.resourceMethods().values()) {
                validateMethod(api, m, at + "/resourceMethods/" + m.httpMethod(), modelNames, problems);
            }
        }
        return problems;
    }

    private static void validateMethod(ApiDefinition api, Method m, String at, Set<String> modelNames, List<Problem> problems) {
        add(problems, at + "/httpMethod", () -> checkHttpMethod(m.httpMethod()));
        for (String p : m.requestParameters().keySet()) {
            if (!REQUEST_PARAMETER.matcher(p).matches()) problems.add(new Problem(at + "/requestParameters",
                    DefinitionException.Kind.BAD_REQUEST, "Invalid mapping expression specified: " + p));
        }
        m.requestModels().forEach((type, model) -> {
            if (!modelNames.contains(model)) problems.add(new Problem(at + "/requestModels/" + escape(type),
                    DefinitionException.Kind.BAD_REQUEST, "Invalid model identifier specified: " + model));
        });
        if (m.requestValidatorId() != null && api.requestValidator(m.requestValidatorId()).isEmpty()) {
            problems.add(new Problem(at + "/requestValidatorId", DefinitionException.Kind.BAD_REQUEST,
                    "Invalid Request Validator identifier specified"));
        }
        if (m.authorizationType() == AuthorizationType.CUSTOM || m.authorizationType() == AuthorizationType.COGNITO_USER_POOLS) {
            if (m.authorizerId() == null || api.authorizer(m.authorizerId()).isEmpty()) {
                problems.add(new Problem(at + "/authorizerId", DefinitionException.Kind.BAD_REQUEST,
                        "Invalid authorizer ID specified. Setting the authorization type to " + m.authorizationType()
                                + " requires a valid authorizer."));
            }
        }
        m.methodResponses().forEach((code, resp) -> {
            String rat = at + "/methodResponses/" + code;
            if (!STATUS_CODE.matcher(code).matches() || !code.equals(resp.statusCode())) {
                problems.add(new Problem(rat, DefinitionException.Kind.BAD_REQUEST, "Invalid status code: " + code));
            }
            for (String h : resp.responseParameters().keySet()) {
                if (!METHOD_RESPONSE_PARAMETER.matcher(h).matches()) problems.add(new Problem(rat + "/responseParameters",
                        DefinitionException.Kind.BAD_REQUEST, "Invalid mapping expression specified: " + h));
            }
            resp.responseModels().forEach((type, model) -> {
                if (!modelNames.contains(model)) problems.add(new Problem(rat + "/responseModels/" + escape(type),
                        DefinitionException.Kind.BAD_REQUEST, "Invalid model identifier specified: " + model));
            });
        });
        Integration integration = m.methodIntegration();
        if (integration == null) return;
        String iat = at + "/methodIntegration";
        add(problems, iat, () -> checkIntegration(integration));
        integration.integrationResponses().forEach((code, ir) -> {
            String rat = iat + "/integrationResponses/" + code;
            if (!m.methodResponses().containsKey(code)) {
                problems.add(new Problem(rat, DefinitionException.Kind.NOT_FOUND, "Invalid Response status code specified"));
            }
            if (ir.selectionPattern() != null && !ir.selectionPattern().isEmpty()) {
                try {
                    Pattern.compile(ir.selectionPattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new Problem(rat + "/selectionPattern", DefinitionException.Kind.BAD_REQUEST,
                            "Invalid selection pattern specified: " + e.getDescription()));
                }
            }
            for (String target : ir.responseParameters().keySet()) {
                if (!METHOD_RESPONSE_PARAMETER.matcher(target).matches()) {
                    problems.add(new Problem(rat + "/responseParameters", DefinitionException.Kind.BAD_REQUEST,
                            "Invalid mapping expression specified: " + target));
                } else if (!m.methodResponses().containsKey(code)
                        || !m.methodResponses().get(code).responseParameters().containsKey(target)) {
                    problems.add(new Problem(rat + "/responseParameters", DefinitionException.Kind.BAD_REQUEST,
                            "Invalid mapping expression specified: Validation Result: warnings : [], errors : "
                                    + "[Invalid mapping expression specified: " + target + "]"));
                }
            }
        });
    }

    private static void add(List<Problem> problems, String pointer, Runnable check) {
        try {
            check.run();
        } catch (DefinitionException e) {
            problems.add(new Problem(pointer, e.kind(), e.getMessage()));
        }
    }

    /** JSON-pointer escaping of one segment ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
