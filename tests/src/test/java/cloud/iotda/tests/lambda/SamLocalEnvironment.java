package cloud.iotda.tests.lambda;

import cloud.iotda.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment {@code sam local invoke --env-vars FILE} gives a function, by the SAM CLI's rule (its
 * {@code EnvironmentVariables.resolve} and {@code LocalLambdaRunner._make_env_vars}): only the variables the
 * template declares for the function (Globals merged with its own) are set; each takes, from lowest to highest
 * priority, the template's value (an unresolved intrinsic function is the empty string), the shell's value, the
 * file's {@code Parameters} section, then the file's section named by the function's logical id. A variable the
 * template does not declare is dropped, whatever the file says. The AWS_* variables come from the caller's own
 * credentials and region, as SAM passes them.
 */
public final class SamLocalEnvironment {
    private SamLocalEnvironment() {
    }

    /** The caller's AWS settings as SAM passes them into the container. */
    public record Caller(String accessKeyId, String secretAccessKey, String region) {
    }

    public static Map<String, String> resolve(Template template, String logicalId, JsonNode envVarsFile,
                                              Map<String, String> shell, Caller caller) {
        Map<String, String> overrides = new LinkedHashMap<>();
        envVarsFile.path("Parameters").fields().forEachRemaining(e -> overrides.put(e.getKey(), text(e.getValue())));
        envVarsFile.path(logicalId).fields().forEachRemaining(e -> overrides.put(e.getKey(), text(e.getValue())));

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_SAM_LOCAL", "true");
        environment.put("AWS_REGION", caller.region());
        environment.put("AWS_DEFAULT_REGION", caller.region());
        environment.put("AWS_ACCESS_KEY_ID", caller.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", caller.secretAccessKey());
        environment.put("AWS_ACCOUNT_ID", "123456789012");
        template.environment(logicalId).forEach((name, declared) -> {
            String value = text(declared);
            if (shell.containsKey(name)) {
                value = shell.get(name);
            }
            if (overrides.containsKey(name)) {
                value = overrides.get(name);
            }
            environment.put(name, value);
        });
        return environment;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return "";
        }
        return value.asText();
    }
}
