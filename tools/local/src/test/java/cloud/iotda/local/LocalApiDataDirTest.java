package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --data, what the API wrote is still there after a restart, and the seed does not overwrite it. */
class LocalApiDataDirTest {
    private static final String INSTANCE =
            "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b/iotda-instances/2a2b3c4d-0000-4000-8000-000000000001";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private static Path template() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) {
            root = root.getParent();
        }
        return root.resolve("template.yaml");
    }

    private HttpResponse<String> send(LocalApi api, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("X-Auth-Token", "demo-token-0e3f2c8a")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keptDataSurvivesARestart() throws Exception {
        LocalApi.Options options = new LocalApi.Options(0, 0, data, null, template());
        try (LocalApi first = LocalApi.start(options)) {
            assertEquals(200, send(first, "POST", INSTANCE + "/resize",
                    "{\"flavor\":{\"type\":\"iotda.standard.s4\",\"size\":9}}").statusCode());
        }
        try (LocalApi second = LocalApi.start(options)) {
            String shown = send(second, "GET", INSTANCE, null).body();
            assertTrue(shown.contains("\"flavor\":{\"type\":\"iotda.standard.s4\",\"size\":9}"), shown);
        }
    }
}
