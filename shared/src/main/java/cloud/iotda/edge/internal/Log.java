package cloud.iotda.edge.internal;

import cloud.iotda.edge.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON line per event on stdout, which Lambda sends to CloudWatch. Never given credentials or bodies. */
public final class Log {
    private static final int MAX_TRACE_LINES = 12;

    private Log() {
    }

    public static void error(String message, Throwable error) {
        error(null, message, error);
    }

    public static void error(String requestId, String message, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        // The top frames locate the failure; the rest is framework plumbing.
        String[] lines = trace.toString().split("\n", MAX_TRACE_LINES + 1);
        String head = String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, MAX_TRACE_LINES)));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "ERROR");
        line.put("request_id", requestId);
        line.put("message", message);
        line.put("error", head);
        System.out.println(Json.write(line));
    }
}
