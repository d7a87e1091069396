package dev.gatehouse.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteStoreTest {

    @TempDir Path dir;

    @Test
    void aSavedRemoteIsReadBackAndTheFileIsReadableByItsOwnerOnly() throws Exception {
        RemoteStore store = new RemoteStore(dir.resolve("cfg/remotes.json"));
        store.add(Remote.of("b", "http://127.0.0.1:4011/", null, "AKID", "s3cret"));

        Remote b = store.require("b");
        assertThat(b.url()).isEqualTo("http://127.0.0.1:4011");
        assertThat(b.accessKeyId()).isEqualTo("AKID");
        assertThat(b.secretAccessKey()).isEqualTo("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (var leftovers = Files.list(store.file().getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("remotes.json");
        }
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheChmodToRun() throws Exception {
        RemoteStore store = new RemoteStore(dir.resolve("remotes.json"));
        store.add(Remote.of("b", "http://127.0.0.1:4011", null, null, null));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(store::list).isInstanceOf(RemoteException.class)
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600 " + store.file());
    }

    @Test
    void aSecondRemoteOfTheSameNameIsRefusedAndRemoveForgetsIt() {
        RemoteStore store = new RemoteStore(dir.resolve("remotes.json"));
        store.add(Remote.of("b", "http://127.0.0.1:4011", null, null, null));
        assertThatThrownBy(() -> store.add(Remote.of("b", null, "eu-west-1", null, null)))
                .hasMessageContaining("already exists");
        assertThat(store.remove("b")).isTrue();
        assertThat(store.remove("b")).isFalse();
        assertThatThrownBy(() -> store.require("b")).hasMessageContaining("no remote named 'b'");
    }

    @Test
    void anUpdateKeepsTheRecordedApiIdsAndPushHistory() {
        RemoteStore store = new RemoteStore(dir.resolve("remotes.json"));
        store.add(Remote.of("aws-eu", null, "eu-west-1", null, null));
        Remote pushed = store.require("aws-eu").withApi("local1", "remote1")
                .withPush(new Remote.PushRecord(1_700_000_000L, "local1", "remote1", "prod", "dep1", 3));
        store.update(pushed);

        Remote read = store.require("aws-eu");
        assertThat(read.apis()).isEqualTo(Map.of("local1", "remote1"));
        assertThat(read.history()).singleElement().satisfies(p -> {
            assertThat(p.deploymentId()).isEqualTo("dep1");
            assertThat(p.changes()).isEqualTo(3);
        });
        assertThat(read.isAws()).isTrue();
        assertThat(read.endpoint()).isEqualTo("https://apigateway.eu-west-1.amazonaws.com");
    }

    @Test
    void theDefaultLocationFollowsGatehouseConfigHomeThenXdgThenTheHomeFolder() {
        assertThat(RemoteStore.defaultDirectory(Map.of("GATEHOUSE_CONFIG_HOME", "/x/gh", "XDG_CONFIG_HOME", "/x/xdg")))
                .isEqualTo(Path.of("/x/gh"));
        assertThat(RemoteStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x/xdg"))).isEqualTo(Path.of("/x/xdg/gatehouse"));
        assertThat(RemoteStore.defaultDirectory(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "gatehouse"));
    }
}
