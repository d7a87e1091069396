package dev.gatehouse.tests.ui;

import dev.gatehouse.app.session.RemoteSettings;
import dev.gatehouse.engine.Gateway;
import dev.gatehouse.engine.control.ControlApi;
import dev.gatehouse.engine.control.ControlPlaneOptions;
import dev.gatehouse.engine.control.ControlPlaneServer;
import dev.gatehouse.engine.server.DataPlaneServer;
import dev.gatehouse.engine.sigv4.AccessKeys;
import dev.gatehouse.engine.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second, headless engine for the console's Remotes flows, as {@code gatehouse serve --admin-port} runs one: its
 * own empty workspace, the data plane and the control plane (accepting one access key) on free loopback ports. Also
 * points the console's remotes file at a temporary one ({@link RemoteSettings#FILE_PROPERTY}), so no test touches
 * the user's. Start it before the console; always close it.
 */
final class SecondEngine implements AutoCloseable {
    static final String KEY_ID = "AKIDSECONDENGINE";
    static final String SECRET = "second-engine-secret-value";

    final Path remotesFile;
    private final Path dir;
    private final Gateway gateway;
    private final DataPlaneServer dataPlane;
    private final ControlPlaneServer controlPlane;

    SecondEngine() {
        try {
            dir = Files.createTempDirectory("gatehouse-remote-b");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        remotesFile = dir.resolve("config/remotes.json");
        System.setProperty(RemoteSettings.FILE_PROPERTY, remotesFile.toString());
        AccessKeys keys = AccessKeys.of(KEY_ID, SECRET);
        gateway = Gateway.of(Workspace.create(dir.resolve("workspace"), "engine b"));
        dataPlane = gateway.serve("127.0.0.1", 0);
        controlPlane = ControlPlaneServer.start(ControlPlaneOptions.loopback(0, keys), new ControlApi(gateway, keys, Clock.systemUTC()));
    }

    /** The control plane's URL, what a remote's URL is. */
    String adminUrl() {
        return controlPlane.endpoint();
    }

    /** The stage's root on the data plane, path style: {@code http://127.0.0.1:P/restapis/ID/STAGE/_user_request_/}. */
    String stageUrl(String remoteApiId, String stage) {
        return "http://127.0.0.1:" + dataPlane.port() + "/restapis/" + remoteApiId + "/" + stage + "/_user_request_/";
    }

    @Override public void close() {
        System.clearProperty(RemoteSettings.FILE_PROPERTY);
        controlPlane.close();
        gateway.close();
    }
}
