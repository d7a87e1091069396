package dev.gatehouse.app.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageSettingsViewModelTest {
    private final Harness ws = Harness.sample();
    private final StagesViewModel stages = new StagesViewModel(ws.workbench);
    private final StageSettingsViewModel vm = stages.settings();

    @AfterEach
    void close() {
        ws.close();
    }

    private Stage prod() {
        return ws.session().stages(ws.api().id()).stream().filter(s -> s.stageName().equals("prod")).findFirst().orElseThrow();
    }

    @Test
    void defaultsAndAPerMethodOverrideAreSavedAsAwsMethodSettings() {
        // given PetStore's prod selected
        stages.select("prod");
        assertThat(vm.methods()).contains("GET /pets", "POST /pets");

        // when the stage gets a default throttle and its cache, and GET /pets an override cached for 600 s
        vm.rateProperty().set("100");
        vm.burstProperty().set("200");
        vm.cacheEnabledProperty().set(true);
        vm.editMethod("GET /pets");
        assertThat(vm.methodCachingProperty().get()).isTrue(); // GET methods cache by default, as on AWS
        vm.methodTtlProperty().set("600");
        vm.methodStrategyProperty().set(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
        assertThat(vm.putOverride()).isTrue();
        assertThat(vm.save()).isTrue();

        // then the stage holds them under "*/*" and "~1pets/GET" (AWS's patch-path form), undoable
        Stage prod = prod();
        assertThat(prod.cacheClusterEnabled()).isTrue();
        assertThat(prod.cacheClusterSize()).isEqualTo("0.5");
        Stage.MethodSetting all = prod.methodSettings().get("*/*");
        assertThat(all.throttlingRateLimit()).isEqualTo(100.0);
        assertThat(all.throttlingBurstLimit()).isEqualTo(200);
        assertThat(all.cachingEnabled()).isNull(); // the stage default leaves GET-only caching to the engine
        Stage.MethodSetting pets = prod.methodSettings().get("~1pets/GET");
        assertThat(pets.cachingEnabled()).isTrue();
        assertThat(pets.cacheTtlInSeconds()).isEqualTo(600);
        assertThat(pets.throttlingRateLimit()).isEqualTo(100.0); // a blank override throttle takes the stage's
        assertThat(pets.unauthorizedCacheControlHeaderStrategy()).isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
        assertThat(ws.workbench.undoTextProperty().get()).isEqualTo("Undo Change settings of stage prod");
    }

    @Test
    void aTtlPastAnHourAndAHalfSetThrottleAreRefusedInWords() {
        stages.select("prod");
        vm.editMethod("GET /pets");
        vm.methodTtlProperty().set("3601");
        assertThat(vm.methodProblemProperty().get())
                .isEqualTo("Cache time-to-live of GET /pets (seconds) must be a whole number from 0 to 3600 (not \"3601\")");
        assertThat(vm.putOverride()).isFalse();
        vm.rateProperty().set("5");
        assertThat(vm.problemProperty().get())
                .isEqualTo("Set both the default throttling rate and burst, or neither (no stage throttle)");
        assertThat(vm.save()).isFalse();
    }

    @Test
    void aCachedMethodThatNeedsAKeyButIgnoresItInTheCacheKeyIsWarnedAbout() {
        String api = ws.api().id();
        ws.session().updateApi(api, "key on GET /pets", a -> {
            var pets = a.resources().stream().filter(r -> r.path().equals("/pets")).findFirst().orElseThrow();
            return a.withResource(pets.withMethod(pets.resourceMethods().get("GET").withApiKeyRequired(true)));
        });
        ws.session().deploy(api, "prod", "key");
        stages.select("prod");
        vm.cacheEnabledProperty().set(true);
        assertThat(vm.warningProperty().get()).startsWith("Cached responses of GET /pets are shared between callers");
    }
}
