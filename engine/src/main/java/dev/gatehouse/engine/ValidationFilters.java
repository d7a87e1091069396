package dev.gatehouse.engine;

import dev.gatehouse.engine.deploy.MethodFilterFactory;
import java.util.List;

/** Request-validation filters per method; wired to the validation package when it lands. */
final class ValidationFilters {
    private ValidationFilters() {}

    static MethodFilterFactory factory() {
        return (api, resource, method) -> List.of();
    }
}
