package cloud.iotda.tests.lambda;

import cloud.iotda.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds a function's deployment package the way {@code sam build} does for {@code BuildMethod: makefile}: runs the
 * Makefile's {@code build-<LogicalId>} target from the project root with {@code ARTIFACTS_DIR} set.
 */
public final class SamBuild {
    private static final Map<String, Path> BUILT = new HashMap<>();

    private SamBuild() {
    }

    public static synchronized Path artifacts(String logicalId) throws IOException, InterruptedException {
        Path built = BUILT.get(logicalId);
        if (built != null) {
            return built;
        }
        Path dir = RepoFiles.root().resolve("tests/target/sam-build").resolve(logicalId);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path log = dir.resolveSibling(logicalId + ".log");
        Process make = new ProcessBuilder("make", "-s", "build-" + logicalId, "ARTIFACTS_DIR=" + dir)
                .directory(RepoFiles.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!make.waitFor(5, TimeUnit.MINUTES) || make.exitValue() != 0) {
            throw new AssertionError("make build-" + logicalId + " failed:\n" + Files.readString(log));
        }
        BUILT.put(logicalId, dir);
        return dir;
    }
}
