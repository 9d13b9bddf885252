package cloud.iotda.tests;

import static cloud.iotda.testing.TestWorld.CHARGE_MODE;
import static cloud.iotda.testing.TestWorld.DELAYED;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.REGION;
import static cloud.iotda.testing.TestWorld.S1_X2;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.START;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.template.Template;
import cloud.iotda.testing.FixtureAnswers;
import cloud.iotda.testing.IamRecorder;
import cloud.iotda.testing.IamRecorder.Use;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every DynamoDB request each function makes is one its role may make on AWS. DynamoDB Local checks no IAM, so this
 * test stands in for it: each function runs its fixtures and the flows that drive it (the processor executing a due
 * order and ending its task, cancelling an unpaid one, renewing, freezing with a held order, deleting; a retry; every
 * write path) on a client that records each request as the IAM authorizations AWS makes of it ({@link IamRecorder}:
 * a transaction's items each as its own action), and the result is compared with the function's statements in the
 * template as aws-sam-translator transforms it. A request not granted fails the test; a grant never used is reported,
 * and docs/deployment.md's table of both is checked against what ran.
 */
class IamGrantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Template TEMPLATE = Template.load(RepoFiles.template());
    private static final String PROCESSOR = "OrderProcessorFunction";
    private static final Pattern ARN_OF = Pattern.compile("\\$\\{(\\w+)\\.Arn}");
    private static final String TABLE_START = "<!-- iam-functions:start -->";
    private static final String TABLE_END = "<!-- iam-functions:end -->";

    private static final IamRecorder RECORDER = new IamRecorder();
    private static Map<String, Set<Use>> granted;
    private static Map<String, Set<Use>> used;

    @BeforeAll
    static void runEveryFunction(@TempDir Path dir) throws Exception {
        granted = grants(SamTransform.resources(RepoFiles.template(), dir));
        for (String file : EventFixturesTest.eventFiles()) {
            if (FixtureAnswers.SCHEDULED.containsKey(file)) {
                continue;
            }
            String json = Files.readString(RepoFiles.events().resolve(file));
            JsonNode event = JSON.readTree(json);
            Template.Function function = Handlers.functionFor(event.path("httpMethod").asText(),
                    event.path("resource").asText());
            JsonNode answer = invoke(newWorld(), function.logicalId(), json);
            assertEquals(FixtureAnswers.EXPECTED.get(file).status(), answer.path("statusCode").asInt(),
                    file + ": " + answer);
        }
        apiFlows();
        processorFlows();
        used = RECORDER.uses();
    }

    /** Paths the fixtures do not take: a window change that moves a scheduled order, paging, filters. */
    private static void apiFlows() throws Exception {
        TestWorld world = newWorld();
        assertEquals(200, world.resize(DELAYED, "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 4},"
                + " \"delay\": true}").status());
        expect(200, invoke(world, "UpdateInstanceFunction", event("PUT", "/{instance_id}", DELAYED, Map.of(),
                "{\"operate_window\": {\"start_time\": \"05:00\", \"end_time\": \"07:00\"}}")));
        JsonNode page = body(expect(200, invoke(world, "ListInstancesFunction",
                event("GET", "", null, Map.of("limit", "2"), null))));
        expect(200, invoke(world, "ListInstancesFunction", event("GET", "", null,
                Map.of("limit", "2", "marker", page.path("marker").asText(), "instance_type", "standard"), null)));
        expect(200, invoke(world, "ListInstancesFunction", event("GET", "", null, Map.of("name", "instance-0"),
                null)));
        expect(200, invoke(world, "ListOrdersFunction", event("GET", "/{instance_id}/orders", DELAYED,
                Map.of("limit", "1"), null)));
        // A wrong password counts a failure on the user (PutItem); a scope by project id reads the project.
        expect(401, invoke(world, "KeystoneCreateUserTokenByPasswordFunction", passwordEvent("wrong",
                "{\"project\": {\"id\": \"" + PROJECT + "\"}}")));
        expect(201, invoke(world, "KeystoneCreateUserTokenByPasswordFunction", passwordEvent(TestWorld.PASSWORD,
                "{\"project\": {\"id\": \"" + PROJECT + "\"}}")));
        expect(201, invoke(world, "KeystoneCreateUserTokenByPasswordFunction", passwordEvent(TestWorld.PASSWORD,
                "{\"domain\": {\"name\": \"" + TestWorld.ACCOUNT + "\"}}")));
    }

    /** KeystoneCreateUserTokenByPassword's event for the world's user with {@code password}, for {@code scope}. */
    private static String passwordEvent(String password, String scope) throws Exception {
        ObjectNode event = JSON.createObjectNode().put("resource", "/v3/auth/tokens").put("path", "/v3/auth/tokens")
                .put("httpMethod", "POST");
        event.putObject("headers").put("Content-Type", "application/json;charset=utf8");
        event.putObject("requestContext").put("requestId", UUID.randomUUID().toString());
        event.put("body", "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
                + "{\"name\": \"" + TestWorld.USER + "\", \"password\": \"" + password + "\", \"domain\": "
                + "{\"name\": \"" + TestWorld.ACCOUNT + "\"}}}}, \"scope\": " + scope + "}}");
        return JSON.writeValueAsString(event);
    }

    /** Each step of the processor on the instances and orders that make it due. */
    private static void processorFlows() throws Exception {
        TestWorld world = newWorld();
        Instant created = START.minus(Duration.ofDays(30));
        String renewing = "2a2b3c4d-0000-4000-8000-0000000000a1";
        String freezing = "2a2b3c4d-0000-4000-8000-0000000000a2";
        String deleting = "2a2b3c4d-0000-4000-8000-0000000000a3";
        world.instances.create(Instance.create(TestWorld.ref(renewing), Edition.STANDARD, S1_X2).regionId(REGION)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, true, START.minus(Duration.ofDays(1))))
                .at(created));
        world.instances.create(Instance.create(TestWorld.ref(freezing), Edition.STANDARD, S1_X2).regionId(REGION)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false, START.plus(Duration.ofDays(1))))
                .at(created));
        world.instances.create(Instance.create(TestWorld.ref(deleting), Edition.STANDARD, S1_X2).regionId(REGION)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false, START.minus(Duration.ofDays(40))))
                .at(created));
        // Held by a failed order when it freezes: the freeze cancels that order and ends its task in one write.
        String unpaid = world.resize(freezing, "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 2}}")
                .orderId();
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        world.service.lifecycle().pay(new OrderId(unpaid));
        world.sales.setSaleStatus("iotda.standard.s2", SaleStatus.NORMAL);
        // Due in STANDARD's window the next night; one awaiting payment that lapses; one deferred past its window.
        assertEquals(200, world.resize(STANDARD, "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 4},"
                + " \"delay\": true}").status());
        assertEquals(200, world.changeChargeMode(CHARGE_MODE, "{\"period_type\": \"month\", \"period_num\": 1}")
                .status());
        assertEquals(200, world.resize(DELAYED, "{\"flavor\": {\"type\": \"iotda.standard.s2\", \"size\": 4},"
                + " \"delay\": true}").status());

        world.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
        JsonNode first = processorRun(world);
        assertTrue(first.path("executed").asInt() >= 1 && first.path("renewed").asInt() >= 1
                && first.path("deleted").asInt() == 1, first.toString());
        world.clock.set(START.plus(Duration.ofDays(17)));
        JsonNode second = processorRun(world);
        assertTrue(second.path("expired").asInt() >= 1 && second.path("frozen").asInt() == 1, second.toString());
    }

    private static JsonNode processorRun(TestWorld world) throws Exception {
        String event = Files.readString(RepoFiles.events().resolve("order-processor.json"));
        return RECORDER.recordAs(PROCESSOR, () -> JSON.readTree(Handlers.invoke(
                TEMPLATE.functions().get(PROCESSOR), world.service, event)));
    }

    private static TestWorld newWorld() {
        DynamoDbClient client = LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of(RECORDER));
        return new TestWorld(client);
    }

    private static JsonNode invoke(TestWorld world, String function, String event) throws Exception {
        return RECORDER.recordAs(function, () -> JSON.readTree(Handlers.invoke(TEMPLATE.functions().get(function),
                world.service, event)));
    }

    private static JsonNode expect(int status, JsonNode answer) {
        assertEquals(status, answer.path("statusCode").asInt(), answer.toString());
        return answer;
    }

    private static JsonNode body(JsonNode answer) throws Exception {
        return JSON.readTree(answer.path("body").asText());
    }

    /** An API Gateway proxy event for a route below {@code .../iotda-instances}, with the fixtures' token. */
    private static String event(String method, String below, String instanceId, Map<String, String> query,
                                String body) throws Exception {
        String resource = "/v5/iot/{project_id}/iotda-instances" + below;
        String path = resource.replace("{project_id}", PROJECT);
        ObjectNode parameters = JSON.createObjectNode().put("project_id", PROJECT);
        if (instanceId != null) {
            parameters.put("instance_id", instanceId);
            path = path.replace("{instance_id}", instanceId);
        }
        ObjectNode event = JSON.createObjectNode().put("resource", resource).put("path", path)
                .put("httpMethod", method);
        event.putObject("headers").put("X-Auth-Token", TOKEN).put("Content-Type", "application/json");
        event.set("pathParameters", parameters);
        event.set("queryStringParameters", query.isEmpty() ? null : JSON.valueToTree(query));
        event.putObject("requestContext").put("requestId", UUID.randomUUID().toString());
        event.put("body", body);
        return JSON.writeValueAsString(event);
    }

    /** Each function's grants on DynamoDB, read from its role in the transformed template. */
    private static Map<String, Set<Use>> grants(JsonNode resources) {
        Map<String, Set<Use>> grants = new TreeMap<>();
        for (String function : TEMPLATE.functions().keySet()) {
            String role = resources.path(function).path("Properties").path("Role").path("Fn::GetAtt").path(0)
                    .asText();
            Set<Use> allowed = new TreeSet<>();
            for (JsonNode policy : resources.path(role).path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                    assertEquals("Allow", statement.path("Effect").asText(), function + ": " + statement);
                    for (JsonNode action : list(statement.path("Action"))) {
                        for (JsonNode resource : list(statement.path("Resource"))) {
                            allowed.add(new Use(action.asText(), resourceName(resource)));
                        }
                    }
                }
            }
            grants.put(function, allowed);
        }
        return grants;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }

    /** {@code OrdersTable} for the table's Arn, {@code OrdersTable/index/X} for one of its indexes. */
    private static String resourceName(JsonNode resource) {
        if (resource.has("Fn::GetAtt")) {
            assertEquals("Arn", resource.get("Fn::GetAtt").path(1).asText(), resource.toString());
            return resource.get("Fn::GetAtt").path(0).asText();
        }
        if (resource.has("Fn::Sub")) {
            Matcher arn = ARN_OF.matcher(resource.get("Fn::Sub").asText());
            return arn.replaceAll("$1");
        }
        return resource.asText();
    }

    @Test
    void everyRequestOfEveryFunctionIsGranted() {
        List<String> denied = new ArrayList<>();
        for (String function : TEMPLATE.functions().keySet()) {
            Set<Use> made = used.getOrDefault(function, Set.of());
            for (Use use : made) {
                if (!granted.get(function).contains(use)) {
                    denied.add(function + " makes " + use + ", which its role does not grant");
                }
            }
        }
        if (!denied.isEmpty()) {
            fail(String.join("\n", denied));
        }
    }

    @Test
    void everyFunctionRan() {
        assertEquals(TEMPLATE.functions().keySet(), used.keySet(), "a flow for every function");
        used.forEach((function, made) -> assertTrue(!made.isEmpty(), function + " made no DynamoDB request"));
    }

    @Test
    void theDeploymentPageShowsWhatEachFunctionMakesAndMayMake() throws Exception {
        Path page = RepoFiles.root().resolve("docs/deployment.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        assertTrue(start >= 0 && end > start, "docs/deployment.md holds the table between " + TABLE_START
                + " and " + TABLE_END);
        String expected = table();
        System.out.println(expected);
        if (Boolean.getBoolean("docs.write")) {
            // -Ddocs.write=true: the page is rewritten with what this run found, for a person to review.
            Files.writeString(page, text.substring(0, start + TABLE_START.length()) + "\n" + expected + "\n"
                    + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, text.substring(start + TABLE_START.length(), end).strip(),
                "docs/deployment.md's IAM table, as this run found it:\n" + expected);
    }

    /** One row per function: the requests it makes, and the grants it never used in these flows. */
    static String table() {
        StringBuilder table = new StringBuilder("| function | DynamoDB actions it makes | granted, not made here |\n"
                + "|---|---|---|\n");
        for (String function : TEMPLATE.functions().keySet()) {
            Set<Use> made = used.getOrDefault(function, Set.of());
            Set<Use> unused = new TreeSet<>(granted.get(function));
            unused.removeAll(made);
            table.append("| ").append(function).append(" | ").append(describe(made)).append(" | ")
                    .append(unused.isEmpty() ? "none" : describe(unused)).append(" |\n");
        }
        return table.toString().strip();
    }

    /** {@code GetItem, PutItem on the table; Query on index ByProject}. */
    static String describe(Set<Use> uses) {
        Map<String, List<String>> byResource = new TreeMap<>();
        for (Use use : uses) {
            byResource.computeIfAbsent(use.resource(), resource -> new ArrayList<>())
                    .add("`" + use.action().replace("dynamodb:", "") + "`");
        }
        return byResource.entrySet().stream()
                .map(entry -> String.join(", ", entry.getValue()) + " on "
                        + (entry.getKey().equals(IamRecorder.TABLE) ? "the table"
                        : "index " + entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1)))
                .collect(Collectors.joining("; "));
    }
}
