package dev.gatehouse.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.engine.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse serve --state/--state-failure}: bad values and an unreachable Redis fail before serving. */
class ServeStateOptionTest {

    @TempDir Path dir;

    private String serveFails(String... options) throws Exception {
        Workspace.create(dir, "serve").close();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[options.length + 5];
            args[0] = "serve";
            args[1] = "-w";
            args[2] = dir.toString();
            args[3] = "-p";
            args[4] = "0";
            System.arraycopy(options, 0, args, 5, options.length);
            assertThat(GatehouseCli.execute(args)).isNotZero();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRedisThatCannotBeReachedStopsServeWithItsAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        assertThat(serveFails("--state", "redis://127.0.0.1:" + port))
                .contains("gatehouse: Cannot reach Redis at redis://127.0.0.1:" + port)
                .contains("(the --state server); start it or serve with in-process state");
    }

    @Test
    void aPasswordInTheRedisUrlIsNeverEchoed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(serveFails("--state", "redis://user:s3cret-pass@127.0.0.1:" + port))
                .contains("Cannot reach Redis at redis://127.0.0.1:" + port).doesNotContain("s3cret-pass");
    }

    @Test
    void aWrongStateOrPolicyIsRefusedInTheProductsWords() throws Exception {
        assertThat(serveFails("--state", "memcached://127.0.0.1:1"))
                .contains("gatehouse: State memcached://127.0.0.1:1 is not a Redis URL; expected redis://HOST:PORT");
    }

    @Test
    void aWrongFailurePolicyIsRefused() throws Exception {
        assertThat(serveFails("--state-failure", "quota=sometimes"))
                .contains("gatehouse: State failure policy for quota is 'sometimes'; expected open or closed");
    }
}
