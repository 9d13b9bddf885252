package cloud.iotda.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Lines are JSON; the SDK's warnings (through SLF4J) reach the same output instead of a no-op logger. */
class LogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String captured(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode onlyLine(Supplier<String> output) throws Exception {
        String[] lines = output.get().strip().split("\n");
        assertEquals(1, lines.length, String.join("|", lines));
        return JSON.readTree(lines[0]);
    }

    @Test
    void anErrorIsOneJsonLineWithTheRequestIdAndTheTopOfTheTrace() throws Exception {
        JsonNode line = onlyLine(() -> captured(() -> Log.error("req-7", "it failed", new IllegalStateException("x"))));
        assertEquals("ERROR", line.get("level").asText());
        assertEquals("req-7", line.get("request_id").asText());
        assertTrue(line.get("error").asText().startsWith("java.lang.IllegalStateException: x"));
        assertTrue(line.get("error").asText().split("\n").length <= 12);
    }

    @Test
    void theSdksWarningsAreLoggedAndItsDebugIsNot() throws Exception {
        Log.routeLibraryLogs();
        JsonNode line = onlyLine(() -> captured(() -> {
            LoggerFactory.getLogger("software.amazon.awssdk.probe").debug("not this");
            LoggerFactory.getLogger("software.amazon.awssdk.probe").info("nor this");
            LoggerFactory.getLogger("software.amazon.awssdk.probe").warn("clock skew of {} s", 42);
        }));
        assertEquals("WARN", line.get("level").asText());
        assertEquals("software.amazon.awssdk.probe", line.get("logger").asText());
        assertEquals("clock skew of 42 s", line.get("message").asText());
        assertFalse(LoggerFactory.getILoggerFactory().getClass().getName().contains("NOP"), "a real SLF4J binding");
    }

    @Test
    void aMetricIsOneEmbeddedMetricFormatDocument() throws Exception {
        JsonNode document = JSON.readTree(Log.emf("stack/iotda", "OldestDueOrderAgeSeconds", 420, "Seconds",
                1_767_225_600_000L));
        // The specification's shape: _aws with Timestamp and one directive naming the metric, and its value.
        JsonNode aws = document.get("_aws");
        assertEquals(1_767_225_600_000L, aws.get("Timestamp").asLong());
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertEquals("stack/iotda", directive.get("Namespace").asText());
        assertEquals("[[]]", directive.get("Dimensions").toString());
        assertEquals("[{\"Name\":\"OldestDueOrderAgeSeconds\",\"Unit\":\"Seconds\"}]",
                directive.get("Metrics").toString());
        assertEquals(420, document.get("OldestDueOrderAgeSeconds").asLong());
        assertEquals(2, document.size(), "nothing else at the top: " + document);
    }

    @Test
    void noMetricIsWrittenOutsideLambda() {
        assertEquals("", captured(() -> Log.metric("stack/iotda", "OldestDueOrderAgeSeconds", 1, "Seconds")));
    }
}
