package dev.gatehouse.app.apis;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Getting started", shown instead of the pages while the open workspace has no API: create one, import an OpenAPI
 * document, or start from AWS's example API, each one click away, with what happens next in one line.
 */
public final class GettingStartedView extends VBox {
    private final ApisViewModel vm;
    private final CreateApiDialog dialog;
    private final java.util.function.Supplier<Window> owner;

    public GettingStartedView(ApisViewModel vm, CreateApiDialog dialog, java.util.function.Supplier<Window> owner) {
        this.vm = vm;
        this.dialog = dialog;
        this.owner = owner;
        setId("gettingStarted");
        getStyleClass().add("welcome");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        Label title = new Label("Getting started");
        title.getStyleClass().add("title-2");
        Label intro = new Label("This workspace has no API yet. Start one of three ways; everything you do can be undone.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Button create = button("Create an API…", "gettingStartedCreate", Feather.PLUS_CIRCLE,
                "An empty API: add resources and methods, test them, deploy to a stage.");
        create.setOnAction(e -> dialog.open(owner.get(), ApisViewModel.Mode.NEW));
        Button importApi = button("Import OpenAPI…", "gettingStartedImport", Feather.DOWNLOAD,
                "An OpenAPI 3 or Swagger 2 file, with AWS's x-amazon-apigateway extensions; a report shows what was kept.");
        importApi.setOnAction(e -> {
            vm.prepare(ApisViewModel.Mode.IMPORT);
            vm.create();
        });
        Button example = button("Add the example API (PetStore)", "gettingStartedExample", Feather.BOOK_OPEN,
                "AWS's PetStore example: ready to test in the Test tab and to deploy.");
        example.setOnAction(e -> {
            vm.prepare(ApisViewModel.Mode.EXAMPLE);
            vm.create();
        });
        Label next = new Label("Then: select a method, press Test; deploy with Ctrl+Shift+E; call the stage's invoke URL.");
        next.setWrapText(true);
        next.getStyleClass().add("muted");
        getChildren().addAll(title, intro, create, help(create), importApi, help(importApi), example, help(example), next);
        setMaxWidth(620);
    }

    private static Button button(String text, String id, Feather icon, String help) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setUserData(help);
        b.setMinWidth(320);
        return b;
    }

    private static Label help(Button b) {
        Label l = new Label((String) b.getUserData());
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }
}
