package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local API as its own process: the ready line scripts wait for, one log line per request, a clean SIGTERM
 * stop.
 */
class LocalApiProcessTest {
    private static final Pattern READY = Pattern.compile("API listening on http://127\\.0\\.0\\.1:(\\d+)");

    private static Process launch(String... args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) {
            root = root.getParent();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path"),
                "-cp", System.getProperty("java.class.path"), LocalApi.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    }

    @Test
    @Timeout(60)
    void servesAfterTheReadyLineLogsRequestsAndStopsOnSigterm() throws Exception {
        Process process = launch("--port", "0", "--dynamodb-port", "0");
        // Read the output on its own thread: Process.destroy() would close the stream under a reader.
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> portFuture = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        portFuture.complete(Integer.parseInt(ready.group(1)));
                    }
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e + ")");
            }
            portFuture.complete(-1);
        });
        reader.start();
        int port = portFuture.get(45, TimeUnit.SECONDS);
        assertTrue(port > 0, "ready line: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DynamoDB Local listening on http://127.0.0.1:")),
                lines.toString());

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port
                        + "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b"
                        + "/iotda-instances/2a2b3c4d-0000-4000-8000-000000000002"))
                .header("X-Auth-Token", "demo-token-0e3f2c8a").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        // SIGTERM from outside: Process.destroy() would also close our end of its output.
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        // "stopped" is its last line, and the process ends with it, not seconds later (a quiet machine: 0.1 s).
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stopped within 10 s");
        reader.join(5000);
        assertTrue(lines.stream().anyMatch(l -> l.matches("GET /v5/iot/\\S+ 200 \\d+ms " + requestId)),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("demo-token")), "no credential is logged");
        assertEquals("stopped", lines.get(lines.size() - 1));
    }

    private record Exit(int code, String output) {
    }

    private static Exit runToEnd(String... args) throws Exception {
        Process process = launch(args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Exit(process.exitValue(), output);
    }

    @Test
    @Timeout(60)
    void aBusyPortIsNamedInOneLineWithExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            Exit api = runToEnd("--port", port, "--dynamodb-port", "0");
            assertEquals(2, api.code(), api.output());
            assertEquals("local-api: port " + port + " (the API) is in use, perhaps by another ./bin/local-api: stop "
                    + "that one, or choose other ports with --port and --dynamodb-port (0 picks a free one)",
                    api.output().strip());
            Exit dynamo = runToEnd("--port", "0", "--dynamodb-port", port);
            assertEquals(2, dynamo.code(), dynamo.output());
            assertTrue(dynamo.output().strip().startsWith("local-api: port " + port + " (DynamoDB Local) is in use")
                    && dynamo.output().strip().lines().count() == 1, dynamo.output());
        }
    }

    @Test
    @Timeout(60)
    void checkStartsPrintsWhereItListensAndStops() throws Exception {
        Exit check = runToEnd("--port", "0", "--dynamodb-port", "0", "--check");
        assertEquals(0, check.code(), check.output());
        List<String> lines = check.output().lines().toList();
        assertEquals(3, lines.size(), check.output());
        assertTrue(READY.matcher(lines.get(1)).find() && lines.get(1).endsWith("(real time)"), lines.get(1));
        assertEquals("stopped", lines.get(2));
    }

    @Test
    @Timeout(60)
    void invalidSeedIsRefusedAtStartWithExitCode2() throws Exception {
        Path seed = Files.createTempFile("bad-seed", ".json");
        Files.writeString(seed, "{\"instances\":[{\"project_id\":\"p\",\"instance_id\":\"AB\"}]}");
        Process process = launch("--port", "0", "--dynamodb-port", "0", "--seed", seed.toString());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("instances[0].instance_id must be 1..36 characters"), output);
        assertTrue(!output.contains("API listening"), output);
    }
}
