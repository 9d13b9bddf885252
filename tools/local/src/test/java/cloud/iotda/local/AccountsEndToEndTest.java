package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.account.User;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.auth.ICredential;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accounts and IAM as the official SDKs and Huawei's sample code use them, against the local API on the demo seed:
 * the SDK finds the project and the domain through IAM by itself, a token comes from a password, an account's key
 * works in its projects of this region and nowhere else, and repeated wrong passwords lock the user.
 */
class AccountsEndToEndTest {
    private static final Path ROOT = LocalApiEndToEndTest.repoRoot();
    private static final String AK = "DEMOACCOUNTKEY5C1E8A2F";
    private static final String SK = "demo-account-secret-do-not-use-in-production";
    private static final String NORTH = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String SOUTH = "7a6b5c4d3e2f10987a6b5c4d3e2f1098";
    private static final String OTHER_ACCOUNTS = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final String DOMAIN = "5c1e8a2f9b7d4c3e8f6a1b2d3c4e5f60";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static LocalApi api;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(new LocalApi.Options(0, 0, null, null, ROOT.resolve("template.yaml")));
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /**
     * The sample in a JVM of its own whose only settings are the SDK's documented ones: the IAM endpoint and the
     * region's IoTDA endpoint; the SDK asks IAM for the project of cn-north-4 with the AK/SK it signs with.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "--derived"})
    void huaweisSampleCodeRunsWithOnlyTheSdksEndpointSettings(String scheme) throws Exception {
        ProcessBuilder process = new ProcessBuilder(scheme.isEmpty()
                ? List.of("bin/example", "ApiExplorerSample") : List.of("bin/example", "ApiExplorerSample", scheme))
                .directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("HUAWEICLOUD_") || name.startsWith("CLOUD_SDK_"));
        environment.put("CLOUD_SDK_AK", AK);
        environment.put("CLOUD_SDK_SK", SK);
        environment.put("HUAWEICLOUD_SDK_IAM_ENDPOINT", base);
        environment.put("HUAWEICLOUD_SDK_REGION_IOTDM_CN_NORTH_4", base);
        Process run = process.start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(180, TimeUnit.SECONDS), "the sample finishes");
        assertEquals(0, run.exitValue(), out);
        List<String> lines = out.lines().filter(line -> !line.startsWith("building")).toList();
        assertEquals("show: demo-standard", lines.get(0), out);
        assertTrue(lines.get(1).matches("list: \\d+"), out);
        assertTrue(lines.get(2).matches("resize: CS\\d{10}[A-Z0-9]{5}"), out);
        assertTrue(lines.get(3).matches("change-charge-mode: CS\\d{10}[A-Z0-9]{5}"), out);
    }

    /** The client the SDK's own clients hold: its credentials sign what it sends, IAM's look-ups included. */
    private static HcClient sdkClient(ICredential credentials) {
        return new HcClient(HttpConfig.getDefaultHttpConfig().withTimeout(10)).withCredential(credentials);
    }

    @Test
    void globalCredentialsFindTheirDomainThroughIamSignedByTheSdksOwnSigner() {
        GlobalCredentials credentials = new GlobalCredentials().withAk(AK).withSk(SK);
        credentials.withIamEndpoint(base);
        credentials.processAuthParams(sdkClient(credentials), "cn-north-4").join();
        assertEquals(DOMAIN, credentials.getDomainId());
        GlobalCredentials other = new GlobalCredentials().withAk("OTHERACCOUNTKEY8D7C6B5A")
                .withSk("other-account-secret-do-not-use-in-production");
        other.withIamEndpoint(base);
        other.processAuthParams(sdkClient(other), "cn-north-4").join();
        assertEquals("8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a", other.getDomainId(), "each key finds its own account");
    }

    @Test
    void basicCredentialsFindTheProjectOfTheirRegionAndNoOtherAccountsProject() {
        BasicCredentials credentials = new BasicCredentials().withAk(AK).withSk(SK);
        credentials.withIamEndpoint(base);
        credentials.processAuthParams(sdkClient(credentials), "cn-north-4").join();
        assertEquals(NORTH, credentials.getProjectId());
        BasicCredentials south = new BasicCredentials().withAk(AK).withSk(SK);
        south.withIamEndpoint(base);
        south.processAuthParams(sdkClient(south), "cn-south-1").join();
        assertEquals(SOUTH, south.getProjectId());
        BasicCredentials nowhere = new BasicCredentials().withAk(AK).withSk(SK);
        nowhere.withIamEndpoint(base);
        Exception none = assertThrows(Exception.class,
                () -> nowhere.processAuthParams(sdkClient(nowhere), "ap-southeast-1").join());
        assertTrue(String.valueOf(none.getMessage()).contains("Failed to get project id"), none.getMessage());
    }

