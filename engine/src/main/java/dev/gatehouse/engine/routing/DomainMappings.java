package dev.gatehouse.engine.routing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link DomainResolver} over a table of custom domains: domain name (any case, no port) -> base path ->
 * API stage. The empty base path (shown as {@code (none)} by AWS; both spellings accepted) catches every path
 * of its domain not taken by a named base path. V1 base paths are one path segment. Immutable.
 */
public final class DomainMappings implements DomainResolver {

    /** The target of one base path mapping. */
    public record ApiStage(String apiId, String stage) { }

    private final Map<String, Map<String, ApiStage>> domains;

    private DomainMappings(Map<String, Map<String, ApiStage>> domains) {
        this.domains = domains;
    }

    /** {@code domainName -> (basePath -> target)}; copied. */
    public static DomainMappings of(Map<String, Map<String, ApiStage>> table) {
        Map<String, Map<String, ApiStage>> copy = new HashMap<>();
        table.forEach((domain, mappings) -> {
            Map<String, ApiStage> m = new HashMap<>();
            mappings.forEach((base, target) -> m.put("(none)".equals(base) ? "" : stripSlashes(base), target));
            copy.put(domain.toLowerCase(Locale.ROOT), Map.copyOf(m));
        });
        return new DomainMappings(Map.copyOf(copy));
    }

    private static String stripSlashes(String base) {
        String b = base;
        while (b.startsWith("/")) b = b.substring(1);
        while (b.endsWith("/")) b = b.substring(0, b.length() - 1);
        return b;
    }

    @Override public InvokeAddress resolve(String host, String rawPath) {
        String name = InvokeAddress.hostName(host);
        Map<String, ApiStage> mappings = name == null ? null : domains.get(name);
        if (mappings == null) return null;
        int slash = rawPath.indexOf('/', 1);
        String first = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
        ApiStage target = first.isEmpty() ? null : mappings.get(first);
        if (target != null) {
            String path = slash < 0 ? "/" : rawPath.substring(slash);
            return new InvokeAddress(target.apiId(), target.stage(), path, rawPath);
        }
        ApiStage catchAll = mappings.get("");
        return catchAll == null ? null : new InvokeAddress(catchAll.apiId(), catchAll.stage(), rawPath, rawPath);
    }

    @Override public String toString() {
        return "DomainMappings" + domains;
    }
}
