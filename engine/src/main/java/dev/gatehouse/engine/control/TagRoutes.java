package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.DomainName;
import dev.gatehouse.engine.model.RestApi;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import dev.gatehouse.engine.workspace.Edit;
import dev.gatehouse.engine.workspace.WorkspaceState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * TagResource ({@code PUT /tags/{resource_arn}}, 204), UntagResource ({@code DELETE /tags/{resource_arn}?tagKeys=…},
 * 204) and GetTags ({@code GET /tags/{resource_arn}} → {@code {"tags": {…}}}), botocore's 2015-07-09 model, on the
 * resources that carry tags: {@code arn:aws:apigateway:REGION::/restapis/ID}, {@code …/restapis/ID/stages/NAME},
 * {@code …/apikeys/ID}, {@code …/usageplans/ID} and {@code …/domainnames/NAME}. An unknown resource is the 404 its
 * Get* call gives; an ARN of anything else is a 400. Registered by {@link ControlApi}.
 */
final class TagRoutes {
    private static final String TAGS = "/tags/{resource_arn}";

    private TagRoutes() {}

    static void register(Router r, ControlApi api) {
        r.on("GET", TAGS, call -> {
            Target target = target(call.param("resource_arn"));
            ObjectNode out = Call.READER.createObjectNode();
            ObjectNode tags = out.putObject("tags");
            new TreeMap<>(target.tags(api.gateway().workspace().state())).forEach(tags::put);
            return ControlResponse.json(200, out);
        });
        r.on("PUT", TAGS, call -> {
            Target target = target(call.param("resource_arn"));
            Map<String, String> added = call.stringMap("tags");
            if (added == null || added.isEmpty()) throw ControlException.badRequest("Tags must not be empty");
            for (String key : added.keySet()) {
                if (key.startsWith("aws:")) throw ControlException.badRequest("Tag keys must not start with 'aws:': " + key);
            }
            api.apply(ControlApi.derived("Tag " + target.describe(), state -> target.retag(state, tags -> {
                Map<String, String> next = new TreeMap<>(tags);
                next.putAll(added);
                return next;
            })));
            return ControlResponse.empty(204);
        });
        r.on("DELETE", TAGS, call -> {
            Target target = target(call.param("resource_arn"));
            List<String> keys = call.request().query().getOrDefault("tagKeys", List.of());
            api.apply(ControlApi.derived("Untag " + target.describe(), state -> target.retag(state, tags -> {
                Map<String, String> next = new TreeMap<>(tags);
                keys.forEach(next::remove);
                return next;
            })));
            return ControlResponse.empty(204);
        });
    }

    /** A taggable resource named by its ARN's path: {@code kind} and its ids. */
    private record Target(String kind, String id, String child) {
        String describe() {
            return child == null ? kind + " " + id : kind + " " + id + "/" + child;
        }

        Map<String, String> tags(WorkspaceState state) {
            JsonNode tags = tree(state).get("tags");
            Map<String, String> out = new TreeMap<>();
            if (tags != null) tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        }

        /** The edit that gives this resource {@code change(tags)} as its tags. */
        Edit retag(WorkspaceState state, UnaryOperator<Map<String, String>> change) {
            ObjectNode node = tree(state);
            Map<String, String> next = change.apply(tags(state));
            if (next.isEmpty()) node.remove("tags");
            else node.set("tags", Call.READER.valueToTree(next));
            return switch (kind) {
                case "restapis" -> Edit.replaceApi(state.api(id).orElseThrow().withRestApi(Call.convert(node, RestApi.class, "tags")));
                case "stages" -> Edit.putStage(id, Call.convert(node, Stage.class, "tags"));
                case "apikeys" -> Edit.putApiKey(Call.convert(node, ApiKey.class, "tags"));
                case "usageplans" -> Edit.putUsagePlan(Call.convert(node, UsagePlan.class, "tags"));
                default -> Edit.putDomainName(Call.convert(node, DomainName.class, "tags"));
            };
        }

        private ObjectNode tree(WorkspaceState state) {
            Object value = switch (kind) {
                case "restapis" -> state.api(id).orElseThrow(() -> ControlApi.notFoundApi(id)).restApi();
                case "stages" -> {
                    state.api(id).orElseThrow(() -> ControlApi.notFoundApi(id));
                    yield state.stage(id, child).orElseThrow(() -> DefinitionException.notFound("Invalid stage identifier specified"));
                }
                case "apikeys" -> state.apiKey(id).orElseThrow(() -> DefinitionException.notFound("Invalid API Key identifier specified"));
                case "usageplans" -> state.usagePlan(id).orElseThrow(() -> DefinitionException.notFound("Invalid Usage Plan ID specified"));
                default -> state.domainName(id).orElseThrow(() -> DefinitionException.notFound("Invalid domain name identifier specified"));
            };
            return Call.tree(value);
        }
    }

    private static Target target(String arn) {
        int at = arn.indexOf("::/");
        if (!arn.startsWith("arn:") || !arn.contains(":apigateway:") || at < 0) throw invalid(arn);
        String[] s = arn.substring(at + 3).split("/");
        if (s.length == 2 && List.of("restapis", "apikeys", "usageplans", "domainnames").contains(s[0]) && !s[1].isEmpty()) {
            return new Target(s[0], s[1], null);
        }
        if (s.length == 4 && s[0].equals("restapis") && s[2].equals("stages")) return new Target("stages", s[1], s[3]);
        throw invalid(arn);
    }

    private static ControlException invalid(String arn) {
        return ControlException.badRequest("Invalid resource ARN " + arn + ": tags are kept on REST APIs, stages, "
                + "API keys, usage plans and domain names (arn:aws:apigateway:REGION::/restapis/ID[/stages/NAME], "
                + "::/apikeys/ID, ::/usageplans/ID, ::/domainnames/NAME)");
    }
}
