package dev.gatehouse.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionSourcesTest {

    @TempDir Path dir;

    @Test
    void theHandlerNamesTheFileTheEditorShowsPerRuntime() throws Exception {
        assertThat(FunctionSources.codeFile(dir, FunctionConfig.of("a", FunctionRuntime.NODEJS, "index.handler"))).isEqualTo("index.js");
        // Lambda's Node.js runtime also loads an ES module (.mjs) when there is no .js
        Files.writeString(dir.resolve("app.mjs"), "export const handler = async () => 1;");
        assertThat(FunctionSources.codeFile(dir, FunctionConfig.of("a", FunctionRuntime.NODEJS, "app.handler"))).isEqualTo("app.mjs");
        assertThat(FunctionSources.codeFile(dir, FunctionConfig.of("a", FunctionRuntime.PYTHON, "pkg.mod.handler"))).isEqualTo("pkg/mod.py");
        assertThat(FunctionSources.codeFile(dir, FunctionConfig.of("a", FunctionRuntime.PROVIDED, null))).isEqualTo("bootstrap");
        assertThat(FunctionSources.codeFile(dir, FunctionConfig.of("a", FunctionRuntime.JAVA, "example.Hello::handleRequest")))
                .isEqualTo("src/example/Hello.java");
    }

    @Test
    void aSavedBootstrapStaysExecutable() throws Exception {
        FunctionSources.save(dir, FunctionConfig.of("a", FunctionRuntime.PROVIDED, null), "#!/bin/sh\necho hi\n");

        assertThat(Files.readString(dir.resolve("bootstrap"))).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(Files.isExecutable(dir.resolve("bootstrap"))).isTrue();
    }
}
