package cloud.iotda.edge;

import cloud.iotda.json.JsonTrees;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One JSON line per event through Lambda's logger, which, with the function's JSON log format, adds the timestamp,
 * the level and the invocation's request id to each (outside Lambda it prints the line). Never given credentials or
 * bodies. The SDK's own warnings (SLF4J, bound to java.util.logging) come the same way: {@link #routeLibraryLogs}.
 */
public final class Log {
    private static final int MAX_TRACE_LINES = 12;
    private static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_RUNTIME_API") != null;

    private Log() {
    }

    public static void error(String message, Throwable error) {
        error(null, message, error);
    }

    public static void error(String requestId, String message, Throwable error) {
        ObjectNode line = JsonTrees.object()
                .put("level", "ERROR")
                .put("request_id", requestId)
                .put("message", message)
                .put("error", trace(error));
        emit(JsonTrees.write(line), LogLevel.ERROR);
    }

    /** An event worth keeping, with its facts as a JSON object. */
    public static void info(String message, ObjectNode report) {
        ObjectNode line = JsonTrees.object()
                .put("level", "INFO")
                .put("message", message);
        line.set("report", report);
        emit(JsonTrees.write(line), LogLevel.INFO);
    }

    /**
     * One metric in CloudWatch's embedded metric format, written to standard output, whose lines Lambda sends to
     * the function's log group as they are and from which CloudWatch extracts the metric (no PutMetricData call, no
     * permission beyond the logs'). Only in Lambda, and only with a {@code namespace}; elsewhere nothing.
     */
    public static void metric(String namespace, String name, long value, String unit) {
        if (IN_LAMBDA && namespace != null && !namespace.isBlank()) {
            System.out.println(emf(namespace, name, value, unit, System.currentTimeMillis()));
        }
    }

    /** The embedded-metric-format document of one value, without dimensions (the namespace is the stack's). */
    public static String emf(String namespace, String name, long value, String unit, long timestampMillis) {
        ObjectNode document = JsonTrees.object();
        ObjectNode aws = document.putObject("_aws").put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
        directive.putArray("Dimensions").addArray();
        directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
        document.put(name, value);
        return JsonTrees.write(document);
    }

    /**
     * Sends warnings and errors of the libraries (the AWS SDK logs through SLF4J, bound to java.util.logging) to
     * Lambda's logger as JSON lines, instead of the JDK's default text on stderr or SLF4J's silent no-op logger.
     */
    public static void routeLibraryLogs() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new LibraryLogs());
        root.setLevel(Level.WARNING);
    }

    /**
     * In Lambda (the runtime API is set), Lambda's logger: it frames each line and, in JSON format, adds the request
     * id. Elsewhere (the local API, tests), one line on stdout: the stand-in logger would not end the line.
     */
    private static void emit(String line, LogLevel level) {
        if (IN_LAMBDA) {
            LambdaRuntime.getLogger().log(line, level);
        } else {
            System.out.println(line);
        }
    }

    private static String trace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        // The top frames locate the failure; the rest is framework plumbing.
        String[] lines = trace.toString().split("\n", MAX_TRACE_LINES + 1);
        return String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, MAX_TRACE_LINES)));
    }

    private static final class LibraryLogs extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                return;
            }
            boolean severe = record.getLevel().intValue() >= Level.SEVERE.intValue();
            ObjectNode line = JsonTrees.object()
                    .put("level", severe ? "ERROR" : "WARN")
                    .put("logger", record.getLoggerName())
                    .put("message", record.getMessage());
            if (record.getThrown() != null) {
                line.put("error", trace(record.getThrown()));
            }
            emit(JsonTrees.write(line), severe ? LogLevel.ERROR : LogLevel.WARN);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
