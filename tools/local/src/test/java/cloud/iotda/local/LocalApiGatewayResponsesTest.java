package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.template.Template;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Gateway's own answers (no route, too large, a function that fails) come from template.yaml's GatewayResponses:
 * status, error body and the request id, read from the template rather than written twice. A copy of the template
 * with one more function, whose handler always throws, stands in for a function that fails.
 */
class LocalApiGatewayResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROKEN_PATH = "/v5/iot/{project_id}/broken";
    private static Map<String, Template.GatewayResponse> declared;
    private static LocalApi api;

    /** A function that fails instead of answering, as one would on an error the service does not catch. */
    public static final class ThrowingHandler implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            throw new IllegalStateException("fails on purpose");
        }
    }

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path root = LocalApiEndToEndTest.repoRoot();
        String template = Files.readString(root.resolve("template.yaml"));
        String broken = """
                  BrokenFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: %s::handleRequest
                      Events:
                        Broken:
                          Type: Api
                          Properties:
                            RestApiId:
                              Ref: IotdaApi
                            Path: %s
                            Method: GET

                """.formatted(ThrowingHandler.class.getName(), BROKEN_PATH);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace("\nResources:\n", "\nResources:\n" + broken));
        declared = Template.load(root.resolve("template.yaml")).gatewayResponses();
        api = LocalApi.start(new LocalApi.Options(0, 0, null,
                root.resolve("tools/local/src/test/resources/e2e-seed.json"), copy));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
            throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + api.port() + path);
        return LocalApiEndToEndTest.http.send(HttpRequest.newBuilder(uri).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The answer is the template's response of {@code type}, with this request's id in header and body. */
    private static void assertGatewayAnswer(HttpResponse<String> response, String type) throws Exception {
        Template.GatewayResponse expected = declared.get(type);
        assertEquals(expected.status(), response.statusCode(), response.body());
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(requestId.matches("[0-9a-f-]{36}"), requestId);
        JsonNode body = JSON.readTree(response.body());
        JsonNode template = JSON.readTree(expected.jsonTemplate());
        assertEquals(template.get("error_code"), body.get("error_code"), response.body());
        assertEquals(template.get("error_msg"), body.get("error_msg"), response.body());
        assertEquals(requestId, body.get("request_id").asText());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anUnknownPathOrMethodIsTheTemplatesNotFound() throws Exception {
        HttpResponse<String> unknownPath = send("GET", "/v5/iot/p1/iotda-instances/i1/nothing-here",
                HttpRequest.BodyPublishers.noBody());
        assertGatewayAnswer(unknownPath, "MISSING_AUTHENTICATION_TOKEN");
        assertEquals("APIGW.0101", JSON.readTree(unknownPath.body()).get("error_code").asText());
        assertGatewayAnswer(send("PATCH", "/v5/iot/p1/iotda-instances/i1", HttpRequest.BodyPublishers.noBody()),
                "MISSING_AUTHENTICATION_TOKEN");
    }

    @Test
    void aBodyOverTenMebibytesIsTheTemplatesTooLarge() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        HttpResponse<String> tooLarge = send("POST", "/v5/iot/p1/iotda-instances/i1/resize",
                HttpRequest.BodyPublishers.ofByteArray(body));
        assertGatewayAnswer(tooLarge, "REQUEST_TOO_LARGE");
        assertEquals(413, tooLarge.statusCode());
    }

    @Test
    void aFunctionThatFailsIsTheTemplatesIntegrationFailure() throws Exception {
        HttpResponse<String> failed = send("GET", BROKEN_PATH.replace("{project_id}", "p1"),
                HttpRequest.BodyPublishers.noBody());
        assertGatewayAnswer(failed, "INTEGRATION_FAILURE");
        assertEquals(502, failed.statusCode());
    }
}
