package dev.gatehouse.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboutViewModelTest {

    @Test
    void showsVersionCommitAndRuntime() {
        Properties build = new Properties();
        build.setProperty("version", "1.2.3");
        build.setProperty("commit", "abc1234");
        AboutViewModel vm = new AboutViewModel(build, "21.0.5+11", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM");
        assertThat(vm.version()).isEqualTo("1.2.3");
        assertThat(vm.commit()).isEqualTo("abc1234");
        assertThat(vm.runtime()).isEqualTo("Java 21.0.5+11 (Eclipse Adoptium, OpenJDK 64-Bit Server VM)");
        assertThat(vm.text()).isEqualTo("Gatehouse 1.2.3\nCommit abc1234\nJava 21.0.5+11 (Eclipse Adoptium, OpenJDK 64-Bit Server VM)");
    }

    @Test
    void unfilteredOrMissingValuesReadAsUnknown() {
        Properties build = new Properties();
        build.setProperty("version", "${project.version}");
        AboutViewModel vm = new AboutViewModel(build, "25", "v", "vm");
        assertThat(vm.version()).isEqualTo("unknown");
        assertThat(vm.commit()).isEqualTo("unknown");
    }

    @Test
    void theBuildWroteTheProjectVersion() {
        AboutViewModel vm = AboutViewModel.current();
        assertThat(vm.version()).isNotEqualTo("unknown").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(vm.commit()).isNotBlank();
        assertThat(vm.runtime()).startsWith("Java " + Runtime.version());
    }

    @Test
    void firstStartCopiesTheSampleOnceAndNeverTouchesTheCopyAgain(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("opt/sample-workspace");
        Files.createDirectories(image.resolve("apis/a"));
        Files.writeString(image.resolve("workspace.json"), "{}");
        Files.writeString(image.resolve("apis/a/api.json"), "{\"id\":\"a\"}");
        Path home = dir.resolve("home/Gatehouse/sample-workspace");

        assertThat(SampleWorkspace.install(image, home)).isTrue();
        assertThat(home.resolve("apis/a/api.json")).hasContent("{\"id\":\"a\"}");

        Files.writeString(home.resolve("apis/a/api.json"), "edited");
        assertThat(SampleWorkspace.install(image, home)).isFalse();
        assertThat(home.resolve("apis/a/api.json")).hasContent("edited");
        assertThat(image.resolve("apis/a/api.json")).hasContent("{\"id\":\"a\"}");
        try (var leftovers = Files.list(home.getParent())) {
            assertThat(leftovers).containsExactly(home);
        }
    }

    @Test
    void noSampleInTheImageMeansNothingToCopy(@TempDir Path dir) {
        assertThat(SampleWorkspace.install(dir.resolve("missing"), dir.resolve("target"))).isFalse();
        assertThat(dir.resolve("target")).doesNotExist();
    }
}
