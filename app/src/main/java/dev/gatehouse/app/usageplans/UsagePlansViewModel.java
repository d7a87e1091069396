package dev.gatehouse.app.usageplans;

import dev.gatehouse.app.core.BackgroundTask;
import dev.gatehouse.app.core.LatestTask;
import dev.gatehouse.app.core.NumberInput;
import dev.gatehouse.app.keys.TrafficTasks;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceSession;
import dev.gatehouse.app.session.WorkspaceTraffic;
import dev.gatehouse.engine.access.UsageReport;
import dev.gatehouse.engine.model.ApiDefinition;
import dev.gatehouse.engine.model.ApiKey;
import dev.gatehouse.engine.model.Ids;
import dev.gatehouse.engine.model.QuotaPeriod;
import dev.gatehouse.engine.model.Stage;
import dev.gatehouse.engine.model.UsagePlan;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * The Usage Plans page: the workspace's plans; for the selected one a form (name, description, API stages, throttle,
 * per-method throttles, quota) saved as one undoable edit, its API keys (added and removed at once, each undoable)
 * and its usage per key and day over the last {@link #USAGE_DAYS} days (AWS's GetUsage, read from the console's
 * engine). Reloads after every workspace change. FX thread only.
 */
public final class UsagePlansViewModel {
    /** Days the usage chart covers, today included (UTC days, as AWS counts usage). */
    public static final int USAGE_DAYS = 7;
    /** AWS's account-level defaults bound what a plan may allow (aws-reference §8). */
    static final double MAX_RATE = 10_000;
    static final int MAX_BURST = 5_000;

    /** One plan as the list shows it. */
    public record PlanRow(UsagePlan plan, String stages, String limits, int keys) {
        public String name() { return plan.name(); }

        public String id() { return plan.id(); }
    }

    /** An API stage the plan covers. */
    public record StageEntry(String apiId, String apiName, String stage) {
        @Override public String toString() { return apiName + " / " + stage; }
    }

    /** A per-method throttle of one API stage, {@code method} as "GET /pets". */
    public record MethodThrottle(StageEntry stage, String method, String rate, String burst) {}

    /** An API to pick (its name shown). */
    public record ApiChoice(String id, String name, List<String> stages, List<String> methods) {
        @Override public String toString() { return name; }
    }

    /** A key to pick or listed in the plan. */
    public record KeyChoice(String id, String name) {
        @Override public String toString() { return name; }
    }

    /** One key's requests on one day, with what its quota had left (AWS GetUsage's [used, remaining]). */
    public record UsagePoint(String keyId, String keyName, LocalDate day, long used, long remaining) {}

    private record Loaded(List<UsagePlan> plans, List<ApiKey> keys, List<ApiChoice> apis) {}

