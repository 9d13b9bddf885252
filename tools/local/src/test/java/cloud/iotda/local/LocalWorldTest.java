package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.functions.ResizeHandler;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.Flavor;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstance;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local world runs on one clock, which iotda-admin moves forward and reset brings back: the API's business rules
 * follow it (a subscription past its expiry is refused a resize in its grace period, IOTDA.060017, through the API),
 * a client's signature keeps real time, and a function built as Lambda builds it ignores it.
 */
class LocalWorldTest {
    private static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String MONTHLY = "2a2b3c4d-0000-4000-8000-0000000000c1";
    private static final String DEMO_STANDARD = "2a2b3c4d-0000-4000-8000-000000000001";
    private static final String DEMO_ENTERPRISE = "2a2b3c4d-0000-4000-8000-000000000002";

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

    private static AdminRun admin(String... args) {
        return AdminRun.of(api.dynamoEndpoint(), args);
    }

    private static AdminRun ok(String... args) {
        AdminRun run = admin(args);
        assertEquals(0, run.code(), String.join(" ", args) + ": " + run.err());
        return run;
    }

    /** The demo project's client, signing with the SDK's own derived scheme on the machine's real clock. */
    private static IoTDMClient sdk() {
        return IoTDMClient.newBuilder()
                .withCredential(new BasicCredentials().withAk("DEMOACCESSKEY0E3F2C8A")
                        .withSk("demo-secret-key-do-not-use-in-production").withProjectId(PROJECT))
                .withEndpoints(List.of("http://127.0.0.1:" + api.port()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10))
                .build();
    }

    private static Instant clockShown() {
        String line = ok("clock").out().strip();
        assertTrue(line.startsWith("clock "), line);
        return Instant.parse(line.split(" ")[1]);
    }

    @Test
    void theApiAndTheProcessorFollowTheOneClockWhichOnlyResetTakesBack() throws Exception {
        Instant real = Instant.now();
        assertTrue(ok("clock").out().strip().endsWith("(real time)"));
        sdk().resizeInstance(new ResizeInstanceRequest().withInstanceId(DEMO_STANDARD).withBody(new ResizeInstance()
                .withFlavor(new Flavor().withType("iotda.standard.s2").withSize(4))));
        assertEquals("iotda.standard.s2", sdk().showInstance(new ShowInstanceRequest().withInstanceId(DEMO_STANDARD))
                .getFlavor().getType());
        ok("instances", "create", "--project", PROJECT, "--instance", MONTHLY, "--type", "standard",
                "--flavor", "iotda.standard.s1", "--size", "2", "--charge-mode", "prePaid");
        JsonNode subscription = ok("subscriptions", "list", "--project", PROJECT).out().lines()
                .map(LocalWorldTest::json).filter(node -> node.get("instance_id").asText().equals(MONTHLY))
                .findFirst().orElseThrow();
        Instant expiry = Instant.parse(subscription.get("expire_time").asText());

        // An hour into the grace period, for the API as for the processor.
        AdminRun set = ok("clock", "set", expiry.plus(Duration.ofHours(1)).toString());
        assertTrue(set.out().startsWith("clock " + expiry.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS))
                && set.out().contains("(real time + "), set.out());
        ServiceResponseException refused = assertThrows(ServiceResponseException.class, () -> sdk().resizeInstance(
                new ResizeInstanceRequest().withInstanceId(MONTHLY).withBody(new ResizeInstance()
                        .withFlavor(new Flavor().withType("iotda.standard.s2").withSize(3)))));
        assertEquals("IOTDA.060017", refused.getErrorCode(), "signed on real time, refused by the rule of grace: "
                + refused.getErrorMsg());
        assertEquals(400, refused.getHttpStatusCode());
        assertEquals("ACTIVE", sdk().showInstance(new ShowInstanceRequest().withInstanceId(MONTHLY)).getStatus(),
                "it still works in grace");

        // A function as Lambda builds it (its no-argument constructor) keeps real time on the same table.
        assertEquals(200, deployedResize(MONTHLY).get("statusCode").asInt(), "deployed, no setting moves the clock");

