package dev.gatehouse.app;

import dev.gatehouse.app.apis.ApisViewModel;
import dev.gatehouse.app.apis.CreateApiDialog;
import dev.gatehouse.app.core.ConsolePreferences;
import dev.gatehouse.app.core.ConsolePreferences.WindowBounds;
import dev.gatehouse.app.core.FxDialogService;
import dev.gatehouse.app.core.FxTaskRunner;
import dev.gatehouse.app.dataplane.DataPlaneStatusView;
import dev.gatehouse.app.dataplane.DataPlaneViewModel;
import dev.gatehouse.app.deploy.DeployDialog;
import dev.gatehouse.app.deploy.DeployViewModel;
import dev.gatehouse.app.importexport.ExportViewModel;
import dev.gatehouse.app.importexport.ImportExportView;
import dev.gatehouse.app.importexport.ImportViewModel;
import dev.gatehouse.app.method.MethodView;
import dev.gatehouse.app.method.MethodViewModel;
import dev.gatehouse.app.models.ModelsView;
import dev.gatehouse.app.models.ModelsViewModel;
import dev.gatehouse.app.palette.PaletteView;
import dev.gatehouse.app.palette.PaletteViewModel;
import dev.gatehouse.app.resources.ResourceTreeView;
import dev.gatehouse.app.resources.ResourceTreeViewModel;
import dev.gatehouse.app.resources.ResourcesPage;
import dev.gatehouse.app.resources.ResourcesPageViewModel;
import dev.gatehouse.app.session.Workbench;
import dev.gatehouse.app.session.WorkspaceOpener;
import dev.gatehouse.app.shell.Page;
import dev.gatehouse.app.shell.ShellView;
import dev.gatehouse.app.shell.ShellViewModel;
import dev.gatehouse.app.stages.StagesView;
import dev.gatehouse.app.stages.StagesViewModel;
import dev.gatehouse.app.testpanel.MethodTabs;
import dev.gatehouse.app.testpanel.TestPanelView;
import dev.gatehouse.app.testpanel.TestPanelViewModel;
import dev.gatehouse.app.theme.ThemeManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The composition root: builds the services, ViewModels and views of the console into a stage, and tears them
 * down when the window closes. {@link ConsoleApp} uses it; UI tests and the screenshot tool call
 * {@link #start} with their own preferences and workspace.
 */
public final class Console {
    private static final double DEFAULT_WIDTH = 1360;
    private static final double DEFAULT_HEIGHT = 860;

    private final Stage stage;
    private final ConsolePreferences preferences;
    private final FxTaskRunner tasks = FxTaskRunner.finishingWork("gatehouse-workspace");
    private final ThemeManager themes = new ThemeManager();
    private final Workbench workbench;
    private final ShellViewModel shellVm;
    private final ShellView shell;
    private final ResourceTreeView tree;
    private final MethodView methodView;
    private final ModelsView modelsView;
    private final dev.gatehouse.app.functions.FunctionsViewModel functionsVm;
    private final dev.gatehouse.app.functions.FunctionsView functionsView;
    private final FxTaskRunner testRunner = FxTaskRunner.droppingWork("gatehouse-test-invoke"); // test invokes may wait on a backend: not the workspace worker
    private final FxTaskRunner remoteRunner = FxTaskRunner.droppingWork("gatehouse-remote"); // pushes wait on the network: not the workspace worker
    private final FxTaskRunner sdkRunner = FxTaskRunner.droppingWork("gatehouse-sdk-export"); // SDK generation takes seconds: not the workspace worker
    private final TestPanelView testPanel;
    private final FxTaskRunner observeRunner = FxTaskRunner.droppingWork("gatehouse-observe"); // dashboard/log reads every second: not the workspace worker
    private dev.gatehouse.app.observe.DashboardView dashboard;
    private dev.gatehouse.app.observe.LogsView logs;
    private final ImportExportView importExport;
    private final Scene scene;
    private final ApisViewModel apisVm;
    private final CreateApiDialog createApiDialog;
    private boolean closed;

    private Console(Stage stage, ConsolePreferences preferences, WorkspaceOpener opener) {
        this.stage = stage;
        this.preferences = preferences;
        dev.gatehouse.app.session.EngineTools.auditAsConsole(); // the console's edits are audited as console:<user>
        workbench = new Workbench(tasks, new FxDialogService(() -> stage), preferences, opener);
        shellVm = new ShellViewModel(workbench, preferences);
        ResourceTreeViewModel treeVm = new ResourceTreeViewModel(workbench);
        tree = new ResourceTreeView(treeVm);
        methodView = new MethodView(new MethodViewModel(workbench));
        modelsView = new ModelsView(new ModelsViewModel(workbench));
        StagesViewModel stagesVm = new StagesViewModel(workbench);
        StagesView stagesView = new StagesView(stagesVm);
        DataPlaneViewModel dataPlane = new DataPlaneViewModel(workbench, preferences);
        dataPlane.stageProperty().bind(stagesVm.selectedStageNameProperty());
        stagesVm.invokeUrlProperty().bind(dataPlane.invokeUrlProperty());
        DeployDialog deployDialog = new DeployDialog(new DeployViewModel(workbench, done -> stagesVm.select(done.stageName())));
        Runnable deploy = () -> {
            if (workbench.selectedApi().isPresent()) deployDialog.open(stage, stagesVm.selectedStageNameProperty().get());
        };
        stagesView.setOnDeploy(deploy);
        TestPanelViewModel testPanelVm = new TestPanelViewModel(workbench, testRunner);
        testPanel = new TestPanelView(testPanelVm);
        MethodTabs methodTabs = new MethodTabs(methodView, testPanel);
        ResourcesPage resources = new ResourcesPage(new ResourcesPageViewModel(workbench, treeVm), tree, methodTabs);
        dev.gatehouse.app.settings.ApiSettingsView settingsView = new dev.gatehouse.app.settings.ApiSettingsView(
                new dev.gatehouse.app.settings.ApiSettingsViewModel(workbench));
        functionsVm = new dev.gatehouse.app.functions.FunctionsViewModel(workbench, testRunner);
        functionsView = new dev.gatehouse.app.functions.FunctionsView(functionsVm);
        treeVm.addIntegrationChoice(new dev.gatehouse.app.functions.LambdaIntegrationChoice(functionsVm,
                name -> functionsView.openCreateDialog(name).ifPresent(f -> functionsVm.create(f.name(), f.runtime(), n -> { }))));
        treeVm.addIntegrationChoice(new dev.gatehouse.app.awsservice.AwsServiceIntegrationChoice());
        // one line a page: features add theirs below, in Page's order
        Map<Page, javafx.scene.Node> pages = new java.util.EnumMap<>(Page.class);
        pages.put(Page.RESOURCES, resources);
        pages.put(Page.MODELS, modelsView);
        pages.put(Page.STAGES, stagesView);
        pages.put(Page.GATEWAY_RESPONSES, new dev.gatehouse.app.gatewayresponses.GatewayResponsesView(
                new dev.gatehouse.app.gatewayresponses.GatewayResponsesViewModel(workbench)));
        pages.put(Page.SETTINGS, settingsView);
        pages.put(Page.FUNCTIONS, functionsView);
        pages.put(Page.API_KEYS, new dev.gatehouse.app.keys.ApiKeysView(new dev.gatehouse.app.keys.ApiKeysViewModel(workbench)));
        pages.put(Page.USAGE_PLANS, new dev.gatehouse.app.usageplans.UsagePlansView(new dev.gatehouse.app.usageplans.UsagePlansViewModel(workbench)));
        pages.put(Page.REMOTES, new dev.gatehouse.app.remotes.RemotesView(new dev.gatehouse.app.remotes.RemotesViewModel(workbench,
                dev.gatehouse.app.session.RemoteSettings.userDefault(), remoteRunner)));
        pages.put(Page.DASHBOARD, dashboard = new dev.gatehouse.app.observe.DashboardView(new dev.gatehouse.app.observe.DashboardViewModel(workbench, observeRunner, java.time.Clock.systemUTC())));
        dashboard.setOnDeploy(deploy);
        dashboard.setOnOpenStages(() -> shellVm.show(Page.STAGES));
        dev.gatehouse.app.observe.LogsViewModel logsVm = new dev.gatehouse.app.observe.LogsViewModel(workbench, observeRunner, testRunner, java.time.Clock.systemUTC());
        logsVm.setTestPanelOpener(request -> { // "Replay in test panel": the method on the Resources page, its test panel filled
            workbench.select(dev.gatehouse.app.session.Selection.method(request.resourceId(), request.httpMethod()));
            shellVm.show(Page.RESOURCES);
            methodTabs.showTest();
            testPanelVm.prefill(request);
        });
        pages.put(Page.LOGS, logs = new dev.gatehouse.app.observe.LogsView(logsVm, workbench.dialogs()));
        pages.put(Page.AUDIT, new dev.gatehouse.app.observe.AuditView(new dev.gatehouse.app.observe.AuditViewModel(workbench, observeRunner), workbench.dialogs()));
        pages.put(Page.AWS_ENDPOINTS, new dev.gatehouse.app.awsservice.AwsEndpointsView(new dev.gatehouse.app.awsservice.AwsEndpointsViewModel(workbench)));
        pages.put(Page.AUTHORIZERS, new dev.gatehouse.app.authorizers.AuthorizersView(new dev.gatehouse.app.authorizers.AuthorizersViewModel(
                workbench, testRunner, token -> testPanelVm.headersProperty().set(
                        dev.gatehouse.app.authorizers.AuthorizersViewModel.withAuthorization(testPanelVm.headersProperty().get(), token)))));
        pages.put(Page.RESOURCE_POLICY, new dev.gatehouse.app.policy.ResourcePolicyView(new dev.gatehouse.app.policy.ResourcePolicyViewModel(workbench)));
        shell = new ShellView(shellVm, pages);
        ImportViewModel importVm = new ImportViewModel(workbench);
        importExport = new ImportExportView(importVm, new ExportViewModel(workbench), () -> stage);
        apisVm = new ApisViewModel(workbench, importVm::chooseAndLoad);
        createApiDialog = new CreateApiDialog(apisVm);
        createApiDialog.setOnCreated(() -> shellVm.show(Page.RESOURCES)); // a new API starts with its resources
        shellVm.setNewApiAction(() -> createApiDialog.open(stage, ApisViewModel.Mode.NEW));
        shell.setGettingStarted(new dev.gatehouse.app.apis.GettingStartedView(apisVm, createApiDialog, () -> stage));
        // each group goes right after "New API…": Export SDK first, so it ends up below Import and Export
        shell.addFileMenuItems(new dev.gatehouse.app.sdk.SdkExportView(new dev.gatehouse.app.sdk.SdkExportViewModel(workbench,
                sdkRunner, dev.gatehouse.app.sdk.FolderOpener.desktop(), preferences::dataPlanePort), () -> stage).fileMenuItems());
        shell.addFileMenuItems(importExport.fileMenuItems());
        javafx.scene.control.MenuItem deleteApi = new javafx.scene.control.MenuItem("Delete API…");
        deleteApi.setId("menuDeleteApi");
        deleteApi.setOnAction(e -> apisVm.deleteSelected());
        deleteApi.disableProperty().bind(workbench.selectedApiProperty().isNull());
        shell.addFileMenuItems(java.util.List.of(deleteApi));
        PaletteView palette = new PaletteView(new PaletteViewModel(workbench, shellVm::show, (apiId, stageName) -> stagesVm.select(stageName)));
        javafx.scene.control.MenuItem paletteItem = new javafx.scene.control.MenuItem("Go to resource, method or stage…");
        paletteItem.setId("menuPalette");
        paletteItem.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        paletteItem.setOnAction(e -> {
            if (workbench.session().isPresent()) palette.show(stage);
        });
        shell.addViewMenuItems(java.util.List.of(paletteItem));
        shell.addStatusItem(new DataPlaneStatusView(dataPlane));
        shell.addMenu(deployMenu(deploy));
        shell.addMenu(dev.gatehouse.app.about.AboutDialog.helpMenu(dev.gatehouse.app.about.AboutViewModel.current(), () -> stage));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // never open larger than the screen (a small laptop, a headless test screen)
        scene = new Scene(shell, Math.min(DEFAULT_WIDTH, screen.getWidth()), Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        themes.apply(scene, shellVm.darkThemeProperty().get());
        importExport.installDropTarget(scene);
        shellVm.darkThemeProperty().addListener((obs, old, dark) -> themes.apply(scene, dark));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+F"), () -> {
            shellVm.show(Page.RESOURCES);
            tree.focusFilter();
        });
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+L"), shell::focusApiSelector);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+T"), () -> {
            shellVm.show(Page.RESOURCES);
            tree.focusTree();
        });
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+E"), methodView::focusDiagram);
        shell.setOnExit(() -> {
            if (close()) stage.close();
        });
        stage.titleProperty().bind(shellVm.titleProperty());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!close()) e.consume();
        });
        restoreBounds();
    }

    /**
     * Builds the console into {@code stage}, shows it, and opens {@code workspace} (or, when null, the most
     * recent workspace that still exists; else the welcome screen shows). FX thread only.
     */
    public static Console start(Stage stage, ConsolePreferences preferences, WorkspaceOpener opener, Path workspace) {
        Console console = new Console(stage, preferences, opener);
        stage.show();
        Path open = workspace != null ? workspace
                : preferences.recentWorkspaces().stream().filter(p -> Files.isRegularFile(p.resolve("workspace.json"))).findFirst().orElse(null);
        if (open != null) console.workbench.open(open);
        return console;
    }

    public Workbench workbench() { return workbench; }

    public ShellViewModel shell() { return shellVm; }

    public Scene scene() { return scene; }

    /** Imports an OpenAPI document as a drop on the window does: the report shows; nothing is applied yet. */
    public void importDocument(Path file) {
        importExport.load(file);
    }

    /**
     * Closes the workspace (asking about unsaved editor changes), remembers the window, and stops background
     * threads; false when the user chose to stay. Never blocks the FX thread: the workspace closes on its worker,
     * which finishes that before the JVM exits.
     */
    public boolean close() {
        if (closed) return true;
        if (!shellVm.requestExit()) return false;
        closed = true;
        preferences.setWindowBounds(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        methodView.dispose();
        modelsView.dispose();
        functionsView.dispose();
        testPanel.dispose();
        dashboard.dispose();
        testRunner.close();
        observeRunner.close();
        sdkRunner.close();
        remoteRunner.close();
        tasks.close();
        return true;
    }

    /**
     * After {@link #close()}: waits up to {@code timeout} until the workspace has closed (its lock released, the
     * data plane stopped). For tests and tools that open another console next; never call it on the FX thread.
     */
    public boolean awaitClosed(java.time.Duration timeout) throws InterruptedException {
        if (javafx.application.Platform.isFxApplicationThread()) throw new IllegalStateException("not on the FX thread");
        return tasks.awaitTermination(timeout);
    }

    private javafx.scene.control.Menu deployMenu(Runnable deploy) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Deploy API…");
        item.setId("menuDeploy");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        item.setOnAction(e -> deploy.run());
        item.disableProperty().bind(workbench.selectedApiProperty().isNull());
        javafx.scene.control.MenuItem stages = new javafx.scene.control.MenuItem("Stages, history and rollback");
        stages.setId("menuStages");
        stages.setOnAction(e -> shellVm.show(Page.STAGES));
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu("_Deploy");
        menu.setId("menuDeployMenu");
        menu.getItems().addAll(item, stages);
        return menu;
    }

    private void restoreBounds() {
        preferences.windowBounds().ifPresent(b -> {
            if (b.width() >= 640 && b.height() >= 480) {
                stage.setWidth(b.width());
                stage.setHeight(b.height());
                if (!Double.isNaN(b.x()) && !Double.isNaN(b.y())) {
                    stage.setX(b.x());
                    stage.setY(b.y());
                }
            }
            stage.setMaximized(b.maximized());
        });
    }
}
