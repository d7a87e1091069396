package dev.gatehouse.app.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.Harness;
import dev.gatehouse.app.Harness;
import dev.gatehouse.app.core.TaskRunner;
import dev.gatehouse.engine.sdk.SdkLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkExportViewModelTest {
    private static final int PORT = 4999;

    private final Harness sample = Harness.sample();
    private final List<Path> opened = new ArrayList<>();
    private final SdkExportViewModel vm = new SdkExportViewModel(sample.workbench, TaskRunner.sameThread(), opened::add, () -> PORT);

    @TempDir
    Path out;

    @AfterEach
    void close() {
        sample.close();
    }

    @Test
    void theDialogOffersTheSelectedApisStagesWithDefaultsForTheFirstLanguage() {
        // when the dialog is prepared for PetStore (deployed to prod, engine not serving)
        vm.prepare();

        // then prod is chosen, JavaScript with its npm default, version 1.0.0, the engine's default URL for prod
        assertThat(vm.apiNameProperty().get()).isEqualTo("PetStore");
        assertThat(vm.stages()).containsExactly("prod");
        assertThat(vm.stageProperty().get()).isEqualTo("prod");
        assertThat(vm.stageHintProperty().get()).isEmpty();
        assertThat(vm.targetProperty().get()).isEqualTo(ExportTarget.sdk(SdkLanguage.JAVASCRIPT));
        assertThat(vm.packageNameProperty().get()).isEqualTo("pet-store"); // npm: lower case, words joined by '-'
        assertThat(vm.versionProperty().get()).isEqualTo("1.0.0");
        // the path-style invoke URL local AWS tooling knows (DESIGN.md, Invoke URLs)
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:4999/restapis/petstore01/prod/_user_request_");
        // eight languages, all SDKs at once, and the documentation
        assertThat(vm.targets()).hasSize(10)
                .contains(ExportTarget.allSdks(), ExportTarget.documentation());
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void exportingJavaScriptWritesTheSdkFolderAndZipAndOpenFolderShowsThem() throws IOException {
        // given PetStore's prod stage, JavaScript, a temporary output folder
        vm.prepare();
        vm.outputFolderProperty().set(out.toString());

        // when exported
        vm.export();

        // then the zip and the folder are there, and the result says where
        assertThat(sample.dialogs.errors).isEmpty();
        assertThat(vm.exportingProperty().get()).isFalse();
        ExportResult done = vm.lastExportProperty().get();
        assertThat(done).isNotNull();
        Path zip = out.resolve("pet-store-javascript.zip");
        assertThat(done.zips()).containsExactly(zip);
        assertThat(done.location()).isEqualTo(zip);
        assertThat(done.summary()).startsWith("JavaScript (browser and Node.js) SDK from stage prod: ");
        assertThat(out.resolve("pet-store-javascript/package.json")).content().contains("\"name\": \"pet-store\"");
        assertThat(out.resolve("pet-store-javascript/openapi.json")).content()
                .contains("http://127.0.0.1:4999/restapis/petstore01/prod/_user_request_");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("pet-store-javascript/README.md")).isNotNull();
        }

        // when Open folder is chosen
        vm.openFolder();

        // then the opener is asked for the folder holding the zip
        assertThat(opened).containsExactly(out.toAbsolutePath().normalize());
    }

    @Test
    void anInvalidPackageNameShowsTheLanguagesReasonAndDisablesExport() {
        // given the dialog for JavaScript
        vm.prepare();
        vm.outputFolderProperty().set(out.toString());
        assertThat(vm.canExportProperty().get()).isTrue();

        // when a name npm refuses is typed
        vm.packageNameProperty().set("Pet Store");

        // then the language's sentence shows and Export is off; pressing it anyway writes nothing
        assertThat(vm.packageErrorProperty().get())
                .isEqualTo("'Pet Store' is not a valid npm package name: use lower-case letters, digits, '-', '.', '_' and '~', "
                        + "optionally scoped as @scope/name"); // npm refuses capitals and spaces
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.export();
        assertThat(vm.lastExportProperty().get()).isNull();
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        // and when it is fixed, Export is back
        vm.packageNameProperty().set("pet-store-client");
        assertThat(vm.packageErrorProperty().get()).isEmpty();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void anEmptyPackageNameABadVersionOrABadBaseUrlEachDisableExport() {
        vm.prepare();
        vm.outputFolderProperty().set(out.toString());

        vm.packageNameProperty().set(" ");
        assertThat(vm.packageErrorProperty().get()).isEqualTo("Enter the npm package name");
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.packageNameProperty().set("pet-store");

        vm.versionProperty().set("1.0");
        assertThat(vm.versionErrorProperty().get()).startsWith("Use MAJOR.MINOR.PATCH");
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.versionProperty().set("2.1.0-beta.1");
        assertThat(vm.versionErrorProperty().get()).isEmpty();

        vm.baseUrlProperty().set("ftp://example.com/prod");
        assertThat(vm.baseUrlErrorProperty().get()).isNotEmpty();
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.baseUrlProperty().set("https://api.example.com/prod");
        assertThat(vm.baseUrlErrorProperty().get()).isEmpty();

        vm.outputFolderProperty().set("");
        assertThat(vm.outputErrorProperty().get()).isEqualTo("Choose an output folder");
        assertThat(vm.canExportProperty().get()).isFalse();
    }

    @Test
    void switchingLanguageFollowsTheDefaultPackageNameButKeepsATypedOne() {
        vm.prepare();

        // when Python is chosen, the default follows the language and its rules apply
        vm.targetProperty().set(ExportTarget.sdk(SdkLanguage.PYTHON));
        assertThat(vm.packageNameProperty().get()).isEqualTo("pet_store"); // PEP 8: lower case with underscores
        assertThat(vm.packageLabelProperty().get()).isEqualTo("Python package name");
        vm.packageNameProperty().set("pet-store");
        assertThat(vm.packageErrorProperty().get()).isEqualTo("'pet-store' is not a valid Python package name: "
                + "use lower-case letters, digits and '_', not starting with a digit"); // '-' is not in a Python identifier

        // when a name is typed and the language changes, the typed name stays (and is checked against the new rules)
        vm.packageNameProperty().set("petshop");
        vm.targetProperty().set(ExportTarget.sdk(SdkLanguage.GO));
        assertThat(vm.packageNameProperty().get()).isEqualTo("petshop");
        assertThat(vm.packageErrorProperty().get()).isEmpty();

        // when all languages or the documentation are chosen, the package name does not apply
        vm.packageNameProperty().set("not valid anywhere!");
        vm.targetProperty().set(ExportTarget.allSdks());
        assertThat(vm.packageErrorProperty().get()).isEmpty();
        assertThat(vm.packageLabelProperty().get()).isEmpty();
        vm.targetProperty().set(ExportTarget.documentation());
        vm.versionProperty().set("x");
        assertThat(vm.versionErrorProperty().get()).isEmpty();
    }

    @Test
    void anSdkExceptionIsShownWithItsMessageAndNothingIsReported() throws IOException {
        // given a folder of the SDK's name that a user made
        vm.prepare();
        vm.outputFolderProperty().set(out.toString());
        Files.createDirectories(out.resolve("pet-store-javascript"));
        Files.writeString(out.resolve("pet-store-javascript/notes.txt"), "mine");

        // when exported
        vm.export();

        // then the engine's sentence is shown, the user's file is untouched, and the dialog is ready again
        assertThat(sample.dialogs.errors).singleElement().asString()
                .startsWith("Cannot export the JavaScript (browser and Node.js) SDK of PetStore: ")
                .contains("is not a generated SDK: choose another output folder");
        assertThat(out.resolve("pet-store-javascript/notes.txt")).hasContent("mine");
        assertThat(vm.lastExportProperty().get()).isNull();
        assertThat(vm.exportingProperty().get()).isFalse();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void documentationIsOneHtmlPageBesideTheOpenApiFileInItsOwnFolder() {
        vm.prepare();
        vm.outputFolderProperty().set(out.toString());
        vm.targetProperty().set(ExportTarget.documentation());

        vm.export();

        assertThat(sample.dialogs.errors).isEmpty();
        ExportResult done = vm.lastExportProperty().get();
        Path folder = out.resolve("pet-store-prod-docs");
        assertThat(done.folder()).isEqualTo(folder);
        assertThat(done.location()).isEqualTo(folder.resolve("index.html"));
        assertThat(folder.resolve("index.html")).content().contains("PetStore");
        assertThat(folder.resolve("openapi.json")).exists();
        assertThat(done.zips()).isEmpty();
    }

    @Test
    void theBaseUrlIsTheRunningLocalStageWhenTheEngineServesIt() {
        // given the local engine serving the workspace
        int port = sample.session().serve("127.0.0.1", 0);

        // when the dialog is prepared
        vm.prepare();

        // then the base URL is where the running engine serves prod
        // PetStore is the sample's default API, so plain /{stage} reaches it (DESIGN.md, Invoke URLs)
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://127.0.0.1:" + port + "/prod");
    }

    @Test
    void anApiWithoutStagesOffersNothingToExportAndSaysDeployFirst() {
        try (Harness ws = Harness.empty()) {
            // given an API that was never deployed
            ws.createMockApi("Shop", "{}");
            SdkExportViewModel shop = new SdkExportViewModel(ws.workbench, TaskRunner.sameThread(), opened::add, () -> PORT);

            // when the dialog is prepared
            shop.prepare();

            // then there is no stage, the hint says to deploy first, and Export is off
            assertThat(shop.stages()).isEmpty();
            assertThat(shop.stageProperty().get()).isNull();
            assertThat(shop.stageHintProperty().get()).startsWith("Shop has no stages yet: deploy it first");
            assertThat(shop.canExportProperty().get()).isFalse();
        }
    }
}
