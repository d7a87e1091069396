package dev.gatehouse.engine.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.engine.functions.FunctionConfig;
import dev.gatehouse.engine.functions.FunctionException;
import dev.gatehouse.engine.functions.FunctionRuntime;
import dev.gatehouse.engine.functions.FunctionStore;
import dev.gatehouse.engine.functions.InvokeResult;
import dev.gatehouse.engine.functions.LocalFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse function create|list|invoke|logs}: the workspace's local Lambda functions. */
@Command(name = "function", mixinStandardHelpOptions = true, description = "Create, list, invoke local functions and read their logs.",
        subcommands = {FunctionCommand.Create.class, FunctionCommand.ListFunctions.class, FunctionCommand.Invoke.class,
                FunctionCommand.Logs.class})
final class FunctionCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    static Path workspaceDir(WorkspaceOption option) {
        Path d = option.dir.toAbsolutePath().normalize();
        if (!Files.exists(d.resolve("workspace.json"))) throw WorkspaceOption.noWorkspace(d);
        return d;
    }

    /** {@code function create NAME --runtime R [--handler H] [--code DIR]}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create functions/NAME with function.json and the code folder given, or a starter handler.")
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--runtime", required = true, paramLabel = "RUNTIME", description = "nodejs, python, java or provided")
        String runtime;
        @Option(names = "--handler", paramLabel = "HANDLER", description = "file.function (default: the runtime's starter)")
        String handler;
        @Option(names = "--code", paramLabel = "DIR", description = "Folder whose files become the function's code")
        Path code;
        @Option(names = "--timeout", paramLabel = "SECONDS") Integer timeout;
        @Option(names = "--memory-size", paramLabel = "MB") Integer memorySize;
        @Option(names = "--description", paramLabel = "TEXT") String description;
        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            FunctionStore store = new FunctionStore(workspaceDir(workspace));
            FunctionConfig config;
            try {
                FunctionRuntime rt = FunctionRuntime.parse(runtime);
                config = new FunctionConfig(name, rt, handler, null, timeout == null ? 3 : timeout,
                        memorySize == null ? 128 : memorySize, null, description);
                store.create(config, code);
            } catch (IllegalArgumentException e) {
                throw CliErrors.of(e.getMessage());
            }
            System.out.println("Created function " + name + " (" + config.runtime().id() + ", " + config.handler()
                    + ") in " + store.dir(name));
            return 0;
        }
    }

    /** {@code function list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the workspace's functions.")
    static final class ListFunctions implements Callable<Integer> {
        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            List<FunctionConfig> all = new FunctionStore(workspaceDir(workspace)).list();
            if (all.isEmpty()) {
                System.out.println("No functions.");
                return 0;
            }
            System.out.printf("%-32s %-9s %-24s %8s %7s%n", "NAME", "RUNTIME", "HANDLER", "TIMEOUT", "MEMORY");
            for (FunctionConfig f : all) {
                System.out.printf("%-32s %-9s %-24s %7ds %5dMB%n", f.name(), f.runtime().id(), f.handler(),
                        f.timeoutSeconds(), f.memoryMb());
            }
            return 0;
        }
    }

    /**
     * {@code function invoke NAME [--event FILE|-] [OUTFILE]}: as {@code aws lambda invoke}, the payload goes to
     * OUTFILE and the invocation's summary ({@code StatusCode}, {@code FunctionError}, {@code ExecutedVersion},
     * {@code LogResult} with {@code --log-type Tail}) to stdout; without OUTFILE the payload is printed. Exit code
     * 1 on a function error.
     */
    @Command(name = "invoke", mixinStandardHelpOptions = true, description = "Invoke a function once, as aws lambda invoke.")
    static final class Invoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "OUTFILE", arity = "0..1", description = "Where to write the payload")
        Path outfile;
        @Option(names = "--event", paramLabel = "FILE", description = "The event JSON, '-' for stdin (default: {})")
        String event;
        @Option(names = "--log-type", paramLabel = "None|Tail") String logType = "None";
        @Mixin WorkspaceOption workspace;

        @Override public Integer call() throws IOException {
            byte[] payload = event == null ? "{}".getBytes(StandardCharsets.UTF_8)
                    : event.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(event));
            InvokeResult result;
            try (LocalFunctions functions = LocalFunctions.open(workspaceDir(workspace))) {
                result = functions.invoke(name, payload, null, null);
            } catch (FunctionException e) {
                throw CliErrors.of(switch (e.kind()) {
                    case NOT_FOUND -> "An error occurred (ResourceNotFoundException) when calling the Invoke operation: "
                            + e.getMessage();
                    case THROTTLED -> "An error occurred (TooManyRequestsException) when calling the Invoke operation "
                            + "(reached max retries: 0): " + e.getMessage();
                    case WAIT_EXPIRED -> e.getMessage();
                });
            }
            if (outfile == null) {
                System.out.println(result.payloadText());
                if ("Tail".equalsIgnoreCase(logType)) System.err.print(result.log());
            } else {
                Files.write(outfile, result.payload());
                System.out.println(summary(result, "Tail".equalsIgnoreCase(logType)));
            }
            return result.failed() ? 1 : 0;
        }

        /** The summary {@code aws lambda invoke} prints (the CLI's JSON output: 4-space indent). */
        static String summary(InvokeResult result, boolean tail) throws IOException {
            ObjectMapper json = new ObjectMapper();
            ObjectNode n = json.createObjectNode();
            n.put("StatusCode", 200);
            if (result.failed()) n.put("FunctionError", result.functionError());
            if (tail) n.put("LogResult", Base64.getEncoder().encodeToString(result.log().getBytes(StandardCharsets.UTF_8)));
            n.put("ExecutedVersion", "$LATEST");
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("    ", "\n"));
            return json.writer(pp).writeValueAsString(n).replace("\" : ", "\": ");
        }
    }

    /** {@code function logs NAME}: the function's recent log lines kept in {@code .gatehouse/functions/}. */
    @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a function's recent log lines.")
    static final class Logs implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin WorkspaceOption workspace;

        @Override public Integer call() {
            try (LocalFunctions functions = LocalFunctions.open(workspaceDir(workspace))) {
                if (functions.store().read(name).isEmpty()) throw CliErrors.of("no function " + name);
                functions.logs(name).forEach(System.out::println);
            }
            return 0;
        }
    }
}
