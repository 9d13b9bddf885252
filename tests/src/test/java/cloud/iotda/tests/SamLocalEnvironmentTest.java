package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.tests.lambda.SamLocalEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAM's --env-vars rule, and events/env.local.json under it: every function reaches the local API's DynamoDB. */
class SamLocalEnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SamLocalEnvironment.Caller CALLER =
            new SamLocalEnvironment.Caller("AKIDEXAMPLEUSER", "user-secret", "eu-central-1");

    @Test
    void setsOnlyDeclaredVariablesWithFileOverShellOverTemplate(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Globals:
                  Function:
                    Environment:
                      Variables:
                        FROM_TEMPLATE: t
                        FROM_SHELL: t
                        INTRINSIC:
                          Ref: Something
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          OWN: t
                """);
        JsonNode file = JSON.readTree("""
                {"Parameters": {"OWN": "from-parameters", "UNDECLARED": "x"},
                 "Fn": {"OWN": "from-function", "ALSO_UNDECLARED": "y"}}""");
        Map<String, String> environment = SamLocalEnvironment.resolve(Template.load(template), "Fn", file,
                Map.of("FROM_SHELL", "shell", "NOT_DECLARED_EITHER", "z"), CALLER);

        assertEquals("t", environment.get("FROM_TEMPLATE"));
        assertEquals("shell", environment.get("FROM_SHELL"));
        assertEquals("", environment.get("INTRINSIC"), "an unresolved intrinsic function is blank");
        assertEquals("from-function", environment.get("OWN"), "the function's section beats Parameters");
        assertFalse(environment.containsKey("UNDECLARED"));
        assertFalse(environment.containsKey("ALSO_UNDECLARED"));
        assertFalse(environment.containsKey("NOT_DECLARED_EITHER"));
        assertEquals("eu-central-1", environment.get("AWS_REGION"));
        assertEquals("AKIDEXAMPLEUSER", environment.get("AWS_ACCESS_KEY_ID"));
    }

    @Test
    void theDocumentedEnvVarsFileReachesTheLocalApisTableForEveryFunction() throws Exception {
        Template template = Template.load(RepoFiles.template());
        JsonNode file = JSON.readTree(RepoFiles.events().resolve("env.local.json").toFile());
        for (String function : template.functions().keySet()) {
            Map<String, String> environment = SamLocalEnvironment.resolve(template, function, file, Map.of(), CALLER);
            assertEquals("iotda-local", environment.get("TABLE_NAME"), function);
            assertEquals("http://host.docker.internal:8000", environment.get("AWS_ENDPOINT_URL_DYNAMODB"),
                    function + ": the endpoint must be declared in template.yaml, or SAM drops it");
        }
    }
}
