package dev.gatehouse.app.session;

import dev.gatehouse.engine.functions.FunctionConfig;
import dev.gatehouse.engine.functions.FunctionRuntime;
import dev.gatehouse.engine.functions.InvokeResult;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's local Lambda functions ({@code functions/NAME/}: {@code function.json} beside the code), as the
 * console's Functions page and the Lambda integration choices use them. Reached through
 * {@link WorkspaceSession#functions()}; implemented on the engine's local functions by {@link EngineFunctions}.
 *
 * <p>Threading: every method touches the disk or runs a worker process, so callers use their TaskRunner, never the
 * FX thread. Thread-safe. Failures: {@link IllegalArgumentException} with the product's message for bad input (a
 * name, a configuration Lambda refuses), an unchecked I/O exception when the disk refuses.
 */
public interface WorkspaceFunctions {

    /** Every function of the workspace, by name; a folder whose {@code function.json} cannot be read is left out. */
    List<FunctionConfig> list();

    /** The function's configuration; empty when there is none. */
    Optional<FunctionConfig> read(String name);

    /**
     * Creates {@code functions/NAME} with the runtime's starter handler (AWS's "Hello from Lambda!" template) and
     * Lambda's defaults. IllegalArgumentException when the name is not Lambda's or the function exists.
     */
    FunctionConfig create(String name, FunctionRuntime runtime);

    /** Writes {@code function.json} (environment, timeout, concurrency, description); workers pick it up. */
    void update(FunctionConfig config);

    /**
     * The file of the handler's code, relative to the function folder ({@code index.js}, {@code app.py},
     * {@code src/example/Hello.java}, {@code bootstrap}); empty when the handler's file does not exist.
     */
    Optional<String> codeFile(String name);

    /** The text of {@link #codeFile}; "" when there is none. */
    String readCode(String name);

    /**
     * Saves the handler's code; a Java source is compiled into the function folder (IllegalArgumentException with
     * the compiler's messages when it does not compile, nothing changes then). Workers are recycled on their own.
     */
    void writeCode(String name, String code);

    /** Invokes the function with {@code event} (JSON text) and waits for its answer, as {@code aws lambda invoke}. */
    InvokeResult invoke(String name, String event);

    /** The function's recent log lines (START / END / REPORT and its output), oldest first. */
    List<String> logs(String name);

    /** The saved test events of the function, by name. */
    List<String> testEvents(String name);

    /** A saved test event's JSON; empty when there is no such event. */
    Optional<String> readTestEvent(String name, String eventName);

    /**
     * Saves a test event with the function ({@code functions/NAME/.events/EVENT.json}, in git like the rest, and
     * outside what recycles the workers). IllegalArgumentException when the name is not 1-25 letters, digits, - or _
     * (Lambda console's rule) or the JSON does not parse.
     */
    void saveTestEvent(String name, String eventName, String json);
}
