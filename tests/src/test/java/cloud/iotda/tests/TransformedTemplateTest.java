package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        Path script = dir.resolve("sam-transform.py");
        try (var in = TransformedTemplateTest.class.getResourceAsStream("/sam-transform.py")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("transformed.json");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder("python3", script.toString(), RepoFiles.template().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the transform finishes");
        assertEquals(0, process.exitValue(), () -> "aws-sam-translator refused template.yaml: " + read(err));
        resources = JSON.readTree(out.toFile()).get("Resources");
        apiBody = only("AWS::ApiGateway::RestApi").path("Properties").path("Body");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
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
}
