package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.edge.ApiError;
import cloud.iotda.edge.Json;
import cloud.iotda.json.JsonTrees;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's error table is the code's: every status and code the API can answer has its row and no row names
 * one it cannot; and for each kind of bad request a client can send, the row of the code the API answers says so.
 */
class ErrorTableTest {
    private static final String RESIZE = "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b/iotda-instances/"
            + "2a2b3c4d-0000-4000-8000-000000000001/resize";

    record Row(int status, String code, String when) {
    }

    static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(new LocalApi.Options(0, 0, null, null,
                LocalApiEndToEndTest.repoRoot().resolve("template.yaml")));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** The rows of the table under "## Error codes", by code. */
    static Map<String, Row> documented() throws Exception {
        List<String> lines = Files.readAllLines(LocalApiEndToEndTest.repoRoot().resolve("docs/api.md"));
        int from = lines.indexOf("## Error codes");
        assertTrue(from >= 0, "docs/api.md has ## Error codes");
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(from + 1, lines.size())) {
            if (line.startsWith("| status | error_code |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|---")) {
                continue;
            } else if (inTable && line.startsWith("| ")) {
                String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                Row previous = rows.put(cells[2], new Row(Integer.parseInt(cells[1]), cells[2], cells[3]));
                assertEquals(null, previous, cells[2] + " has one row");
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    @Test
    void everyCodeTheApiCanAnswerHasItsRowAndEveryRowIsOne() throws Exception {
        Set<String> answerable = Arrays.stream(ApiError.values()).map(error -> error.status() + " " + error.code())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = documented().values().stream().map(row -> row.status() + " " + row.code())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(answerable, rows, "docs/api.md's error table against ApiError");
        assertTrue(documented().get("IOTDA.060503").when().contains("`Retry-After`"),
                "a 503 says when to retry, and the table says so");
    }

    private record Probe(String what, String contentType, byte[] body, String rowSays) {
    }

    @Test
    void theRowOfTheAnsweredCodeDescribesEachKindOfBadRequest() throws Exception {
        byte[] deep = ("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").getBytes();
        byte[] large = ("{\"description\":\"" + "x".repeat(Json.MAX_BODY_BYTES) + "\"}").getBytes();
        List<Probe> probes = List.of(
                new Probe("not JSON", "application/json", "{".getBytes(), "not JSON"),
                new Probe("a duplicate key", "application/json",
                        "{\"flavor\":{},\"flavor\":{}}".getBytes(), "duplicate key"),
                new Probe("nested too deep", "application/json", deep, "nested more than 32 deep"),
                new Probe("over 64 KiB", "application/json", large, "64 KiB"),
                new Probe("another media type", "text/plain", "{}".getBytes(), "`Content-Type`"),
                new Probe("an array", "application/json", "[]".getBytes(), "not a JSON object (an array"),
                new Probe("a string", "application/json", "\"resize\"".getBytes(), "a string"),
                new Probe("no body", "application/json", new byte[0], "a missing body"),
                new Probe("a wrong type", "application/json", "{\"flavor\":{\"type\":1}}".getBytes(),
                        "wrong type"));
        Map<String, Row> rows = documented();
        HttpClient http = HttpClient.newHttpClient();
        List<String> wrong = new ArrayList<>();
        for (Probe probe : probes) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + api.port() + RESIZE))
                    .header("X-Auth-Token", "demo-token-0e3f2c8a").header("Content-Type", probe.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(probe.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            String code = JsonTrees.read(response.body()).path("error_code").asText();
            Row row = rows.get(code);
            if (row == null || row.status() != response.statusCode() || !row.when().contains(probe.rowSays())) {
                wrong.add(probe.what() + ": answered " + response.statusCode() + " " + code + ", whose row "
                        + (row == null ? "is missing" : "says " + row.status() + " `" + row.when() + "`"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
