package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.template.Template;
import cloud.iotda.testing.SdkSignatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.ChangeInstanceChargeMode;
import com.huaweicloud.sdk.iotdm.v5.model.ChangeInstanceChargeModeRequest;
import com.huaweicloud.sdk.iotdm.v5.model.Flavor;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstance;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceResponse;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local API on a free port with a test seed, driven over real HTTP: raw requests with a token, and the official
 * SDK.
 */
class LocalApiEndToEndTest {
    static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    static final String OTHER_PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String SDK_STANDARD = "0000000a-0000-4000-8000-000000000001";
    static final String RAW_STANDARD = "0000000a-0000-4000-8000-000000000002";
    static final String SDK_PREPAID = "0000000a-0000-4000-8000-000000000003";
    static final String SIGNING = "0000000a-0000-4000-8000-000000000004";
    static final String FROZEN = "0000000a-0000-4000-8000-000000000005";
    static final String SDK_CHARGE = "0000000a-0000-4000-8000-000000000006";
    static final String SOLD_OUT = "0000000a-0000-4000-8000-000000000007";
    static final String FAIL_RETRY = "0000000a-0000-4000-8000-000000000008";
    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalApi api;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    static Path repoRoot() {
        Path root = Path.of(System.getProperty("iotda.repo.root", "")).toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) {
            root = root.getParent();
        }
        return root;
    }

    @BeforeAll
    static void start() throws Exception {
        api = startOnE2eSeed();
        base = "http://127.0.0.1:" + api.port();
    }

    /** The local API on an ephemeral port and an in-memory DynamoDB Local, seeded with e2e-seed.json. */
    static LocalApi startOnE2eSeed() throws Exception {
        Path root = repoRoot();
        return LocalApi.start(new LocalApi.Options(0, 0, null,
                root.resolve("tools/local/src/test/resources/e2e-seed.json"), root.resolve("template.yaml")));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String path(String project, String instance, String suffix) {
        return "/v5/iot/" + project + "/iotda-instances/" + instance + suffix;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode shownInstance(String instance) throws Exception {
        return json(send("GET", path(PROJECT, instance, ""), "e2e-token-a", null));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).get("error_code").asText(), response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    private static IoTDMClient sdk(String ak, String sk, String project) {
        return IoTDMClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project))
                .withEndpoints(List.of(base))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10))
                .build();
    }

    // --- raw HTTP with a token ---

    @Test
    void rawResizeThenShowInstanceSeesTheNewFlavor() throws Exception {
        HttpResponse<String> resized = send("POST", path(PROJECT, RAW_STANDARD, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s3\",\"size\":5}}");
        assertEquals(200, resized.statusCode(), resized.body());
        assertTrue(json(resized).get("order_id").asText().startsWith("CS"));

        JsonNode shown = json(send("GET", path(PROJECT, RAW_STANDARD, ""), "e2e-token-a", null));
        assertEquals("iotda.standard.s3", shown.get("flavor").get("type").asText());
        assertEquals(5, shown.get("flavor").get("size").asInt());
        assertEquals("ACTIVE", shown.get("status").asText());
    }

    @Test
    void rawRequestsGetEveryDocumentedStatus() throws Exception {
        String resize = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
        assertError(send("POST", path(PROJECT, RAW_STANDARD, "/resize"), null, resize), 401, "IOTDA.000002");
        assertError(send("POST", path(PROJECT, RAW_STANDARD, "/resize"), "e2e-token-expired", resize),
                401, "IOTDA.000002");
        assertError(send("POST", path(PROJECT, RAW_STANDARD, "/resize"), "e2e-token-b", resize), 403, "IOTDA.000004");
        assertError(send("POST", path(PROJECT, RAW_STANDARD, "/resize"), "e2e-token-a", "{\"flavor\":{}}"),
                400, "IOTDA.000006");
        assertError(send("POST", path(PROJECT, "0000000a-0000-4000-8000-0000000000ff", "/resize"), "e2e-token-a",
                        resize),
                404, "IOTDA.060000");
        assertError(send("POST", path(PROJECT, FROZEN, "/resize"), "e2e-token-a", resize), 400, "IOTDA.060001");
        assertError(send("PUT", path(PROJECT, RAW_STANDARD, "/change-charge-mode"), "e2e-token-a",
                "{\"period_type\":\"month\",\"period_num\":10}"), 400, "IOTDA.000006");
        HttpResponse<String> noRoute = send("PATCH", path(PROJECT, RAW_STANDARD, ""), "e2e-token-a", null);
        assertError(noRoute, 404, "APIGW.0101");
        assertEquals(noRoute.headers().firstValue("X-Request-Id").orElseThrow(),
                json(noRoute).get("request_id").asText(), "API Gateway's own answer carries the request id");
    }

    /** The header lines of a raw HTTP/1.1 exchange, as written on the wire (clients read them case-blind). */
    private static List<String> rawResponseHeaderLines(String requestLine, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("Connection: close\r\n\r\n").toString()
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n\r\n")).lines().skip(1).toList();
        }
    }

    @Test
    void headerNamesGoOutInTheCaseTheyAreWrittenAsApiGatewaySendsThem() throws Exception {
        List<String> shown = rawResponseHeaderLines("GET " + path(PROJECT, RAW_STANDARD, "") + " HTTP/1.1",
                "X-Auth-Token: e2e-token-a");
        assertTrue(shown.stream().anyMatch(line -> line.equals("Content-Type: application/json")), shown.toString());
        assertTrue(shown.stream().anyMatch(line -> line.startsWith("X-Request-Id: ")), shown.toString());
        List<String> noRoute = rawResponseHeaderLines("GET /nowhere HTTP/1.1");
        assertTrue(noRoute.stream().anyMatch(line -> line.startsWith("X-Request-Id: ")), noRoute.toString());
        assertTrue(noRoute.stream().noneMatch(line -> line.startsWith("Server:")), "no server banner: " + noRoute);
    }

    @Test
    void listInstanceFlavorsIsRoutedAheadOfAnInstanceIdAndAnswersTheSdksFields() throws Exception {
        HttpResponse<String> response = send("GET", "/v5/iot/" + PROJECT + "/iotda-instances/flavors?instance_type="
                + "standard&limit=2", "e2e-token-a", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(2, body.get("flavors").size(), response.body());
        for (JsonNode flavor : body.get("flavors")) {
            // InstanceFlavor of the newest SDKs: instance_type, type, status (normal|sellout), charge_modes.
            assertEquals("standard", flavor.get("instance_type").asText());
            assertTrue(flavor.get("type").isTextual() && flavor.get("status").asText().matches("normal|sellout"));
            assertTrue(flavor.get("charge_modes").isArray() && flavor.get("charge_modes").size() > 0);
        }
        // Page: count (the SDK's int64) and marker.
        assertTrue(body.get("page").get("count").isIntegralNumber(), response.body());
        assertEquals(body.get("flavors").get(1).get("type").asText(), body.get("page").get("marker").asText());
    }

    @Test
    void aFlavorSoldOutByTheOperatorIsRefusedUntilItIsOnSaleAgain() throws Exception {
        String resize = "{\"flavor\":{\"type\":\"iotda.standard.s3\",\"size\":2}}";
        assertEquals("iotda.standard.s3 sellout",
                admin("flavors", "set-status", "iotda.standard.s3", "sellout").strip());
        try {
            HttpResponse<String> refused = send("POST", path(PROJECT, SOLD_OUT, "/resize"), "e2e-token-a",
                    resize);
            assertError(refused, 400, "IOTDA.060014");
            JsonNode listed = json(send("GET", "/v5/iot/" + PROJECT + "/iotda-instances/flavors", "e2e-token-a",
                    null));
            listed.get("flavors").forEach(flavor -> assertEquals(
                    flavor.get("type").asText().equals("iotda.standard.s3") ? "sellout" : "normal",
                    flavor.get("status").asText()));
        } finally {
            assertEquals("iotda.standard.s3 normal",
                    admin("flavors", "set-status", "iotda.standard.s3", "normal").strip());
        }
        HttpResponse<String> accepted = send("POST", path(PROJECT, SOLD_OUT, "/resize"), "e2e-token-a", resize);
        assertEquals(200, accepted.statusCode(), accepted.body());
    }

    private static final Pattern TASK_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    @Test
    void aResizeIsATaskTheTaskRoutesAnswerWithTheSdksFieldsAndTypes() throws Exception {
        String orderId = json(send("POST", path(PROJECT, SOLD_OUT, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":7}}")).get("order_id").asText();
        HttpResponse<String> listed = send("GET", path(PROJECT, SOLD_OUT, "/tasks?limit=1"), "e2e-token-a", null);
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode task = json(listed).get("tasks").get(0);
        // InstanceTask of the newest SDKs, each field of its type.
        assertTrue(task.get("task_id").asText().matches("[a-f0-9-]{1,64}"), task.toString());
        assertEquals("MODIFY", task.get("type").asText());
        assertEquals("SUCCESS", task.get("status").asText());
        assertTrue(task.get("status_detail").isNull());
        for (String time : new String[] {"create_time", "start_time", "end_time"}) {
            assertTrue(TASK_TIME.matcher(task.get(time).asText()).matches(), time + " " + task);
        }
        assertEquals("iotda.standard.s1", task.get("target_config").get("flavor").get("type").asText());
        assertTrue(task.get("target_config").get("flavor").get("size").isInt());
        assertEquals(orderId, task.get("order_id").asText());
        JsonNode page = json(listed).get("page");
        assertTrue(page.get("count").isIntegralNumber() && page.get("marker").isTextual(), page.toString());

        HttpResponse<String> shown = send("GET", path(PROJECT, SOLD_OUT, "/tasks/" + task.get("task_id").asText()),
                "e2e-token-a", null);
        assertEquals(200, shown.statusCode(), shown.body());
        assertTrue(json(shown).get("progress").isInt());
        assertEquals(100, json(shown).get("progress").asInt());
        assertError(send("GET", path(PROJECT, SOLD_OUT, "/tasks/NOT-A-TASK"), "e2e-token-a", null), 400,
                "IOTDA.000006");
        assertError(send("GET", path(PROJECT, SOLD_OUT, "/tasks/0000ffff-7a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f"),
                "e2e-token-a", null), 404, "IOTDA.060015");
    }

    @Test
    void aTaskWhoseFlavorSoldOutFailsWhenPaidAndIsRetriedThroughTheApiUntilItSucceeds() throws Exception {
        String orderId = json(send("POST", path(PROJECT, FAIL_RETRY, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s4\",\"size\":3}}")).get("order_id").asText();
        String taskId = json(send("GET", path(PROJECT, FAIL_RETRY, "/tasks?limit=1"), "e2e-token-a", null))
                .get("tasks").get(0).get("task_id").asText();
        admin("flavors", "set-status", "iotda.standard.s4", "sellout");
        try {
            assertTrue(admin("orders", "pay", orderId).contains("\"status\":\"FAILED\""));
            JsonNode failed = json(send("GET", path(PROJECT, FAIL_RETRY, "/tasks/" + taskId), "e2e-token-a", null));
            assertEquals("FAILED", failed.get("status").asText(), failed.toString());
            assertEquals("the flavor iotda.standard.s4 is sold out", failed.get("status_detail").asText());
            assertEquals("MODIFY_FAILED", shownInstance(FAIL_RETRY).get("status").asText());
            assertError(send("POST", path(PROJECT, FAIL_RETRY, "/resize"), "e2e-token-a",
                    "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":3}}"), 400, "IOTDA.060002");

            HttpResponse<String> again = send("POST", path(PROJECT, FAIL_RETRY, "/tasks/" + taskId + "/retry"),
                    "e2e-token-a", null);
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("FAILED", json(again).get("status").asText(), "still sold out");
        } finally {
            admin("flavors", "set-status", "iotda.standard.s4", "normal");
        }
        HttpResponse<String> retried = send("POST", path(PROJECT, FAIL_RETRY, "/tasks/" + taskId + "/retry"),
                "e2e-token-a", null);
        assertEquals("SUCCESS", json(retried).get("status").asText(), retried.body());
        assertEquals(100, json(retried).get("progress").asInt());
        JsonNode shown = shownInstance(FAIL_RETRY);
        assertEquals("ACTIVE", shown.get("status").asText());
        assertEquals("iotda.standard.s4", shown.get("flavor").get("type").asText());
        assertError(send("POST", path(PROJECT, FAIL_RETRY, "/tasks/" + taskId + "/retry"), "e2e-token-a", null),
                400, "IOTDA.060016");
    }

    @Test
    void chunkedBodyIsRead() throws Exception {
        byte[] body = "{\"period_type\":\"month\",\"period_num\":10}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path(PROJECT, FROZEN, "/change-charge-mode")))
                .header("X-Auth-Token", "e2e-token-a")
                // A stream of unknown length goes out chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals("Invalid input data: period_num must be 1..9 when period_type is month.",
                json(response).get("error_msg").asText(), "the body arrived whole");
    }

    @Test
    void servesConcurrentRequestsOnKeptAliveConnections() throws Exception {
        // One client: HTTP/1.1 keep-alive reuses its connections; 32 requests in flight at once.
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + path(PROJECT, FROZEN, "")))
                    .header("X-Auth-Token", "e2e-token-a").build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var response : inFlight) {
            assertEquals(200, response.get().statusCode());
            assertEquals("FROZEN", json(response.get()).get("status").asText());
        }
    }

    private static String admin(String... args) {
        return AdminRun.ok(api.dynamoEndpoint(), args);
    }

    @Test
    void orderLifecycleLocally() throws Exception {
        // An instance whose change window is open now, so a delayed resize is due at once.
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String window = now.minusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")) + "-"
                + now.plusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        String instance = "0000000a-0000-4000-8000-0000000000a1";
        admin("instances", "create", "--project", PROJECT, "--instance", instance, "--type", "standard",
                "--flavor", "iotda.standard.s2", "--size", "2", "--window", window, "--charge-mode", "prePaid");

        // prePaid without auto-pay: awaits payment, paid through the operator CLI.
        String unpaid = json(send("POST", path(PROJECT, instance, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":3}}")).get("order_id").asText();
        assertEquals("TRADING", shownInstance(instance).get("status").asText());
        assertTrue(admin("orders", "pay", unpaid).contains("\"status\":\"COMPLETED\""));
        assertEquals(3, shownInstance(instance).get("flavor").get("size").asInt());

        // Delayed with auto-pay: scheduled, run by one processor run.
        String delayed = json(send("POST", path(PROJECT, instance, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4},\"delay\":true,\"is_auto_pay\":true}"))
                .get("order_id").asText();
        assertEquals("SCHEDULED", json(send("GET", path(PROJECT, instance, "/orders/" + delayed), "e2e-token-a", null))
                .get("status").asText());
        assertTrue(admin("orders", "process-now").contains("\"executed\":1"));
        assertEquals("COMPLETED", json(send("GET", path(PROJECT, instance, "/orders/" + delayed), "e2e-token-a", null))
                .get("status").asText());
        assertEquals(4, shownInstance(instance).get("flavor").get("size").asInt());

        // Awaiting payment, then cancelled: the instance is released unchanged.
        String cancelled = json(send("POST", path(PROJECT, instance, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":9}}")).get("order_id").asText();
        assertTrue(admin("orders", "cancel", cancelled).contains("\"status\":\"CANCELLED\""));
        JsonNode shown = json(send("GET", path(PROJECT, instance, ""), "e2e-token-a", null));
        assertEquals("ACTIVE", shown.get("status").asText());
        assertEquals(4, shown.get("flavor").get("size").asInt());

        JsonNode orders = json(send("GET", path(PROJECT, instance, "/orders?limit=2"), "e2e-token-a", null));
        assertEquals(cancelled, orders.get("orders").get(0).get("order_id").asText());
        assertEquals(2, orders.get("orders").size());
        JsonNode rest = json(send("GET", path(PROJECT, instance, "/orders?marker=" + orders.get("marker").asText()),
                "e2e-token-a", null));
        assertEquals(unpaid, rest.get("orders").get(0).get("order_id").asText());
    }

    @Test
    void scheduledProcessorRunsOnTheTemplatesSchedule() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String window = now.minusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")) + "-"
                + now.plusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        String instance = "0000000a-0000-4000-8000-0000000000a2";
        admin("instances", "create", "--project", PROJECT, "--instance", instance, "--type", "standard",
                "--flavor", "iotda.standard.s3", "--size", "2", "--window", window);
        String orderId = json(send("POST", path(PROJECT, instance, "/resize"), "e2e-token-a",
                "{\"flavor\":{\"type\":\"iotda.standard.s3\",\"size\":7},\"delay\":true}")).get("order_id").asText();

        // The template's rate(5 minutes), with a minute of the schedule lasting 100 ms: a run every half second.
        var scheduler = LocalSchedule.start(Template.load(repoRoot().resolve("template.yaml")), api.services(),
                Duration.ofMillis(100));
        try {
            String status = "SCHEDULED";
            for (int i = 0; i < 50 && !status.equals("COMPLETED"); i++) {
                Thread.sleep(100);
                status = json(send("GET", path(PROJECT, instance, "/orders/" + orderId), "e2e-token-a", null))
                        .get("status").asText();
            }
            assertEquals("COMPLETED", status);
            assertEquals(7, shownInstance(instance).get("flavor").get("size").asInt());
        } finally {
            scheduler.shutdownNow();
        }
    }

    // --- the official SDK with AK/SK ---

    @Test
    void officialSdkResizesAndShowsTheInstance() {
        IoTDMClient client = sdk("E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        String orderId = client.resizeInstance(new ResizeInstanceRequest().withInstanceId(SDK_STANDARD)
                .withBody(new ResizeInstance().withFlavor(new Flavor().withType("iotda.standard.s1").withSize(6))
                        .withDelay(true))).getOrderId();
        assertTrue(orderId.matches("CS\\d{10}[A-Z0-9]{5}"), orderId);

        ShowInstanceResponse shown = client.showInstance(new ShowInstanceRequest().withInstanceId(SDK_STANDARD));
        assertEquals(orderId, shown.getOrderId(), "the scheduled order is the unfinished one");
        assertEquals(2, shown.getFlavor().getSize(), "a delayed resize keeps the flavor until its window");
        assertEquals("02:00", shown.getOperateWindow().getStartTime());
        assertTrue(shown.getUpdateTime().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), shown.getUpdateTime());
    }

    @Test
    void officialSdkChangesTheChargeModeAndSeesItAwaitPayment() {
        IoTDMClient client = sdk("E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        ServiceResponseException alreadyPrepaid = assertThrows(ServiceResponseException.class, () ->
                client.changeInstanceChargeMode(new ChangeInstanceChargeModeRequest().withInstanceId(SDK_PREPAID)
                        .withBody(new ChangeInstanceChargeMode().withPeriodType("year").withPeriodNum(1))));
        assertEquals("IOTDA.060006", alreadyPrepaid.getErrorCode());

        String orderId = client.changeInstanceChargeMode(new ChangeInstanceChargeModeRequest()
                .withInstanceId(SDK_CHARGE)
                .withBody(new ChangeInstanceChargeMode().withPeriodType("month").withPeriodNum(3)
                        .withIsAutoRenew(true)))
                .getOrderId();
        ShowInstanceResponse shown = client.showInstance(new ShowInstanceRequest().withInstanceId(SDK_CHARGE));
        assertEquals("TRADING", shown.getStatus());
        assertEquals(orderId, shown.getOrderId());
        assertEquals("postPaid", shown.getChargeMode());
    }

    @Test
    void officialSdkExceptionsCarryOurStatusCodeAndRequestId() {
        IoTDMClient client = sdk("E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        ServiceResponseException e = assertThrows(ServiceResponseException.class, () ->
                client.changeInstanceChargeMode(new ChangeInstanceChargeModeRequest().withInstanceId(FROZEN)
                        .withBody(new ChangeInstanceChargeMode().withPeriodType("year").withPeriodNum(4))));
        assertEquals(400, e.getHttpStatusCode());
        assertEquals("IOTDA.000006", e.getErrorCode());
        assertEquals("Invalid input data: period_num must be 1..3 when period_type is year.", e.getErrorMsg());
        assertNotNull(e.getRequestId());
        assertEquals(36, e.getRequestId().length());
    }

    @Test
    void officialSdkWithAWrongSecretKeyIsRefused() {
        ServiceResponseException e = assertThrows(ServiceResponseException.class, () ->
                sdk("E2EACCESSKEYA", "not-the-secret", PROJECT)
                        .showInstance(new ShowInstanceRequest().withInstanceId(SIGNING)));
        assertEquals(401, e.getHttpStatusCode());
        assertEquals("IOTDA.000002", e.getErrorCode());
    }

    @Test
    void officialSdkWithAnUnknownKeyIsRefused() {
        ServiceResponseException e = assertThrows(ServiceResponseException.class, () ->
                sdk("NOSUCHKEY", "whatever", PROJECT).showInstance(new ShowInstanceRequest().withInstanceId(SIGNING)));
        assertEquals(401, e.getHttpStatusCode());
    }

    @Test
    void officialSdkWithAnotherProjectsKeyIsForbidden() {
        ServiceResponseException e = assertThrows(ServiceResponseException.class, () ->
                sdk("E2EACCESSKEYB", "e2e-secret-key-b", PROJECT)
                        .showInstance(new ShowInstanceRequest().withInstanceId(SIGNING)));
        assertEquals(403, e.getHttpStatusCode());
        assertEquals("IOTDA.000004", e.getErrorCode());
    }

    // --- signatures made by the SDK's own signer, then tampered with ---

    /** Signs a request with the official signer and returns the headers to send. */
    private static Map<String, String> sdkSignature(String method, String path, String body, Instant signedAt,
                                                    String ak, String sk, String project) {
        return SdkSignatures.sign(method, base, path, Map.of(), body, signedAt, ak, sk, project);
    }

    private static Instant now(int minutesOffset) {
        return Instant.now().plus(Duration.ofMinutes(minutesOffset));
    }

    private static HttpResponse<String> sendSigned(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String SIGNING_RESIZE = path(PROJECT, SIGNING, "/resize");
    private static final String SAME_FLAVOR = "{\"flavor\":{\"type\":\"iotda.enterprise.1000tps.10wonlinedevice\"}}";

    @Test
    void untamperedSdkSignatureIsAccepted() throws Exception {
        Map<String, String> headers = sdkSignature("POST", SIGNING_RESIZE, SAME_FLAVOR, now(0),
                "E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        // Authenticated and validated: refused only by the business rule "same flavor".
        assertError(sendSigned("POST", SIGNING_RESIZE, headers, SAME_FLAVOR), 400, "IOTDA.060003");
    }

    @Test
    void tamperedBodyIsRefused() throws Exception {
        Map<String, String> headers = sdkSignature("POST", SIGNING_RESIZE, SAME_FLAVOR, now(0),
                "E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        HttpResponse<String> response = sendSigned("POST", SIGNING_RESIZE, headers,
                "{\"flavor\":{\"type\":\"iotda.enterprise.2000tps.10wonlinedevice\"}}");
        assertError(response, 401, "IOTDA.000002");
        assertTrue(json(response).get("error_msg").asText().contains("signature does not match"));
    }

    @Test
    void staleDateIsRefusedAndFourteenMinutesIsNot() throws Exception {
        Map<String, String> stale = sdkSignature("POST", SIGNING_RESIZE, SAME_FLAVOR, now(-16),
                "E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        HttpResponse<String> response = sendSigned("POST", SIGNING_RESIZE, stale, SAME_FLAVOR);
        assertError(response, 401, "IOTDA.000002");
        assertTrue(json(response).get("error_msg").asText().contains("15 minutes"));

        Map<String, String> recent = sdkSignature("POST", SIGNING_RESIZE, SAME_FLAVOR, now(-14),
                "E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        assertError(sendSigned("POST", SIGNING_RESIZE, recent, SAME_FLAVOR), 400, "IOTDA.060003");
    }

    @Test
    void projectHeaderOfAnotherProjectIsForbidden() throws Exception {
        Map<String, String> headers = sdkSignature("POST", SIGNING_RESIZE, SAME_FLAVOR, now(0),
                "E2EACCESSKEYA", "e2e-secret-key-a", OTHER_PROJECT);
        assertError(sendSigned("POST", SIGNING_RESIZE, headers, SAME_FLAVOR), 403, "IOTDA.000004");
    }

    @Test
    void missingSignedHeaderIsRefused() throws Exception {
        Map<String, String> headers = sdkSignature("POST", SIGNING_RESIZE, SAME_FLAVOR, now(0),
                "E2EACCESSKEYA", "e2e-secret-key-a", PROJECT);
        String authorization = headers.get("Authorization").replace("SignedHeaders=", "SignedHeaders=x-absent;");
        headers.put("Authorization", authorization);
        HttpResponse<String> response = sendSigned("POST", SIGNING_RESIZE, headers, SAME_FLAVOR);
        assertError(response, 401, "IOTDA.000002");
        assertTrue(json(response).get("error_msg").asText().contains("x-absent is missing"));
    }
}
