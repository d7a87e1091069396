package dev.gatehouse.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes edit one workspace (issue 10, item 7): writers take the workspace's lock only around each
 * write, so a process keeping the workspace open for editing (here {@code serve --lock}, as the console does) no
 * longer stops {@code gatehouse deploy}, and read-only commands never wait for anyone.
 */
class SharedWorkspaceProcessesTest {

    @TempDir Path temp;

    private Path sampleWorkspaceCopy() throws IOException {
        return Cli.copyOfSampleWorkspace(temp.resolve("ws"));
    }

    @Test
    void twoProcessesDeployingToOneWorkspaceAtOnceBothLand() throws Exception {
        // given
        Path ws = sampleWorkspaceCopy();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // when: two deploys of different stages run side by side, twice over
            List<Future<Cli.Result>> runs = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                runs.add(pool.submit(() -> Cli.run("deploy", "PetStore", "--stage", "alpha", "-w", ws.toString())));
                runs.add(pool.submit(() -> Cli.run("deploy", "PetStore", "--stage", "beta", "-w", ws.toString())));
            }
            // then: every deploy succeeded, both stages exist and four new deployment files are on disk
            for (Future<Cli.Result> run : runs) {
                Cli.Result r = run.get(180, TimeUnit.SECONDS);
                assertThat(r.exitCode()).as("deploy: %s", r.stderr()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        Path api = ws.resolve("apis/petstore01");
        assertThat(api.resolve("stages/alpha.json")).exists();
        assertThat(api.resolve("stages/beta.json")).exists();
        try (Stream<Path> files = Files.list(api.resolve("deployments"))) {
            long deployments = files.count();
            try (Stream<Path> sample = Files.list(Cli.repo().resolve("resources/sample-workspace/apis/petstore01/deployments"))) {
                assertThat(deployments).isEqualTo(sample.count() + 4);
            }
        }
    }

    @Test
    void aProcessKeepingTheWorkspaceOpenForEditingDoesNotStopDeployOrExport() throws Exception {
        // given: serve --lock opens the workspace for editing and keeps it open, as the console does
        Path ws = sampleWorkspaceCopy();
        Process serve = new ProcessBuilder(Cli.launcher().toString(), "serve", "--lock", "-w", ws.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("first line of serve").contains("serving");

            // when / then: another process deploys and exports
            Cli.Result deploy = Cli.run("deploy", "PetStore", "--stage", "gamma", "-w", ws.toString());
            assertThat(deploy.exitCode()).as("deploy beside an open editor: %s", deploy.stderr()).isZero();
            assertThat(ws.resolve("apis/petstore01/stages/gamma.json")).exists();

            Cli.Result export = Cli.run("export", "PetStore", "-w", ws.toString());
            assertThat(export.exitCode()).as("export: %s", export.stderr()).isZero();
            assertThat(export.stdout()).contains("\"openapi\"");
            assertThat(export.stderr()).doesNotContain("open for editing");
        } finally {
            serve.destroy();
            if (!serve.waitFor(15, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }
}
