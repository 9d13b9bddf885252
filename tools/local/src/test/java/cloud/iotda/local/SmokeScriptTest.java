package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bin/smoke, the script an operator runs against a deployed stack, run against the local API on the demo seed: with
 * an access key (both signing schemes) and with a token it passes and leaves the instance as it was; with a wrong
 * secret it fails, naming what it could not check; without an endpoint it is a usage error.
 */
class SmokeScriptTest {
    private static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String AK = "DEMOACCESSKEY0E3F2C8A";
    private static final String SK = "demo-secret-key-do-not-use-in-production";
    private static final String INSTANCE = "2a2b3c4d-0000-4000-8000-000000000001";

    private static LocalApi api;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        Path root = LocalApiEndToEndTest.repoRoot();
        api = LocalApi.start(new LocalApi.Options(0, 0, null, null, root.resolve("template.yaml")));
        endpoint = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private record Run(int code, String out) {
    }

    private static Run smoke(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LocalApiEndToEndTest.repoRoot().resolve("bin/smoke")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
        return new Run(process.exitValue(), out);
    }

    @Test
    void passesWithAnAccessKeyOfEitherSchemeAndWithAToken() throws Exception {
        for (List<String> credentials : List.of(List.of("--ak", AK, "--sk", SK),
                List.of("--ak", AK, "--sk", SK, "--region", "cn-north-4"),
                List.of("--token", "demo-token-0e3f2c8a"))) {
            List<String> args = new ArrayList<>(List.of(endpoint, "--project", PROJECT, "--instance", INSTANCE));
            args.addAll(credentials);
            Run run = smoke(args.toArray(String[]::new));
            assertEquals(0, run.code(), run.out());
            assertTrue(run.out().contains("ok   BindInstanceTags iotda-smoke="), run.out());
            assertTrue(run.out().contains("ok   ShowInstance shows the instance as before"), run.out());
            assertTrue(run.out().strip().endsWith("smoke test passed"), run.out());
        }
    }

    @Test
    void failsNamingWhatItCouldNotCheckWithAWrongSecret() throws Exception {
        Run run = smoke(endpoint, "--project", PROJECT, "--ak", AK, "--sk", "not-the-secret");
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains("FAIL ListInstances answers a page: 401 IOTDA.000002"), run.out());
        assertTrue(run.out().contains("smoke test FAILED"), run.out());
    }

    @Test
    void withoutAnEndpointItIsAUsageError() throws Exception {
        Run run = smoke("--project", PROJECT, "--token", "t");
        assertEquals(2, run.code(), run.out());
        assertTrue(run.out().contains("usage: bin/smoke ENDPOINT"), run.out());
    }
}
