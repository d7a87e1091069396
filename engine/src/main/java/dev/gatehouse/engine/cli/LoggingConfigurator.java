package dev.gatehouse.engine.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback configured in code (found through {@code META-INF/services}): warnings and errors of libraries, INFO of
 * Gatehouse, on stderr so stdout stays for command output. Replaces an XML file because parsing it cost a
 * noticeable part of the CLI's start-up. {@code -Dgatehouse.log=DEBUG} raises Gatehouse's level.
 */
public final class LoggingConfigurator extends ContextAwareBase implements ch.qos.logback.classic.spi.Configurator {

    @Override public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // openapi-generator reports every template it skips at WARN; only its errors matter to SDK export
        context.getLogger("org.openapitools").setLevel(Level.ERROR);
        // the SQLite driver logs at ERROR when another JVM removed a stale copy of its native library first (a
        // harmless race between parallel commands); a real failure to open the usage store is reported by us
        context.getLogger("org.sqlite").setLevel(Level.OFF);
        context.getLogger("dev.gatehouse").setLevel(Level.toLevel(System.getProperty("gatehouse.log"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
