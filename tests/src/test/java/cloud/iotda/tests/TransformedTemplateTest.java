package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * template.yaml as CloudFormation deploys it: transformed by aws-sam-translator (the SAM transform's own code), not
 * read as written. What the tests and the local API take from the template must survive the transform unchanged.
 */
class TransformedTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Template TEMPLATE = Template.load(RepoFiles.template());
    private static JsonNode resources;
    private static JsonNode apiBody;

    @BeforeAll
    static void transform(@TempDir Path dir) throws Exception {
        resources = transformed(RepoFiles.template(), dir);
        apiBody = only("AWS::ApiGateway::RestApi").path("Properties").path("Body");
    }

    /** The Resources of {@code template} after the SAM transform. */
    private static JsonNode transformed(Path template, Path dir) throws Exception {
        return SamTransform.resources(template, dir);
    }

    private static List<JsonNode> all(String type) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(resource -> {
            if (type.equals(resource.path("Type").asText())) {
                found.add(resource);
            }
        });
        return found;
    }

    private static JsonNode only(String type) {
        JsonNode found = null;
        for (JsonNode resource : resources) {
            if (type.equals(resource.path("Type").asText())) {
                assertEquals(null, found, "one " + type);
                found = resource;
            }
        }
        assertNotNull(found, type);
        return found;
    }

    @Test
    void everyRouteIntegratesItsFunctionThroughThePublishedAlias() {
        for (Template.Function function : TEMPLATE.functions().values()) {
            for (Template.ApiEvent event : function.events()) {
                JsonNode integration = apiBody.path("paths").path(event.path())
                        .path(event.method().toLowerCase()).path("x-amazon-apigateway-integration");
                assertEquals("aws_proxy", integration.path("type").asText(), event.toString());
                String uri = integration.path("uri").path("Fn::Sub").asText();
                // The alias, so every call reaches a published version (SnapStart applies only to those).
                assertTrue(uri.contains("${" + function.logicalId() + "Aliaslive}"), event + ": " + uri);
            }
        }
    }

    @Test
    void functionsKeepTheirHandlerAndRuntime() {
        for (Template.Function function : TEMPLATE.functions().values()) {
            JsonNode deployed = resources.path(function.logicalId()).path("Properties");
            assertEquals(function.handler(), deployed.path("Handler").asText(), function.logicalId());
            assertEquals("java21", deployed.path("Runtime").asText(), function.logicalId());
        }
    }

    @Test
    void gatewayResponsesDeployAsTheLocalApiReadsThem() {
        JsonNode deployed = apiBody.path("x-amazon-apigateway-gateway-responses");
        Map<String, Template.GatewayResponse> read = TEMPLATE.gatewayResponses();
        assertEquals(read.size(), deployed.size(), deployed.toString());
        Map<String, Template.GatewayResponse> transformed = new LinkedHashMap<>();
        deployed.fields().forEachRemaining(entry -> {
            JsonNode response = entry.getValue();
            Map<String, String> headers = new HashMap<>();
            response.path("responseParameters").fields().forEachRemaining(header -> headers.put(
                    header.getKey().replace("gatewayresponse.header.", ""), header.getValue().asText()));
            JsonNode status = response.get("statusCode");
            transformed.put(entry.getKey(), new Template.GatewayResponse(status == null ? null : status.asInt(),
                    headers, response.path("responseTemplates").path("application/json").asText(null)));
        });
        assertEquals(read, transformed);
        assertEquals(404, transformed.get("MISSING_AUTHENTICATION_TOKEN").status(), "an unknown API is a 404");
        for (Template.GatewayResponse response : transformed.values()) {
            assertEquals("context.requestId", response.headers().get("X-Request-Id"));
        }
    }

    @Test
    void theDeclaredDynamoDbEndpointIsTheOneTheSdkResolvesOnAws() {
        // Declared only so that `sam local invoke --env-vars` can override it; on AWS it must change nothing.
        for (Template.Function function : TEMPLATE.functions().values()) {
            String declared = resources.path(function.logicalId()).path("Properties").path("Environment")
                    .path("Variables").path("AWS_ENDPOINT_URL_DYNAMODB").path("Fn::Sub").asText();
            String[][] partitions = {{"eu-west-1", "amazonaws.com"}, {"us-east-1", "amazonaws.com"},
                {"cn-north-1", "amazonaws.com.cn"}};
            for (String[] partition : partitions) {
                String resolvedOnAws = declared.replace("${AWS::Region}", partition[0])
                        .replace("${AWS::URLSuffix}", partition[1]);
                String sdkDefault = DynamoDbEndpointProvider.defaultProvider()
                        .resolveEndpoint(DynamoDbEndpointParams.builder().region(Region.of(partition[0])).build())
                        .join().url().toString();
                assertEquals(sdkDefault, resolvedOnAws, function.logicalId() + " in " + partition[0]);
            }
        }
    }

    @Test
    void theScheduleRunsTheProcessorsAlias() {
        JsonNode rule = only("AWS::Events::Rule").path("Properties");
        assertEquals("ENABLED", rule.path("State").asText("ENABLED"));
        String target = rule.path("Targets").get(0).path("Arn").path("Ref").asText();
        assertTrue(target.startsWith("OrderProcessorFunctionAlias"), rule.toString());
    }

    @Test
    void theApiHasExactlyTheOneNamedStage() {
        assertEquals(1, all("AWS::ApiGateway::Stage").size());
        // A Deployment with a StageName would create a second stage (SAM's "Stage") beside the named one.
        assertTrue(only("AWS::ApiGateway::Deployment").path("Properties").path("StageName").isMissingNode());
        assertEquals("StageName", only("AWS::ApiGateway::Stage").path("Properties").path("StageName").path("Ref")
                .asText());
    }

    @Test
    void theStageIsThrottledAndWritesAccessLogsWithTheRequestId() {
        JsonNode stage = only("AWS::ApiGateway::Stage").path("Properties");
        JsonNode settings = stage.path("MethodSettings").get(0);
        assertEquals("/*", settings.path("ResourcePath").asText());
        assertEquals("*", settings.path("HttpMethod").asText());
        assertEquals("ThrottlingRateLimit", settings.path("ThrottlingRateLimit").path("Ref").asText());
        assertEquals("ThrottlingBurstLimit", settings.path("ThrottlingBurstLimit").path("Ref").asText());
        JsonNode access = stage.path("AccessLogSetting");
        assertTrue(access.path("Format").asText().contains("\"request_id\":\"$context.requestId\""));
        String group = access.path("DestinationArn").path("Fn::GetAtt").get(0).asText();
        assertTrue(resources.path(group).path("Properties").has("RetentionInDays"), group);
        // Access logs need the account's CloudWatch role, set before the stage is made.
        assertEquals("ApiGatewayAccount", only("AWS::ApiGateway::RestApi").path("DependsOn").asText());
    }

    @Test
    void everyFunctionLogsJsonToAGroupWithARetentionAndTheProcessorToItsOwn() {
        Set<String> groups = new HashSet<>();
        for (Template.Function function : TEMPLATE.functions().values()) {
            JsonNode logging = resources.path(function.logicalId()).path("Properties").path("LoggingConfig");
            assertEquals("JSON", logging.path("LogFormat").asText(), function.logicalId());
            String group = logging.path("LogGroup").path("Ref").asText();
            assertEquals("AWS::Logs::LogGroup", resources.path(group).path("Type").asText(), function.logicalId());
            assertEquals("LogRetentionInDays", resources.path(group).path("Properties").path("RetentionInDays")
                    .path("Ref").asText());
            groups.add(group);
        }
        // The API functions share one group (each stream is named after its function); the processor has its own,
        // which the failed-orders metric filter reads.
        assertEquals(Set.of("FunctionLogs", "OrderProcessorFunctionLogs"), groups);
        assertEquals("OrderProcessorFunctionLogs", resources.path("OrderProcessorFunction").path("Properties")
                .path("LoggingConfig").path("LogGroup").path("Ref").asText());
    }

    @Test
    void alarmsWatch5xxThrottlesAndTheProcessor() {
        Set<String> watched = new HashSet<>();
        for (JsonNode alarm : all("AWS::CloudWatch::Alarm")) {
            JsonNode properties = alarm.path("Properties");
            if ("AWS/Lambda".equals(properties.path("Namespace").asText())
                    && "Throttles".equals(properties.path("MetricName").asText())) {
                // No function reserves concurrency: one throttles only when the account's is spent, which the
                // account-wide metric (no dimension) shows.
                assertTrue(properties.path("Dimensions").isMissingNode(), "account-wide");
                watched.add("function throttles");
            }
            if ("5XXError".equals(properties.path("MetricName").asText())) {
                watched.add("API 5xx");
            }
            for (JsonNode metric : properties.path("Metrics")) {
                if ("WriteThrottleEvents".equals(metric.path("MetricStat").path("Metric").path("MetricName")
                        .asText())) {
                    watched.add("table throttles");
                }
            }
            if ("ProcessorFailedOrders".equals(properties.path("MetricName").asText())) {
                watched.add("failed orders");
            }
        }
        assertEquals(Set.of("API 5xx", "function throttles", "table throttles", "failed orders"), watched);
        TEMPLATE.functions().keySet().forEach(function -> assertFalse(resources.path(function).path("Properties")
                .has("ReservedConcurrentExecutions"), function + " reserves no concurrency"));
        JsonNode filter = only("AWS::Logs::MetricFilter").path("Properties");
        assertEquals("OrderProcessorFunctionLogs", filter.path("LogGroupName").path("Ref").asText());
        // The filter's text is the processor's own log line for an order it could not process.
        assertTrue(filter.path("FilterPattern").asText().contains("could not be processed"));
    }

    @Test
    void theTableIsProtectedFromDeletion() {
        JsonNode table = only("AWS::DynamoDB::Table");
        assertTrue(table.path("Properties").path("DeletionProtectionEnabled").asBoolean());
        assertEquals("Retain", table.path("DeletionPolicy").asText());
        assertEquals("Retain", table.path("UpdateReplacePolicy").asText());
    }

    @Test
    void theScheduleRetriesBriefly() {
        JsonNode retry = only("AWS::Events::Rule").path("Properties").path("Targets").get(0).path("RetryPolicy");
        assertEquals(2, retry.path("MaximumRetryAttempts").asInt());
        assertTrue(retry.path("MaximumEventAgeInSeconds").asInt() < 300, "shorter than the 5-minute cadence");
    }

    @Test
    void noInlinePolicyHasAWildcard() {
        for (JsonNode role : all("AWS::IAM::Role")) {
            for (JsonNode policy : role.path("Properties").path("Policies")) {
                String document = policy.path("PolicyDocument").toString();
                assertFalse(document.contains("*"), policy.path("PolicyName").asText() + ": " + document);
            }
        }
    }

    @Test
    void aConfigurationOnlyChangePublishesANewVersion(@TempDir Path dir) throws Exception {
        // SAM hashes a function's code, memory and environment into its version by default, not its timeout.
        Path changed = dir.resolve("template.yaml");
        Files.writeString(changed, Files.readString(RepoFiles.template()).replace("    Timeout: 15\n",
                "    Timeout: 16\n"));
        Set<String> kept = versionIds(transformed(changed, dir));
        kept.retainAll(versionIds(resources));
        Set<String> expected = new HashSet<>();
        for (String function : TEMPLATE.functions().keySet()) {
            if (TEMPLATE.resource(function).path("Properties").has("Timeout")) {
                expected.add(function);
            }
        }
        Set<String> keptFunctions = new HashSet<>();
        kept.forEach(id -> keptFunctions.add(id.substring(0, id.indexOf("Version"))));
        assertEquals(expected, keptFunctions, "a new timeout alone gives every function that takes it a new version");
    }

    private static Set<String> versionIds(JsonNode transformed) {
        Set<String> ids = new HashSet<>();
        transformed.fieldNames().forEachRemaining(name -> {
            if ("AWS::Lambda::Version".equals(transformed.path(name).path("Type").asText())) {
                ids.add(name);
            }
        });
        return ids;
    }

    @Test
    void everyFunctionRunsWithTheDependenciesLayer() {
        String layer = only("AWS::Lambda::LayerVersion").path("Properties").path("LayerName").path("Fn::Sub")
                .asText();
        assertEquals("${AWS::StackName}-dependencies", layer);
        for (String function : TEMPLATE.functions().keySet()) {
            JsonNode layers = resources.path(function).path("Properties").path("Layers");
            assertEquals(1, layers.size(), function);
            String id = layers.get(0).path("Ref").asText();
            assertEquals("AWS::Lambda::LayerVersion", resources.path(id).path("Type").asText(), function);
        }
    }

    @Test
    void aNewVersionTakesTrafficStepByStepAndAnyFiveHundredRollsItBack() {
        for (String function : TEMPLATE.functions().keySet()) {
            JsonNode group = resources.path(function + "DeploymentGroup").path("Properties");
            assertTrue(group.path("AutoRollbackConfiguration").path("Enabled").asBoolean(), function);
            assertTrue(group.path("AutoRollbackConfiguration").path("Events").toString()
                    .contains("DEPLOYMENT_STOP_ON_ALARM"), function);
            List<String> alarms = new ArrayList<>();
            group.path("AlarmConfiguration").path("Alarms").forEach(alarm -> alarms.add(alarm.path("Name")
                    .path("Ref").asText()));
            assertTrue(alarms.contains("DeploymentGuardAlarm"), function + ": " + alarms);
            String config = group.path("DeploymentConfigName").toString();
            if (TEMPLATE.functions().get(function).schedules().isEmpty()) {
                assertTrue(config.contains("Canary10Percent5Minutes"), function + ": " + config);
            } else {
                assertTrue(config.contains("AllAtOnce"), function + ": " + config);
                assertTrue(alarms.contains("ProcessorErrorsAlarm"), function + ": " + alarms);
            }
            // The alias the API and the schedule call moves through CodeDeploy, not by CloudFormation alone.
            JsonNode alias = resources.path(function + "Aliaslive");
            assertEquals(function + "DeploymentGroup", alias.path("UpdatePolicy").path("CodeDeployLambdaAliasUpdate")
                    .path("DeploymentGroupName").path("Ref").asText(), function);
        }
        JsonNode guard = resources.path("DeploymentGuardAlarm").path("Properties");
        assertEquals("5XXError", guard.path("MetricName").asText());
        assertEquals(0, guard.path("Threshold").asInt());
        assertEquals("GreaterThanThreshold", guard.path("ComparisonOperator").asText());
    }

    private static final String RESOURCES_START = "<!-- stack-resources:start -->";
    private static final String RESOURCES_END = "<!-- stack-resources:end -->";

    /** What each kind of resource in the stack is for, as docs/operations.md lists them. */
    private static final Map<String, String> PURPOSES = Map.ofEntries(
            Map.entry("AWS::ApiGateway::RestApi", "the REST API: its routes, each to a function's live alias, and "
                    + "the gateway's own answers in the service's error body"),
            Map.entry("AWS::ApiGateway::Deployment", "the API's routes as deployed"),
            Map.entry("AWS::ApiGateway::Stage", "the stage (`StageName`, `v1`): throttling, access logs"),
            Map.entry("AWS::ApiGateway::Account", "the account's API Gateway setting of the role that writes access "
                    + "logs (kept when the stack is deleted)"),
            Map.entry("AWS::Lambda::Function", "the functions, one per operation, and the order processor"),
            Map.entry("AWS::Lambda::Version", "each function's published version (SnapStart snapshots it)"),
            Map.entry("AWS::Lambda::Alias", "each function's `live` alias, which the API and the schedule call"),
            Map.entry("AWS::Lambda::LayerVersion", "the dependencies' layer every function uses"),
            Map.entry("AWS::Lambda::Permission", "API Gateway's and EventBridge's permission to call each alias"),
            Map.entry("AWS::IAM::Role", "a role per function (least privilege on the table), CodeDeploy's role, "
                    + "API Gateway's logging role (kept when the stack is deleted)"),
            Map.entry("AWS::CodeDeploy::Application", "the application of the functions' gradual deployments"),
            Map.entry("AWS::CodeDeploy::DeploymentGroup", "each function's deployment: canary (the processor all at "
                    + "once), rolled back by its alarms"),
            Map.entry("AWS::DynamoDB::Table", "the one table (kept when the stack is deleted, deletion-protected)"),
            Map.entry("AWS::Events::Rule", "the processor's schedule, every 5 minutes"),
            Map.entry("AWS::Logs::LogGroup", "the API functions' logs (a stream per function), the processor's, "
                    + "the API's access logs, each with `LogRetentionInDays`"),
            Map.entry("AWS::Logs::MetricFilter", "the count of orders the processor could not process, from its "
                    + "log"),
            Map.entry("AWS::CloudWatch::Alarm", "the alarms ([below](#alarms))"));

    @Test
    void theOperatorsPageListsWhatTheStackHolds() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        resources.forEach(resource -> counts.merge(resource.path("Type").asText(), 1, Integer::sum));
        StringBuilder table = new StringBuilder("| resource | how many | what for |\n|---|---|---|\n");
        counts.forEach((type, count) -> {
            assertTrue(PURPOSES.containsKey(type), "what a " + type + " is for: name it in PURPOSES");
            table.append("| `").append(type).append("` | ").append(count).append(" | ").append(PURPOSES.get(type))
                    .append(" |\n");
        });
        Path page = RepoFiles.root().resolve("docs/operations.md");
        String text = Files.readString(page);
        int start = text.indexOf(RESOURCES_START);
        int end = text.indexOf(RESOURCES_END);
        assertTrue(start >= 0 && end > start, "docs/operations.md holds the list between its markers");
        String expected = table.toString().strip();
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(page, text.substring(0, start + RESOURCES_START.length()) + "\n" + expected + "\n"
                    + text.substring(end));
            return;
        }
        assertEquals(expected, text.substring(start + RESOURCES_START.length(), end).strip(),
                "docs/operations.md's list of what the stack holds, as the transform makes it:\n" + expected);
    }
}
