package dev.gatehouse.app.settings;

import dev.gatehouse.app.Harness;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.model.ApiKeySource;
import dev.gatehouse.engine.model.EndpointType;
import dev.gatehouse.engine.model.RestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiSettingsViewModelTest {
    private final Harness h = Harness.sample();
    private final ApiSettingsViewModel vm = new ApiSettingsViewModel(h.workbench);

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void formShowsTheSelectedApiAndItsDefaultMark() {
        RestApi api = h.api().restApi();

        assertThat(vm.titleProperty().get()).isEqualTo("Settings of " + api.name());
        assertThat(vm.nameProperty().get()).isEqualTo(api.name());
        assertThat(vm.apiKeySourceProperty().get()).isEqualTo(api.apiKeySource());
        assertThat(vm.defaultApiProperty().get()).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void savingAllFieldsIsOneUndoableEditNamedAfterTheApi() {
        String name = h.api().name();
        String before = h.api().restApi().description();
        vm.descriptionProperty().set("Pets, locally");
        vm.versionProperty().set("2.1");
        vm.apiKeySourceProperty().set(ApiKeySource.AUTHORIZER);
        vm.endpointTypeProperty().set(EndpointType.REGIONAL);
        assertThat(vm.addBinaryMediaType("image/png")).isTrue();
        vm.minimumCompressionSizeProperty().set("1024");
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.save();

        RestApi saved = h.api().restApi();
        assertThat(saved.description()).isEqualTo("Pets, locally");
        assertThat(saved.version()).isEqualTo("2.1");
        assertThat(saved.apiKeySource()).isEqualTo(ApiKeySource.AUTHORIZER);
        assertThat(saved.endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);
        assertThat(saved.binaryMediaTypes()).contains("image/png");
        assertThat(saved.minimumCompressionSize()).isEqualTo(1024);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(h.workbench.undoTextProperty().get()).isEqualTo("Undo Change settings of " + name);

        h.workbench.undo();

        assertThat(h.api().restApi().description()).isEqualTo(before);
        assertThat(vm.descriptionProperty().get()).isEqualTo(before == null ? "" : before);
        assertThat(vm.minimumCompressionSizeProperty().get()).isEmpty();
    }

    @Test
    void compressionSizeOutsideAwsBoundsIsFlaggedAndCannotBeSaved() {
        vm.minimumCompressionSizeProperty().set("10485761");
        assertThat(vm.compressionProblemProperty().get()).contains("between 0 and 10485760");
        assertThat(vm.canSaveProperty().get()).isFalse();

        vm.minimumCompressionSizeProperty().set("lots");
        assertThat(vm.compressionProblemProperty().get()).isNotEmpty();

        vm.minimumCompressionSizeProperty().set("0");
        assertThat(vm.compressionProblemProperty().get()).isEmpty();
        vm.minimumCompressionSizeProperty().set("");
        assertThat(vm.compressionProblemProperty().get()).isEmpty();
    }

    @Test
    void blankNameAndMalformedMediaTypesAreRefused() {
        vm.nameProperty().set("  ");
        assertThat(vm.nameProblemProperty().get()).isNotEmpty();
        assertThat(vm.canSaveProperty().get()).isFalse();

        assertThat(vm.mediaTypeProblem("png")).contains("type/subtype");
        assertThat(vm.addBinaryMediaType("png")).isFalse();
        assertThat(vm.addBinaryMediaType("*/*")).isTrue();
        assertThat(vm.mediaTypeProblem("*/*")).contains("already");
    }

    @Test
    void revertPutsBackWhatIsStored() {
        String stored = vm.nameProperty().get();
        vm.nameProperty().set("Renamed");
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.revert();

        assertThat(vm.nameProperty().get()).isEqualTo(stored);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void unmarkingTheDefaultApiIsSavedAndUndoneWithTheOtherSettings() {
        String apiId = h.api().id();
        vm.descriptionProperty().set("no longer the default");
        vm.defaultApiProperty().set(false);

        vm.save();

        assertThat(h.workbench.session().orElseThrow().defaultApiId()).isEmpty();
        assertThat(h.api().restApi().description()).isEqualTo("no longer the default");
        assertThat(h.workbench.undoTextProperty().get()).startsWith("Undo Change settings of ");
        assertThat(vm.dirtyProperty().get()).isFalse();

        h.workbench.undo();

        assertThat(h.workbench.session().orElseThrow().defaultApiId()).contains(apiId);
        assertThat(h.api().restApi().description()).isNotEqualTo("no longer the default");
        assertThat(vm.defaultApiProperty().get()).isTrue();
    }

    @Test
    void markingAnotherApiAsDefaultMovesTheMark() {
        String other = h.workbench.apisProperty().stream().map(a -> a.id()).filter(id -> !id.equals(h.api().id())).findFirst().orElseThrow();
        h.workbench.selectApi(other);
        assertThat(vm.defaultApiProperty().get()).isFalse();

        vm.defaultApiProperty().set(true);
        vm.save();

        assertThat(h.workbench.session().orElseThrow().defaultApiId()).contains(other);
        assertThat(h.dialogs.errors).isEmpty();
    }
}