    private final Workbench workbench;
    private final ObservableList<PlanRow> plans = FXCollections.observableArrayList();
    private final ObjectProperty<PlanRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "");
    private final StringProperty burst = new SimpleStringProperty(this, "burst", "");
    private final BooleanProperty quotaEnabled = new SimpleBooleanProperty(this, "quotaEnabled");
    private final StringProperty quotaLimit = new SimpleStringProperty(this, "quotaLimit", "");
    private final ObjectProperty<QuotaPeriod> period = new SimpleObjectProperty<>(this, "period", QuotaPeriod.DAY);
    private final StringProperty offset = new SimpleStringProperty(this, "offset", "0");
    private final ObservableList<StageEntry> stages = FXCollections.observableArrayList();
    private final ObservableList<MethodThrottle> methodThrottles = FXCollections.observableArrayList();
    private final ObservableList<ApiChoice> apis = FXCollections.observableArrayList();
    private final ObservableList<KeyChoice> planKeys = FXCollections.observableArrayList();
    private final ObservableList<KeyChoice> otherKeys = FXCollections.observableArrayList();
    private final ObservableList<UsagePoint> usage = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper usageSummary = new ReadOnlyStringWrapper(this, "usageSummary", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper changed =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "changed");
    /** The form as last filled from the stored plan or saved; null when no plan is selected. */
    private FormState filled;
    private final TrafficTasks traffic;
    private final LatestTask usageLoading;
    private Map<String, String> keyNames = Map.of();
    private String wanted;

    public UsagePlansViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.traffic = new TrafficTasks(workbench);
        this.usageLoading = new LatestTask(workbench.tasks());
        workbench.revisionProperty().addListener((obs, old, rev) -> reload());
        workbench.sessionProperty().addListener((obs, old, s) -> reload());
        selected.addListener((obs, old, row) -> {
            boolean samePlan = old != null && row != null && old.id().equals(row.id());
            if (!samePlan) fillForm(row);
            fillKeys(row);
            refreshUsage();
        });
        for (StringProperty p : List.of(name, description, rate, burst, quotaLimit, offset)) p.addListener((obs, o, v) -> check());
        quotaEnabled.addListener((obs, o, v) -> check());
        period.addListener((obs, o, v) -> check());
        stages.addListener((javafx.collections.ListChangeListener<StageEntry>) c -> check());
        methodThrottles.addListener((javafx.collections.ListChangeListener<MethodThrottle>) c -> check());
        reload();
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObservableList<PlanRow> plans() { return plans; }

    public ObjectProperty<PlanRow> selectedProperty() { return selected; }

    public StringProperty nameProperty() { return name; }

    public StringProperty descriptionProperty() { return description; }

    /** Requests per second per key ("" = no throttle). */
    public StringProperty rateProperty() { return rate; }

    /** Bucket size per key ("" = no throttle). */
    public StringProperty burstProperty() { return burst; }

    public BooleanProperty quotaEnabledProperty() { return quotaEnabled; }

    public StringProperty quotaLimitProperty() { return quotaLimit; }

    public ObjectProperty<QuotaPeriod> periodProperty() { return period; }

    /** DAY: 0; WEEK: 0 = Sunday … 6 = Saturday; MONTH: days after the 1st (0–27). */
    public StringProperty offsetProperty() { return offset; }

    /** The API stages of the plan as edited. */
    public ObservableList<StageEntry> stages() { return stages; }

    /** Per-method throttles as edited. */
    public ObservableList<MethodThrottle> methodThrottles() { return methodThrottles; }

    /** The workspace's APIs with their stages and methods: the pickers' choices. */
    public ObservableList<ApiChoice> apis() { return apis; }

    public ObservableList<KeyChoice> planKeys() { return planKeys; }

    /** Keys not in the plan: what Add key offers. */
    public ObservableList<KeyChoice> otherKeys() { return otherKeys; }

    /** Requests per key and day, oldest first per key ({@link #USAGE_DAYS} days to today, UTC). */
    public ObservableList<UsagePoint> usage() { return usage; }

    /** "partner: 12 requests today, 88 left in today's quota", one line per key. */
    public ReadOnlyStringProperty usageSummaryProperty() { return usageSummary.getReadOnlyProperty(); }

    /** Whether the form differs from the stored plan (what Save would store and Revert would undo). */
    public javafx.beans.property.ReadOnlyBooleanProperty changedProperty() { return changed.getReadOnlyProperty(); }

    /** Why the form cannot be saved, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    // ---- commands --------------------------------------------------------------------------------------------

    /** Creates an empty plan named {@code planName} (one undoable edit) and selects it. */
    public void create(String planName) {
        if (planName == null || planName.isBlank()) return;
        UsagePlan plan = new UsagePlan(Ids.shortId(), planName.trim(), null, List.of(), null, null, null, Map.of(), List.of());
        run("Cannot create usage plan " + planName, t -> {
            t.putUsagePlan(plan, "Create usage plan " + plan.name());
            return plan;
        }, p -> {
            wanted = p.id();
            // the reload after the edit may have come first: select it now if it is listed
            plans.stream().filter(r -> r.id().equals(p.id())).findFirst().ifPresent(r -> {
                selected.set(r);
                wanted = null;
            });
            notice.set("Usage plan " + p.name() + " created: add an API stage, limits and keys");
        });
    }

    /** Asks for a name, then {@link #create}. */
    public void createAsking() {
        workbench.dialogs().askText("Create usage plan", "Name", "").ifPresent(this::create);
    }

    /** Adds an API stage to the plan being edited (saved with {@link #save}). */
    public void addStage(ApiChoice api, String stage) {
        if (api == null || stage == null) return;
        StageEntry entry = new StageEntry(api.id(), api.name(), stage);
        if (!stages.contains(entry)) stages.add(entry);
    }

    public void removeStage(StageEntry entry) {
        stages.remove(entry);
        methodThrottles.removeIf(m -> m.stage().equals(entry));
    }

    /** Adds or replaces a per-method throttle ("GET /pets") on one of the plan's stages (saved with {@link #save}). */
    public void putMethodThrottle(StageEntry stage, String method, String methodRate, String methodBurst) {
        if (stage == null || method == null || method.isBlank()) return;
        String m = method.trim();
        methodThrottles.removeIf(t -> t.stage().equals(stage) && t.method().equals(m));
        methodThrottles.add(new MethodThrottle(stage, m, methodRate == null ? "" : methodRate.trim(),
                methodBurst == null ? "" : methodBurst.trim()));
    }

    public void removeMethodThrottle(MethodThrottle throttle) {
        methodThrottles.remove(throttle);
    }

    /** Stores the form as one undoable edit; false (and nothing stored) when it has a problem. */
    public boolean save() {
        check();
        PlanRow row = selected.get();
        if (row == null || !problem.get().isEmpty()) return false;
        UsagePlan plan = build(row.plan());
        FormState saving = form();
        run("Cannot save usage plan " + plan.name(), t -> {
            t.putUsagePlan(plan, "Save usage plan " + plan.name());
            return plan;
        }, p -> {
            filled = saving;
            check();
            notice.set("Usage plan " + p.name() + " saved");
        });
        return true;
    }

    /** Puts the stored plan back into the form. */
    public void revert() {
        fillForm(selected.get());
    }

    /** Adds an API key to the selected plan at once (one undoable edit). */
    public void addKey(KeyChoice key) {
        PlanRow row = selected.get();
        if (row == null || key == null || row.plan().keyIds().contains(key.id())) return;
        List<String> keys = new ArrayList<>(row.plan().keyIds());
        keys.add(key.id());
        putKeys(row, keys, "Add API key " + key.name() + " to usage plan " + row.name());
    }

    /** Takes an API key out of the selected plan at once (one undoable edit). */
    public void removeKey(KeyChoice key) {
        PlanRow row = selected.get();
        if (row == null || key == null) return;
        putKeys(row, row.plan().keyIds().stream().filter(k -> !k.equals(key.id())).toList(),
                "Remove API key " + key.name() + " from usage plan " + row.name());
    }

    /** Deletes the selected plan after a confirmation (one undoable edit). */
    public void delete() {
        PlanRow row = selected.get();
        if (row == null) return;
        String message = "Delete usage plan " + row.name() + "? Its " + row.keys() + " API key(s) stop being admitted to "
                + "its stages by it; the keys themselves stay.\n\nYou can undo this with Edit → Undo.";
        if (!workbench.dialogs().confirm("Delete usage plan", message, "Delete usage plan")) return;
        run("Cannot delete usage plan " + row.name(), t -> {
            t.deleteUsagePlan(row.id());
            return row.name();
        }, n -> notice.set("Usage plan " + n + " deleted (Undo brings it back)"));
    }

    /**
     * Asks how many requests {@code key} may still make in the plan's current quota period (the plan's whole limit
     * proposed: a reset), then {@link #setRemaining sets it}. An answer that is not a whole number from 0 is refused
     * with an error saying why; cancelling changes nothing. A plan without a quota says so instead.
     */
    public void setRemainingAsking(KeyChoice key) {
        PlanRow row = selected.get();
        if (row == null || key == null) return;
        UsagePlan.QuotaSettings quota = row.plan().quota();
        String failure = "Cannot set the remaining quota of " + key.name();
        if (quota == null || quota.limit() == null) {
            workbench.dialogs().showError(failure, "Usage plan " + row.name() + " has no quota: enable one on the Details "
                    + "tab and save the plan first");
            return;
        }
        var answer = workbench.dialogs().askText("Set remaining quota", "Requests " + key.name() + " may still make in "
                + quotaOf(quota.period()) + " (the plan allows " + quota.limit() + ")", String.valueOf(quota.limit()));
        if (answer.isEmpty()) return;
        var remaining = NumberInput.whole("Remaining requests", answer.get(), 0, Integer.MAX_VALUE);
        if (!remaining.ok()) {
            workbench.dialogs().showError(failure, remaining.problem());
            return;
        }
        setRemaining(key, remaining.value());
    }

    /**
     * AWS UpdateUsage on the console's engine, off the FX thread: {@code key} may make {@code remaining} more
     * requests in the selected plan's current quota period (the next request already counts against it); then the
     * usage is read again and a notice says what is left. Recorded in the audit trail; not undoable.
     */
    public void setRemaining(KeyChoice key, long remaining) {
        PlanRow row = selected.get();
        if (row == null || key == null) return;
        QuotaPeriod quotaPeriod = row.plan().quota() == null ? QuotaPeriod.DAY : row.plan().quota().period();
        run("Cannot set the remaining quota of " + key.name(), t -> t.updateUsage(row.id(), key.id(), remaining), report -> {
            notice.set(key.name() + " has " + remaining + " request" + (remaining == 1 ? "" : "s") + " left in "
                    + quotaOf(quotaPeriod) + " of " + row.name());
            refreshUsage();
        });
    }

    /** Reads the selected plan's usage again from the console's engine. */
    public void refreshUsage() {
        PlanRow row = selected.get();
        WorkspaceSession session = workbench.session().orElse(null);
        if (row == null || session == null) {
            usageLoading.cancel();
            usage.clear();
            usageSummary.set("");
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = today.minusDays(USAGE_DAYS - 1);
        String planId = row.id();
        Map<String, String> names = keyNames;
        QuotaPeriod quotaPeriod = row.plan().quota() == null ? null : row.plan().quota().period();
        usageLoading.run(BackgroundTask.of(() -> session.traffic().usage(planId, null, start, today))
                .onSuccess(report -> showUsage(report, names, quotaPeriod))
                .onFailure(e -> usageSummary.set("Usage cannot be read: " + e.getMessage())));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void showUsage(UsageReport report, Map<String, String> names, QuotaPeriod quotaPeriod) {
        List<UsagePoint> points = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        report.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String keyName = names.getOrDefault(e.getKey(), e.getKey());
            LocalDate day = report.startDate();
            long lastUsed = 0;
            long lastRemaining = 0;
            for (List<Long> pair : e.getValue()) {
                lastUsed = pair.get(0);
                lastRemaining = pair.get(1);
                points.add(new UsagePoint(e.getKey(), keyName, day, lastUsed, lastRemaining));
                day = day.plusDays(1);
            }
            lines.add(keyName + ": " + lastUsed + " request" + (lastUsed == 1 ? "" : "s") + " today"
                    + (quotaPeriod == null ? "" : ", " + lastRemaining + " left in " + quotaOf(quotaPeriod)));
        });
        usage.setAll(points);
        usageSummary.set(lines.isEmpty() ? "No API keys in this plan: no usage to show" : String.join("\n", lines));
    }

    private void putKeys(PlanRow row, List<String> keys, String what) {
        UsagePlan p = row.plan();
        UsagePlan next = new UsagePlan(p.id(), p.name(), p.description(), p.apiStages(), p.throttle(), p.quota(),
                p.productCode(), p.tags(), keys);
        run("Cannot change usage plan " + p.name(), t -> {
            t.putUsagePlan(next, what);
            return what;
        }, notice::set);
    }

    private UsagePlan build(UsagePlan stored) {
        UsagePlan.ThrottleSettings throttle = NumberInput.blank(rate.get()) && NumberInput.blank(burst.get()) ? null
                : new UsagePlan.ThrottleSettings(Integer.parseInt(burst.get().trim()), Double.parseDouble(rate.get().trim()));
        UsagePlan.QuotaSettings quota = !quotaEnabled.get() ? null
                : new UsagePlan.QuotaSettings(Integer.parseInt(quotaLimit.get().trim()), Integer.parseInt(offset.get().trim()),
                        period.get());
        List<UsagePlan.ApiStage> apiStages = new ArrayList<>();
        for (StageEntry s : stages) {
            Map<String, UsagePlan.ThrottleSettings> perMethod = new LinkedHashMap<>();
            for (MethodThrottle m : methodThrottles) {
                if (!m.stage().equals(s)) continue;
                String[] parts = m.method().split("\\s+", 2);
                perMethod.put(parts[1] + "/" + parts[0].toUpperCase(java.util.Locale.ROOT),
                        new UsagePlan.ThrottleSettings(Integer.parseInt(m.burst()), Double.parseDouble(m.rate())));
            }
            apiStages.add(new UsagePlan.ApiStage(s.apiId(), s.stage(), perMethod));
        }
        String desc = description.get() == null || description.get().isBlank() ? null : description.get().trim();
        return new UsagePlan(stored.id(), name.get().trim(), desc, apiStages, throttle, quota, stored.productCode(),
                stored.tags(), stored.keyIds());
    }

    private void check() {
        problem.set(findProblem());
        changed.set(selected.get() != null && filled != null && !form().equals(filled));
    }

    /** What the form holds, to compare with what it was filled with. */
    private record FormState(String name, String description, String rate, String burst, boolean quotaEnabled,
                             String quotaLimit, QuotaPeriod period, String offset, List<StageEntry> stages,
                             List<MethodThrottle> methodThrottles) { }

    private FormState form() {
        return new FormState(name.get(), description.get(), rate.get(), burst.get(), quotaEnabled.get(), quotaLimit.get(),
                period.get(), offset.get(), List.copyOf(stages), List.copyOf(methodThrottles));
    }

    private String findProblem() {
        if (selected.get() == null) return "";
        if (name.get() == null || name.get().isBlank()) return "Name the usage plan";
        boolean noRate = NumberInput.blank(rate.get());
        boolean noBurst = NumberInput.blank(burst.get());
        if (noRate != noBurst) return "Set both the throttle rate and burst, or neither (no throttle)";
        if (!noRate) {
            var r = NumberInput.decimal("Throttle rate (requests per second)", rate.get(), 0, MAX_RATE);
            if (!r.ok()) return r.problem();
            var b = NumberInput.whole("Throttle burst (requests)", burst.get(), 0, MAX_BURST);
            if (!b.ok()) return b.problem();
        }
        if (quotaEnabled.get()) {
            var q = NumberInput.whole("Quota (requests per " + period.get() + ")", quotaLimit.get(), 1, Integer.MAX_VALUE);
            if (!q.ok()) return q.problem();
            int maxOffset = switch (period.get()) {
                case DAY -> 0;
                case WEEK -> 6;
                case MONTH -> 27;
            };
            var o = NumberInput.whole("Quota offset for a " + period.get() + " period"
                    + (period.get() == QuotaPeriod.WEEK ? " (0 = Sunday)" : ""), offset.get(), 0, maxOffset);
            if (!o.ok()) return o.problem();
        }
        for (MethodThrottle m : methodThrottles) {
            String where = m.method() + " on " + m.stage();
            if (!m.method().matches("(?i)(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY|\\*) /\\S*")) {
                return "Write the method as METHOD /path, e.g. GET /pets (not \"" + m.method() + "\")";
            }
            var r = NumberInput.decimal("Rate of " + where, m.rate(), 0, MAX_RATE);
            if (!r.ok()) return r.problem();
            var b = NumberInput.whole("Burst of " + where, m.burst(), 0, MAX_BURST);
            if (!b.ok()) return b.problem();
        }
        return "";
    }

    private void fillForm(PlanRow row) {
        if (row == null) {
            name.set("");
            description.set("");
            rate.set("");
            burst.set("");
            quotaEnabled.set(false);
            quotaLimit.set("");
            offset.set("0");
            stages.clear();
            methodThrottles.clear();
            filled = null;
            check();
            return;
        }
        UsagePlan p = row.plan();
        name.set(p.name() == null ? "" : p.name());
        description.set(p.description() == null ? "" : p.description());
        rate.set(p.throttle() == null || p.throttle().rateLimit() == null ? "" : NumberInput.plain(p.throttle().rateLimit()));
        burst.set(p.throttle() == null || p.throttle().burstLimit() == null ? "" : String.valueOf(p.throttle().burstLimit()));
        quotaEnabled.set(p.quota() != null && p.quota().limit() != null);
        quotaLimit.set(p.quota() == null || p.quota().limit() == null ? "" : String.valueOf(p.quota().limit()));
        period.set(p.quota() == null || p.quota().period() == null ? QuotaPeriod.DAY : p.quota().period());
        offset.set(p.quota() == null || p.quota().offset() == null ? "0" : String.valueOf(p.quota().offset()));
        List<StageEntry> entries = new ArrayList<>();
        List<MethodThrottle> throttles = new ArrayList<>();
        for (UsagePlan.ApiStage s : p.apiStages()) {
            StageEntry e = new StageEntry(s.apiId(), apiName(s.apiId()), s.stage());
            entries.add(e);
            s.throttle().forEach((key, t) -> {
                int slash = key.lastIndexOf('/');
                String method = slash < 0 ? key : key.substring(slash + 1) + " " + (slash == 0 ? "/" : key.substring(0, slash));
                throttles.add(new MethodThrottle(e, method, t.rateLimit() == null ? "" : NumberInput.plain(t.rateLimit()),
                        t.burstLimit() == null ? "" : String.valueOf(t.burstLimit())));
            });
        }
        stages.setAll(entries);
        methodThrottles.setAll(throttles);
        filled = form();
        check();
    }

    private void fillKeys(PlanRow row) {
        if (row == null) {
            planKeys.clear();
            otherKeys.clear();
            return;
        }
        List<KeyChoice> in = new ArrayList<>();
        List<KeyChoice> out = new ArrayList<>();
        keyNames.forEach((id, keyName) -> (row.plan().keyIds().contains(id) ? in : out).add(new KeyChoice(id, keyName)));
        planKeys.setAll(in);
        otherKeys.setAll(out);
    }

    private String apiName(String apiId) {
        return apis.stream().filter(a -> a.id().equals(apiId)).map(ApiChoice::name).findFirst().orElse(apiId);
    }

    private <T> void run(String failure, Function<WorkspaceTraffic, T> work, Consumer<T> done) {
        traffic.run(failure, work, done);
    }

    private void reload() {
        traffic.reload("Cannot read the usage plans", session -> {
            List<ApiChoice> choices = new ArrayList<>();
            for (ApiDefinition api : session.apis()) {
                List<String> methods = new ArrayList<>();
                api.resources().forEach(r -> new java.util.TreeMap<>(r.resourceMethods()).keySet()
                        .forEach(m -> methods.add(m + " " + r.path())));
                choices.add(new ApiChoice(api.id(), api.name(), session.stages(api.id()).stream().map(Stage::stageName).toList(),
                        methods));
            }
            return new Loaded(session.traffic().usagePlans(), session.traffic().apiKeys(), choices);
        }, this::show, () -> {
            plans.clear();
            selected.set(null);
        });
    }

    private void show(Loaded loaded) {
        apis.setAll(loaded.apis());
        Map<String, String> names = new LinkedHashMap<>();
        loaded.keys().forEach(k -> names.put(k.id(), k.name()));
        keyNames = names;
        List<PlanRow> rows = loaded.plans().stream().map(p -> new PlanRow(p,
                String.join(", ", p.apiStages().stream().map(s -> apiName(s.apiId()) + "/" + s.stage()).toList()),
                limits(p), p.keyIds().size())).toList();
        String keep = wanted != null ? wanted : selected.get() == null ? null : selected.get().id();
        wanted = null;
        PlanRow before = selected.get();
        plans.setAll(rows);
        PlanRow next = rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst());
        if (java.util.Objects.equals(before, next)) {
            fillKeys(next);
            refreshUsage();
        } else {
            boolean samePlan = before != null && next != null && before.id().equals(next.id());
            selected.set(next);
            // a saved edit of the plan shown: the form takes the stored plan (the edit may have come from elsewhere)
            if (samePlan) fillForm(next);
        }
    }

    private static String limits(UsagePlan p) {
        List<String> parts = new ArrayList<>();
        if (p.throttle() != null && p.throttle().rateLimit() != null) {
            parts.add(NumberInput.plain(p.throttle().rateLimit()) + " rps, burst " + p.throttle().burstLimit());
        }
        if (p.quota() != null && p.quota().limit() != null) parts.add(p.quota().limit() + " per " + p.quota().period());
        return parts.isEmpty() ? "no limits" : String.join(" · ", parts);
    }

    /** "today's quota", "this week's quota", "this month's quota": the current period in words. */
    static String quotaOf(QuotaPeriod period) {
        return switch (period) {
            case DAY -> "today's quota";
            case WEEK -> "this week's quota";
            case MONTH -> "this month's quota";
        };
    }
}
