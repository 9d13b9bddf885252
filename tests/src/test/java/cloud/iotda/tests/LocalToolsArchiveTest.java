package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The local tools' class-data-sharing archive (bin/lib.sh): the first run after a build writes it at exit, and the
 * next run loads the tool's classes from it, as the JVM's own class loading log shows.
 */
class LocalToolsArchiveTest {
    private record Run(int exitCode, String output) {
    }

    @Test
    void theNextRunLoadsTheToolFromTheArchiveTheFirstRunWrote() throws Exception {
        Path root = RepoFiles.root();
        assertTrue(Files.exists(root.resolve("tools/local/target/iotda-local-1.0.0-SNAPSHOT.jar")),
                "the reactor builds tools/local before this module");
        Path archives = root.resolve("tools/local/target/cds");
        deleteAll(archives);

        Run first = admin(root, Map.of());
        assertEquals(2, first.exitCode(), first.output());
        List<Path> written;
        try (Stream<Path> files = Files.list(archives)) {
            written = files.filter(file -> file.getFileName().toString().startsWith("Admin-")).toList();
        }
        assertEquals(1, written.size(), "one archive, for this tool and this java: " + written);

        Run second = admin(root, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"));
        assertEquals(2, second.exitCode(), second.output());
        assertTrue(second.output().contains("cloud.iotda.local.Admin source: shared objects file (top)"),
                second.output().lines().filter(line -> line.contains("cloud.iotda.local.Admin ")).toList()
                        .toString());
    }

    /** A command the operator CLI refuses at once (usage, exit code 2), before it reaches DynamoDB. */
    private static Run admin(Path root, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/iotda-admin", "no-such-command")
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void deleteAll(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
