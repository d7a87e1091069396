package dev.gatehouse.engine.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AWS's PATCH operations applied to the JSON form of a definition record, for the members an Update operation
 * allows: scalar members ({@code /uri}: replace, add, remove), map members ({@code /requestParameters/NAME}: add,
 * replace, remove one entry) and list members ({@code /cacheKeyParameters/NAME}: add, remove one element). Values
 * stay strings here, as AWS sends them; converting the tree back to the record ({@link Call#convert}) turns
 * {@code "true"} and {@code "29000"} into the member's type or answers AWS's 400.
 */
record TreePatch(Set<String> scalars, Set<String> maps, Set<String> lists) {

    /** The paths this patch allows, for the 400 that names them. */
    List<String> paths() {
        List<String> out = new ArrayList<>();
        scalars.stream().sorted().forEach(s -> out.add("/" + s));
        maps.stream().sorted().forEach(s -> out.add("/" + s + "/{key}"));
        lists.stream().sorted().forEach(s -> out.add("/" + s + "/{value}"));
        return out;
    }

    /** Applies the operations in order to a copy of {@code node}. */
    ObjectNode apply(ObjectNode node, List<Patch> patches) {
        ObjectNode out = node.deepCopy();
        for (Patch p : patches) apply(out, p);
        return out;
    }

    private void apply(ObjectNode node, Patch p) {
        List<String> s = p.segments();
        String field = s.getFirst();
        if (s.size() == 1 && scalars.contains(field)) {
            switch (p.op()) {
                case "replace", "add" -> {
                    if (p.value() == null) node.remove(field);
                    else node.put(field, p.value());
                }
                case "remove" -> node.remove(field);
                default -> throw p.unsupported(paths());
            }
            return;
        }
        if (s.size() == 2 && maps.contains(field)) {
            ObjectNode map = node.get(field) instanceof ObjectNode o ? o : node.putObject(field);
            switch (p.op()) {
                case "replace", "add" -> map.put(s.get(1), p.requiredValue());
                case "remove" -> {
                    if (map.remove(s.get(1)) == null) {
                        throw ControlException.badRequest("Invalid patch path '" + p.path() + "': nothing to remove");
                    }
                }
                default -> throw p.unsupported(paths());
            }
            return;
        }
        if ((s.size() == 2 || s.size() == 1) && lists.contains(field)) {
            String value = s.size() == 2 ? s.get(1) : p.requiredValue();
            ArrayNode list = node.get(field) instanceof ArrayNode a ? a : node.putArray(field);
            int at = -1;
            for (int i = 0; i < list.size(); i++) if (value.equals(list.get(i).asText())) at = i;
            switch (p.op()) {
                case "add" -> {
                    if (at < 0) list.add(value);
                }
                case "remove" -> {
                    if (at >= 0) list.remove(at);
                }
                default -> throw p.unsupported(paths());
            }
            return;
        }
        throw p.unsupported(paths());
    }
}
