package cloud.iotda.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A SAM template as CloudFormation deploys it: transformed by aws-sam-translator, the SAM transform's own code. */
final class SamTransform {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SamTransform() {
    }

    /** The Resources of {@code template} after the SAM transform; {@code dir} holds the script and its output. */
    static JsonNode resources(Path template, Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("sam-transform.py");
        if (!Files.exists(script)) {
            try (InputStream in = SamTransform.class.getResourceAsStream("/sam-transform.py")) {
                Files.copy(in, script);
            }
        }
        Path out = Files.createTempFile(dir, "transformed", ".json");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder("python3", script.toString(), template.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the SAM transform of " + template + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("aws-sam-translator refused " + template + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return JSON.readTree(out.toFile()).get("Resources");
    }
}
