package dev.gatehouse.app.gatewayresponses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel.Row;
import dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel.Source;
import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.GatewayResponse;
import dev.gatehouse.engine.model.GatewayResponseType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayResponsesViewModelTest {
    private final Harness h = Harness.sample();
    private GatewayResponsesViewModel vm;

    @BeforeEach
    void withoutCustomisations() {
        // the sample may ship customisations (CORS); start from AWS's defaults
        h.workbench.edit("Clear gateway responses", api -> api.withGatewayResponses(List.of()));
        vm = new GatewayResponsesViewModel(h.workbench);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void allTwentyOneTypesShowTheirBuiltInStatus() {
        assertThat(vm.rows()).hasSize(21);
        assertThat(row(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)).isEqualTo(
                new Row(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, "403", Source.DEFAULT, "Default", "MissingAuthenticationTokenException"));
        assertThat(row(GatewayResponseType.DEFAULT_4XX).status()).isEqualTo("—");
        assertThat(row(GatewayResponseType.THROTTLED).status()).isEqualTo("429");
        assertThat(vm.selectedProperty().get()).isEqualTo(GatewayResponseType.ACCESS_DENIED);
        assertThat(vm.contentTypes()).containsExactly("application/json");
        assertThat(vm.templateProperty().get()).isEqualTo("{\"message\":$context.error.messageString}");
    }

    @Test
    void customisedStatusIsSavedAsOneUndoableEditAndShownInTheTable() {
        vm.selectedProperty().set(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
        vm.statusCodeProperty().set("404");
        vm.addHeader();
        vm.setHeader(0, "Access-Control-Allow-Origin", "'*'");

        vm.save();

        GatewayResponse stored = h.api().gatewayResponses().stream()
                .filter(r -> r.responseType() == GatewayResponseType.MISSING_AUTHENTICATION_TOKEN).findFirst().orElseThrow();
        assertThat(stored.statusCode()).isEqualTo("404");
        assertThat(stored.defaultResponse()).isFalse();
        assertThat(stored.responseParameters()).containsExactly(Map.entry("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"));
        assertThat(stored.responseTemplates()).containsKey("application/json");
        assertThat(row(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN).status()).isEqualTo("404");
        assertThat(row(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN).customised()).isTrue();
        assertThat(vm.customisedProperty().get()).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Customise gateway response MISSING_AUTHENTICATION_TOKEN");

        h.workbench.undo();

        assertThat(row(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN).source()).isEqualTo(Source.DEFAULT);
        assertThat(vm.statusCodeProperty().get()).isEmpty();
        assertThat(vm.headers()).isEmpty();
    }

    @Test
    void customisedDefault4xxIsInheritedByUncustomised4xxTypesOnly() {
        vm.selectedProperty().set(GatewayResponseType.DEFAULT_4XX);
        vm.statusCodeProperty().set("400");
        vm.save();

        assertThat(row(GatewayResponseType.THROTTLED)).extracting(Row::status, Row::sourceText).containsExactly("400", "Inherited from DEFAULT_4XX");
        assertThat(row(GatewayResponseType.INTEGRATION_TIMEOUT)).extracting(Row::status, Row::source).containsExactly("504", Source.DEFAULT);
        assertThat(row(GatewayResponseType.DEFAULT_4XX)).extracting(Row::status, Row::source).containsExactly("400", Source.CUSTOMISED);
    }

    @Test
    void resetToDefaultRemovesTheCustomisation() {
        vm.selectedProperty().set(GatewayResponseType.THROTTLED);
        vm.statusCodeProperty().set("503");
        vm.save();
        assertThat(vm.customisedProperty().get()).isTrue();

        vm.resetToDefault();

        assertThat(h.api().gatewayResponses()).isEmpty();
        assertThat(row(GatewayResponseType.THROTTLED)).extracting(Row::status, Row::source).containsExactly("429", Source.DEFAULT);
        assertThat(vm.customisedProperty().get()).isFalse();
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Reset gateway response THROTTLED to default");
    }

    @Test
    void invalidStatusAndHeaderMappingsCannotBeSaved() {
        vm.statusCodeProperty().set("700");
        assertThat(vm.statusProblemProperty().get()).contains("100 to 599");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.statusCodeProperty().set("");

        vm.addHeader();
        vm.setHeader(0, "X-Trace", "method.response.header.X");
        assertThat(vm.headerProblemProperty().get()).contains("Invalid mapping expression");
        assertThat(vm.canSaveProperty().get()).isFalse();

        vm.setHeader(0, "X-Trace", "method.request.header.X-Trace");
        assertThat(vm.headerProblemProperty().get()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void templatesAreKeptPerContentType() {
        vm.selectedProperty().set(GatewayResponseType.UNAUTHORIZED);
        assertThat(vm.contentTypeProblem("application/json")).contains("already");
        vm.addContentType("application/xml");
        vm.templateProperty().set("<error>$context.error.message</error>");
        vm.selectedContentTypeProperty().set("application/json");
        assertThat(vm.templateProperty().get()).isEqualTo(GatewayResponsesViewModel.DEFAULT_TEMPLATE);

        vm.save();

        assertThat(h.api().gatewayResponses().getFirst().responseTemplates())
                .containsEntry("application/xml", "<error>$context.error.message</error>")
                .containsEntry("application/json", GatewayResponsesViewModel.DEFAULT_TEMPLATE);
    }

    @Test
    void enableCorsOnTheSelectedResourceAddsTheHeadersToTheDefaultResponsesAsOneEdit() {
        String petsId = h.api().resourceByPath("/pets").orElseThrow().id();
        h.workbench.select(dev.gatehouse.app.session.Selection.resource(petsId));
        assertThat(vm.corsTargetProperty().get()).isEqualTo("/pets");

        vm.enableCors();

        assertThat(h.api().resourceByPath("/pets").orElseThrow().method("OPTIONS")).isNotNull();
        assertThat(row(GatewayResponseType.DEFAULT_4XX).customised()).isTrue();
        assertThat(row(GatewayResponseType.THROTTLED).source()).isEqualTo(Source.INHERITED);
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Enable CORS on /pets");
    }

    private Row row(GatewayResponseType type) {
        return vm.rows().stream().filter(r -> r.type() == type).findFirst().orElseThrow();
    }
}
