package dev.gatehouse.app.stages;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.NumberInput;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.AuthorizationType;
import dev.gatehouse.engine.model.DefinitionException;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UnauthorizedCacheControlHeaderStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected stage's settings as AWS's stage editor has them: the default method throttling (rate, burst), the
 * cache cluster (on/off, size) with the default cache TTL, and per-method overrides (throttling, caching, TTL
 * 0–3600, encryption, {@code requireAuthorizationForCacheControl}, the unauthorised-request strategy). {@link #save}
 * stores them as one undoable stage edit, applied at once without a deploy. {@link #flushCache} empties the stage's
 * cache in the console's own engine (the cache lives there). FX thread only.
 */
public final class StageSettingsViewModel {
    /** AWS's {@code cacheClusterSize} values in GB (aws-reference §1.10). */
    public static final List<String> CACHE_SIZES = List.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");
    static final int MAX_TTL = 3600;
    static final int DEFAULT_TTL = 300;
    static final double MAX_RATE = 10_000;
    static final int MAX_BURST = 5_000;
    private static final String ALL = "*/*";

    /** A per-method override as the table shows and the form edits it; numbers as typed. */
    public record Override(String method, String rate, String burst, boolean caching, String ttl, boolean encrypted,
                           boolean requireAuthorization, UnauthorizedCacheControlHeaderStrategy strategy) {}

    private final Workbench workbench;
    private final ReadOnlyStringWrapper stageName = new ReadOnlyStringWrapper(this, "stageName");
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "");
    private final StringProperty burst = new SimpleStringProperty(this, "burst", "");
    private final BooleanProperty cacheEnabled = new SimpleBooleanProperty(this, "cacheEnabled");
    private final ObjectProperty<String> cacheSize = new SimpleObjectProperty<>(this, "cacheSize", "0.5");
    private final StringProperty defaultTtl = new SimpleStringProperty(this, "defaultTtl", "");
    private final ObservableList<Override> overrides = FXCollections.observableArrayList();
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    // the override form
    private final StringProperty method = new SimpleStringProperty(this, "method", "");
    private final StringProperty methodRate = new SimpleStringProperty(this, "methodRate", "");
    private final StringProperty methodBurst = new SimpleStringProperty(this, "methodBurst", "");
    private final BooleanProperty methodCaching = new SimpleBooleanProperty(this, "methodCaching");
    private final StringProperty methodTtl = new SimpleStringProperty(this, "methodTtl", "300");
    private final BooleanProperty methodEncrypted = new SimpleBooleanProperty(this, "methodEncrypted");
    private final BooleanProperty methodRequireAuth = new SimpleBooleanProperty(this, "methodRequireAuth", true);
    private final ObjectProperty<UnauthorizedCacheControlHeaderStrategy> methodStrategy = new SimpleObjectProperty<>(this,
            "methodStrategy", UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper methodProblem = new ReadOnlyStringWrapper(this, "methodProblem", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper cacheState = new ReadOnlyStringWrapper(this, "cacheState", "");
    private final LatestTask cacheReading;
    private String apiId;
    private Stage stage;
    private ApiDefinition deployed;

    StageSettingsViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.cacheReading = new LatestTask(workbench.tasks());
        for (StringProperty p : List.of(rate, burst, defaultTtl)) p.addListener((obs, o, v) -> check());
        cacheEnabled.addListener((obs, o, v) -> check());
        overrides.addListener((javafx.collections.ListChangeListener<Override>) c -> check());
        for (StringProperty p : List.of(method, methodRate, methodBurst, methodTtl)) p.addListener((obs, o, v) -> checkMethod());
        methodCaching.addListener((obs, o, v) -> checkMethod());
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyStringProperty stageNameProperty() { return stageName.getReadOnlyProperty(); }

    /** Default method throttling rate (requests per second); blank: no stage throttle. */
    public StringProperty rateProperty() { return rate; }

    public StringProperty burstProperty() { return burst; }

    public BooleanProperty cacheEnabledProperty() { return cacheEnabled; }

    public ObjectProperty<String> cacheSizeProperty() { return cacheSize; }

    /** Default cache TTL in seconds for the stage's cached methods; blank: AWS's 300. */
    public StringProperty defaultTtlProperty() { return defaultTtl; }

    public ObservableList<Override> overrides() { return overrides; }

    /** The deployed methods of the stage ("GET /pets"): the override form's choices. */
    public ObservableList<String> methods() { return methods; }

    public StringProperty methodProperty() { return method; }

    public StringProperty methodRateProperty() { return methodRate; }

    public StringProperty methodBurstProperty() { return methodBurst; }

    public BooleanProperty methodCachingProperty() { return methodCaching; }

    public StringProperty methodTtlProperty() { return methodTtl; }

    public BooleanProperty methodEncryptedProperty() { return methodEncrypted; }

    public BooleanProperty methodRequireAuthProperty() { return methodRequireAuth; }

    public ObjectProperty<UnauthorizedCacheControlHeaderStrategy> methodStrategyProperty() { return methodStrategy; }

    /** Why the settings cannot be saved, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Why the override form cannot be added, or empty. */
    public ReadOnlyStringProperty methodProblemProperty() { return methodProblem.getReadOnlyProperty(); }

    /** Cached methods whose cache key ignores the caller's identity (a cached answer could reach another caller). */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }

    /** "3 responses cached now", or why nothing is cached. */
    public ReadOnlyStringProperty cacheStateProperty() { return cacheState.getReadOnlyProperty(); }

    void show(String api, Stage shown, ApiDefinition deployedApi, boolean force) {
        boolean same = api.equals(apiId) && stage != null && shown.stageName().equals(stage.stageName());
        apiId = api;
        stage = shown;
        deployed = deployedApi;
        stageName.set(shown.stageName());
        List<String> names = new ArrayList<>();
        if (deployedApi != null) {
            deployedApi.resources().forEach(r -> new TreeMap<>(r.resourceMethods()).keySet().forEach(m -> names.add(m + " " + r.path())));
        }
        methods.setAll(names);
        // a stage changed elsewhere (undo, the CLI, another process) shows at once, unless the form holds edits
        if (force || !same || saved || form().equals(filled)) {
            saved = false;
            fill(shown);
        }
        refreshCache();
        check();
    }

    void clear() {
        apiId = null;
        stage = null;
        deployed = null;
        stageName.set(null);
        overrides.clear();
        methods.clear();
        cacheState.set("");
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Loads an override (or the stage defaults for a method without one) into the form. */
    public void editMethod(String methodName) {
        if (methodName == null) return;
        Override o = overrides.stream().filter(x -> x.method().equals(methodName)).findFirst().orElse(null);
        method.set(methodName);
        if (o != null) {
            methodRate.set(o.rate());
            methodBurst.set(o.burst());
            methodCaching.set(o.caching());
            methodTtl.set(o.ttl());
            methodEncrypted.set(o.encrypted());
            methodRequireAuth.set(o.requireAuthorization());
            methodStrategy.set(o.strategy());
        } else {
            methodRate.set(rate.get());
            methodBurst.set(burst.get());
            methodCaching.set(methodName.startsWith("GET "));
            methodTtl.set(NumberInput.blank(defaultTtl.get()) ? String.valueOf(DEFAULT_TTL) : defaultTtl.get().trim());
            methodEncrypted.set(false);
            methodRequireAuth.set(true);
            methodStrategy.set(UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
        }
        checkMethod();
    }

    /** Adds the form's override to the table (replacing one for the same method); saved with {@link #save}. */
    public boolean putOverride() {
        checkMethod();
        if (!methodProblem.get().isEmpty()) return false;
        String m = normalise(method.get());
        overrides.removeIf(o -> o.method().equals(m));
        overrides.add(new Override(m, methodRate.get().trim(), methodBurst.get().trim(), methodCaching.get(), methodTtl.get().trim(),
                methodEncrypted.get(), methodRequireAuth.get(), methodStrategy.get()));
        overrides.sort(java.util.Comparator.comparing(o -> o.method().substring(o.method().indexOf(' ') + 1) + " " + o.method()));
        return true;
    }

    public void removeOverride(Override o) {
        overrides.remove(o);
    }

    /** Stores the settings as one undoable stage edit; false (nothing stored) when they have a problem. */
    public boolean save() {
        check();
        if (stage == null || !problem.get().isEmpty()) return false;
        String api = apiId;
        String name = stage.stageName();
        boolean cache = cacheEnabled.get();
        String size = cacheSize.get();
        Map<String, Stage.MethodSetting> settings = buildSettings(stage.methodSettings());
        saved = true;
        edit(api, name, "Change settings of stage " + name, () -> {
            WorkspaceSession session = workbench.session().orElseThrow();
            long now = Instant.now().getEpochSecond();
            session.updateStage(api, name, "Change settings of stage " + name,
                    s -> s.withCacheCluster(cache, cache ? size : s.cacheClusterSize(), now).withMethodSettings(settings, now));
        });
        return true;
    }

    /** Puts the stored settings back into the form. */
    public void revert() {
        if (stage != null) fill(stage);
    }

    /** Empties the stage's cache in the console's engine (AWS FlushStageCache). */
    public void flushCache() {
        if (stage == null) return;
        String api = apiId;
        String name = stage.stageName();
        WorkspaceSession session = workbench.session().orElse(null);
        if (session == null) return;
        workbench.tasks().run(() -> {
            session.traffic().flushStageCache(api, name);
            return session.traffic().cachedResponses(api, name);
        }, n -> cacheState.set("Cache flushed: " + describe(n)), e -> showError("Cannot flush the cache of stage " + name, e));
    }

    /** Reads how many responses the stage's cache holds now. */
    public void refreshCache() {
        WorkspaceSession session = workbench.session().orElse(null);
        if (stage == null || session == null) return;
        String api = apiId;
        String name = stage.stageName();
        boolean enabled = Boolean.TRUE.equals(stage.cacheClusterEnabled());
        cacheReading.run(BackgroundTask.of(() -> session.traffic().cachedResponses(api, name))
                .onSuccess(n -> cacheState.set(enabled || n > 0 ? describe(n) : "The stage cache is off: nothing is cached"))
                .onFailure(e -> cacheState.set("")));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private static String describe(long n) {
        return n + (n == 1 ? " response" : " responses") + " cached now in this console's engine";
    }

    /** What the form shows, to tell edits from what was loaded. */
    private record Form(String rate, String burst, boolean cache, String size, String ttl, List<Override> overrides) {}

    private Form filled;
    /** Set while a save is stored: the stage it stores replaces the form when it shows. */
    private boolean saved;

    private Form form() {
        return new Form(rate.get(), burst.get(), cacheEnabled.get(), cacheSize.get(), defaultTtl.get(), List.copyOf(overrides));
    }

    private void fill(Stage s) {
        Map<String, Stage.MethodSetting> ms = s.methodSettings();
        Stage.MethodSetting all = ms.get(ALL);
        rate.set(all == null || all.throttlingRateLimit() == null ? "" : NumberInput.plain(all.throttlingRateLimit()));
        burst.set(all == null || all.throttlingBurstLimit() == null ? "" : String.valueOf(all.throttlingBurstLimit()));
        defaultTtl.set(all == null || all.cacheTtlInSeconds() == null ? "" : String.valueOf(all.cacheTtlInSeconds()));
        cacheEnabled.set(Boolean.TRUE.equals(s.cacheClusterEnabled()));
        cacheSize.set(s.cacheClusterSize() == null ? "0.5" : s.cacheClusterSize());
        List<Override> list = new ArrayList<>();
        ms.forEach((key, v) -> {
            if (key.equals(ALL)) return;
            String m = methodOf(key);
            if (m == null) return;
            list.add(new Override(m, v.throttlingRateLimit() == null ? "" : NumberInput.plain(v.throttlingRateLimit()),
                    v.throttlingBurstLimit() == null ? "" : String.valueOf(v.throttlingBurstLimit()),
                    v.cachingEnabled() != null ? v.cachingEnabled() : m.startsWith("GET "),
                    v.cacheTtlInSeconds() == null ? String.valueOf(DEFAULT_TTL) : String.valueOf(v.cacheTtlInSeconds()),
                    Boolean.TRUE.equals(v.cacheDataEncrypted()),
                    v.requireAuthorizationForCacheControl() == null || v.requireAuthorizationForCacheControl(),
                    v.unauthorizedCacheControlHeaderStrategy() == null
                            ? UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER : v.unauthorizedCacheControlHeaderStrategy()));
        });
        overrides.setAll(list);
        filled = form();
        check();
    }

    /** "GET /pets" from a method-settings key ({@code ~1pets/GET} as AWS's patch paths write it, or {@code /pets/GET}). */
    static String methodOf(String key) {
        int slash = key.lastIndexOf('/');
        if (slash <= 0) return null;
        String path = key.substring(0, slash).replace("~1", "/");
        if (!path.startsWith("/")) path = "/" + path;
        return key.substring(slash + 1) + " " + path;
    }

    /** The method-settings key of "GET /pets": {@code ~1pets/GET} (the resource path with '/' written ~1). */
    static String keyOf(String methodName) {
        int space = methodName.indexOf(' ');
        return methodName.substring(space + 1).replace("/", "~1") + "/" + methodName.substring(0, space);
    }

    private Map<String, Stage.MethodSetting> buildSettings(Map<String, Stage.MethodSetting> before) {
        Map<String, Stage.MethodSetting> out = new TreeMap<>();
        Stage.MethodSetting old = before.get(ALL);
        Double r = NumberInput.blank(rate.get()) ? null : Double.valueOf(rate.get().trim());
        Integer b = NumberInput.blank(burst.get()) ? null : Integer.valueOf(burst.get().trim());
        Integer ttl = NumberInput.blank(defaultTtl.get()) ? null : Integer.valueOf(defaultTtl.get().trim());
        Stage.MethodSetting all = old == null
                ? new Stage.MethodSetting(null, null, null, b, r, null, ttl, null, null, null)
                : new Stage.MethodSetting(old.metricsEnabled(), old.loggingLevel(), old.dataTraceEnabled(), b, r, old.cachingEnabled(),
                        ttl, old.cacheDataEncrypted(), old.requireAuthorizationForCacheControl(), old.unauthorizedCacheControlHeaderStrategy());
        if (!isEmpty(all)) out.put(ALL, all);
        for (Override o : overrides) {
            String key = keyOf(o.method());
            Stage.MethodSetting prev = before.get(key);
            if (prev == null) prev = before.get(o.method().substring(o.method().indexOf(' ') + 1) + "/" + o.method().substring(0, o.method().indexOf(' ')));
            // an override is a whole setting (it replaces the stage's */* for its method): a blank throttle takes the stage's
            Double mr = NumberInput.blank(o.rate()) ? r : Double.valueOf(o.rate());
            Integer mb = NumberInput.blank(o.burst()) ? b : Integer.valueOf(o.burst());
            out.put(key, new Stage.MethodSetting(prev == null ? old == null ? null : old.metricsEnabled() : prev.metricsEnabled(),
                    prev == null ? old == null ? null : old.loggingLevel() : prev.loggingLevel(),
                    prev == null ? old == null ? null : old.dataTraceEnabled() : prev.dataTraceEnabled(),
                    mb, mr, o.caching(), Integer.valueOf(o.ttl()), o.encrypted(), o.requireAuthorization(), o.strategy()));
        }
        return out;
    }

    private static boolean isEmpty(Stage.MethodSetting s) {
        return s.metricsEnabled() == null && s.loggingLevel() == null && s.dataTraceEnabled() == null && s.throttlingBurstLimit() == null
                && s.throttlingRateLimit() == null && s.cachingEnabled() == null && s.cacheTtlInSeconds() == null
                && s.cacheDataEncrypted() == null && s.requireAuthorizationForCacheControl() == null
                && s.unauthorizedCacheControlHeaderStrategy() == null;
    }

    private void check() {
        problem.set(findProblem());
        warning.set(findWarning());
    }

    private String findProblem() {
        boolean noRate = NumberInput.blank(rate.get());
        boolean noBurst = NumberInput.blank(burst.get());
        if (noRate != noBurst) return "Set both the default throttling rate and burst, or neither (no stage throttle)";
        if (!noRate) {
            var r = NumberInput.decimal("Default throttling rate (requests per second)", rate.get(), 0, MAX_RATE);
            if (!r.ok()) return r.problem();
            var b = NumberInput.whole("Default throttling burst (requests)", burst.get(), 0, MAX_BURST);
            if (!b.ok()) return b.problem();
        }
        if (!NumberInput.blank(defaultTtl.get())) {
            var t = NumberInput.whole("Default cache time-to-live (seconds)", defaultTtl.get(), 0, MAX_TTL);
            if (!t.ok()) return t.problem();
        }
        for (Override o : overrides) {
            String p = overrideProblem(o.method(), o.rate(), o.burst(), o.ttl());
            if (!p.isEmpty()) return p;
        }
        return "";
    }

    private void checkMethod() {
        String m = method.get() == null ? "" : method.get().trim();
        if (m.isEmpty()) {
            methodProblem.set("Pick the method to override");
            return;
        }
        methodProblem.set(overrideProblem(normalise(m), methodRate.get(), methodBurst.get(), methodTtl.get()));
    }

    private String overrideProblem(String m, String r, String b, String ttl) {
        if (!m.matches("(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY) /\\S*")) {
            return "Write the method as METHOD /path, e.g. GET /pets (not \"" + m + "\")";
        }
        if (!methods.isEmpty() && !methods.contains(m)) return m + " is not a method of what the stage serves";
        if (NumberInput.blank(r) != NumberInput.blank(b)) return "Set both the throttling rate and burst of " + m + ", or neither";
        if (!NumberInput.blank(r)) {
            var x = NumberInput.decimal("Throttling rate of " + m, r, 0, MAX_RATE);
            if (!x.ok()) return x.problem();
            var y = NumberInput.whole("Throttling burst of " + m, b, 0, MAX_BURST);
            if (!y.ok()) return y.problem();
        }
        var t = NumberInput.whole("Cache time-to-live of " + m + " (seconds)", ttl, 0, MAX_TTL);
        return t.ok() ? "" : t.problem();
    }

    private String findWarning() {
        if (deployed == null || !cacheEnabled.get()) return "";
        List<String> leaky = new ArrayList<>();
        for (var r : deployed.resources()) {
            for (var m : new TreeMap<>(r.resourceMethods()).values()) {
                String name = m.httpMethod() + " " + r.path();
                Override o = overrides.stream().filter(x -> x.method().equals(name)).findFirst().orElse(null);
                boolean cached = o != null ? o.caching() && !"0".equals(o.ttl()) : "GET".equals(m.httpMethod());
                boolean authorized = m.authorizationType() != null && m.authorizationType() != AuthorizationType.NONE
                        || Boolean.TRUE.equals(m.apiKeyRequired());
                if (!cached || !authorized) continue;
                List<String> keyParams = m.methodIntegration() == null ? List.of() : m.methodIntegration().cacheKeyParameters();
                boolean identityInKey = keyParams.stream().map(p -> p.toLowerCase(Locale.ROOT))
                        .anyMatch(p -> p.endsWith(".header.authorization") || p.endsWith(".header.x-api-key"));
                if (!identityInKey) leaky.add(name);
            }
        }
        return leaky.isEmpty() ? "" : "Cached responses of " + String.join(", ", leaky) + " are shared between callers: the cache "
                + "key ignores who calls (add the Authorization or x-api-key header to the method's cache key parameters).";
    }

    private static String normalise(String m) {
        String t = m == null ? "" : m.trim();
        int space = t.indexOf(' ');
        return space < 0 ? t.toUpperCase(Locale.ROOT) : t.substring(0, space).toUpperCase(Locale.ROOT) + " " + t.substring(space + 1).trim();
    }

    private void edit(String api, String name, String what, Runnable work) {
        workbench.tasks().run(() -> {
            work.run();
            return what;
        }, done -> refreshCache(), e -> {
            saved = false;
            showError("Cannot change the settings of stage " + name, e);
        });
    }

    private void showError(String title, Throwable e) {
        if (e instanceof DefinitionException) workbench.dialogs().showError(title, e.getMessage());
        else workbench.dialogs().showError(title, e);
    }
}
