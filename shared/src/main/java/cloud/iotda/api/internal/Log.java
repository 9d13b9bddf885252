package cloud.iotda.api.internal;

import cloud.iotda.api.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON line per event on stdout, which Lambda sends to CloudWatch. Never given credentials or bodies. */
public final class Log {
    private Log() {
    }

    public static void error(String requestId, String message, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "ERROR");
        line.put("request_id", requestId);
        line.put("message", message);
        line.put("error", trace.toString());
        System.out.println(Json.write(line));
    }
}
