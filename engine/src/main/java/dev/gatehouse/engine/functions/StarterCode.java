package dev.gatehouse.engine.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The handler a new function starts with when no code is given, per runtime: the same "Hello from Lambda!"
 * proxy answer AWS's console templates return, in the file the handler names.
 */
final class StarterCode {

    private StarterCode() { }

    static void write(FunctionConfig config, Path dir) throws IOException {
        if (config.runtime() == FunctionRuntime.JAVA) {
            JavaRuntime.writeStarter(config.handler(), dir);
            return;
        }
        String handler = config.handler();
        String module = handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : handler;
        String function = handler.substring(handler.lastIndexOf('.') + 1);
        switch (config.runtime()) {
            case NODEJS -> Files.writeString(dir.resolve(module + ".js"), """
                    exports.%s = async (event, context) => {
                      return {
                        statusCode: 200,
                        body: JSON.stringify('Hello from Lambda!'),
                      };
                    };
                    """.formatted(function), StandardCharsets.UTF_8);
            case PYTHON -> Files.writeString(dir.resolve(module.replace('.', '/') + ".py"), """
                    import json


                    def %s(event, context):
                        return {
                            'statusCode': 200,
                            'body': json.dumps('Hello from Lambda!')
                        }
                    """.formatted(function), StandardCharsets.UTF_8);
            case PROVIDED -> {
                // AWS's custom-runtime tutorial loop: fetch the next event, answer it, forever
                Path bootstrap = dir.resolve("bootstrap");
                Files.writeString(bootstrap, """
                        #!/bin/sh
                        set -eu
                        while true
                        do
                          HEADERS="$(mktemp)"
                          EVENT_DATA=$(curl -sS -LD "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")
                          REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
                          RESPONSE='{"statusCode":200,"body":"\\"Hello from Lambda!\\""}'
                          curl -sS "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "$RESPONSE"
                          rm -f "$HEADERS"
                        done
                        """, StandardCharsets.UTF_8);
                FunctionStore.makeExecutable(bootstrap);
            }
            case JAVA -> throw new IllegalStateException("handled above");
        }
    }
}