        // Never backwards; forward by a duration, and the processor's run is the clock's.
        AdminRun back = admin("clock", "set", real.toString());
        assertEquals(2, back.code());
        assertTrue(back.err().contains("does not go back to " + real) && back.err().contains("iotda-admin reset"),
                back.err());
        Instant before = clockShown();
        ok("clock", "advance", "15d");
        Instant after = clockShown();
        assertTrue(Duration.between(before, after).minus(Duration.ofDays(15)).abs().compareTo(Duration.ofMinutes(1))
                < 0, before + " -> " + after);
        assertEquals(2, admin("clock", "advance", "a fortnight").code());
        assertTrue(json(ok("orders", "process-now").out()).get("frozen").asInt() >= 1);
        assertEquals("FROZEN", sdk().showInstance(new ShowInstanceRequest().withInstanceId(MONTHLY)).getStatus());

        assertEquals("FROZEN", sdk().showInstance(new ShowInstanceRequest().withInstanceId(DEMO_ENTERPRISE))
                .getStatus(), "the demo seed's monthly instance lapsed too");

        // Reset: the seed as loaded at start, the clock at real time.
        AdminRun reset = ok("reset");
        assertTrue(reset.out().startsWith("reset: the local world as the local API started it"), reset.out());
        assertTrue(ok("clock").out().strip().endsWith("(real time)"));
        assertTrue(Duration.between(Instant.now(), clockShown()).abs().compareTo(Duration.ofMinutes(1)) < 0);
        ServiceResponseException gone = assertThrows(ServiceResponseException.class,
                () -> sdk().showInstance(new ShowInstanceRequest().withInstanceId(MONTHLY)));
        assertEquals("IOTDA.060000", gone.getErrorCode());
        assertEquals(18, sdk().listInstances(new ListInstancesRequest()).getCount(), "the demo project as seeded");
        assertEquals("iotda.standard.s1", sdk().showInstance(new ShowInstanceRequest().withInstanceId(DEMO_STANDARD))
                .getFlavor().getType());
        assertEquals("ACTIVE", sdk().showInstance(new ShowInstanceRequest().withInstanceId(DEMO_ENTERPRISE))
                .getStatus());
    }

    @Test
    void aDeployedTableHasNoLocalClockOrReset() {
        for (String command : List.of("clock", "reset")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Admin.run(new String[] {"--table", "iotda-prod", "--region", "eu-west-1", command},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, command);
            assertEquals("iotda-admin: " + command + " is the local world's: a deployed stack runs on real time and "
                    + "keeps its data", err.toString(StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void withNothingAtTheEndpointTheToolSaysHowToStartIt() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Admin.run(new String[] {"--endpoint", "http://127.0.0.1:" + closed, "instances", "list"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertEquals("iotda-admin: nothing answers at http://127.0.0.1:" + closed + " (the local API's DynamoDB "
                + "Local): start it with ./bin/local-api, or give --table and --region for a deployed table",
                message.strip());
        assertFalse(message.contains("Exception"));
    }

    /** The resize of {@code instance} as API Gateway would hand it to a function Lambda built. */
    private static JsonNode deployedResize(String instance) throws Exception {
        ObjectNode event = (ObjectNode) JsonTrees.read(Files.readAllBytes(
                LocalApiEndToEndTest.repoRoot().resolve("events/resize.json")));
        String path = "/v5/iot/" + PROJECT + "/iotda-instances/" + instance + "/resize";
        event.put("path", path);
        ((ObjectNode) event.get("pathParameters")).put("instance_id", instance);
        ((ObjectNode) event.get("headers")).put("X-Auth-Token", "demo-token-0e3f2c8a");
        event.withArray("/multiValueHeaders/X-Auth-Token").removeAll().add("demo-token-0e3f2c8a");
        event.put("body", "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":3}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResizeHandler().handleRequest(new ByteArrayInputStream(JsonTrees.write(event)
                .getBytes(StandardCharsets.UTF_8)), out, null);
        return JsonTrees.read(out.toByteArray());
    }

    private static JsonNode json(String text) {
        try {
            return JsonTrees.read(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