    private static IoTDMClient client(String project) {
        return IoTDMClient.newBuilder().withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10))
                .withCredential(new BasicCredentials().withAk(AK).withSk(SK).withProjectId(project))
                .withRegion(new Region("cn-north-4", base)).build();
    }

    @Test
    void oneAccessKeyWorksInItsAccountsProjectOfThisRegionOnly() throws Exception {
        assertNotNull(client(NORTH).listInstances(new ListInstancesRequest()).getCount());
        ServiceResponseException south = assertThrows(ServiceResponseException.class,
                () -> client(SOUTH).listInstances(new ListInstancesRequest()));
        assertEquals(403, south.getHttpStatusCode());
        assertTrue(south.getErrorMsg().contains("is in region cn-south-1; this endpoint serves cn-north-4"),
                south.getErrorMsg());
        ServiceResponseException other = assertThrows(ServiceResponseException.class,
                () -> client(OTHER_ACCOUNTS).listInstances(new ListInstancesRequest()));
        assertEquals(403, other.getHttpStatusCode());
        assertEquals("IOTDA.000004", other.getErrorCode());
        // The same key where the API answers as cn-south-1: there the south project is served, the north one not.
        try (LocalApi southApi = LocalApi.start(new LocalApi.Options(0, "127.0.0.1", 0, null, null,
                ROOT.resolve("template.yaml"), "cn-south-1"))) {
            IoTDMClient atSouth = IoTDMClient.newBuilder()
                    .withCredential(new BasicCredentials().withAk(AK).withSk(SK).withProjectId(SOUTH))
                    .withRegion(new Region("cn-south-1", "http://127.0.0.1:" + southApi.port())).build();
            assertEquals(0, atSouth.listInstances(new ListInstancesRequest()).getCount());
        }
    }

    private static HttpResponse<String> tokenRequest(String user, String password, String scope) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + user + "\",\"password\":\"" + password + "\",\"domain\":{\"name\":\"demo\"}}}},\"scope\":"
                + scope + "}}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v3/auth/tokens"))
                .header("Content-Type", "application/json;charset=utf8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Auth-Token", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPasswordTokenIsScopedToTheProjectItNamesOrToTheAccount() throws Exception {
        HttpResponse<String> issued = tokenRequest("demo-user", "demo-password-do-not-use",
                "{\"project\":{\"name\":\"cn-north-4\"}}");
        assertEquals(201, issued.statusCode(), issued.body());
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();
        JsonNode body = JSON.readTree(issued.body()).get("token");
        assertEquals(NORTH, body.path("project").path("id").asText());
        assertEquals("demo", body.path("user").path("domain").path("name").asText());
        assertTrue(body.has("catalog"), "the catalog unless ?nocatalog");
        assertEquals(200, get("/v5/iot/" + NORTH + "/iotda-instances?limit=1", token).statusCode());
        assertEquals(403, get("/v5/iot/" + SOUTH + "/iotda-instances?limit=1", token).statusCode(),
                "a project-scoped token grants its project only");
        JsonNode projects = JSON.readTree(get("/v3/auth/projects", token).body()).get("projects");
        assertEquals(2, projects.size(), "the account's projects: " + projects);

        HttpResponse<String> global = tokenRequest("demo-user", "demo-password-do-not-use",
                "{\"domain\":{\"name\":\"demo\"}}");
        assertEquals(201, global.statusCode(), global.body());
        String domainToken = global.headers().firstValue("X-Subject-Token").orElseThrow();
        assertEquals(DOMAIN, JSON.readTree(get("/v3/auth/domains", domainToken).body()).path("domains").path(0)
                .path("id").asText());
        HttpResponse<String> onProject = get("/v5/iot/" + NORTH + "/iotda-instances", domainToken);
        assertEquals(403, onProject.statusCode(), "a domain-scoped token serves global services only");
    }

    /** The login policy: five wrong passwords in a row lock the user, the right one included, for fifteen minutes. */
    @Test
    void repeatedWrongPasswordsLockTheUser() throws Exception {
        Admin.run(new String[] {"--endpoint", api.dynamoEndpoint(), "users", "create", "--account", "demo",
            "--name", "lock-me"}, new PrintStream(new ByteArrayOutputStream()), System.err);
        String scope = "{\"project\":{\"id\":\"" + NORTH + "\"}}";
        for (int attempt = 0; attempt < User.MAX_FAILURES; attempt++) {
            HttpResponse<String> wrong = tokenRequest("lock-me", "wrong-password", scope);
            assertEquals(401, wrong.statusCode());
            assertEquals("IAM.0001", JSON.readTree(wrong.body()).path("error_code").asText());
        }
        HttpResponse<String> locked = tokenRequest("lock-me", "wrong-password", scope);
        assertTrue(locked.body().contains("locked"), locked.body());
    }
}
