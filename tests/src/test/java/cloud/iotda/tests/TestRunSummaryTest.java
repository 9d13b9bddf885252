package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.RepoFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What ./bin/test prints of a run: bin/summarize-test-log reads Maven's output, as bin/test pipes it, and keeps what
 * a person reads. Fed here with runs shaped as Maven 3.8 and Surefire 3.5 write them, the noise of the tests
 * included (function logs with stack traces, DynamoDB Local's banner, request logs).
 */
class TestRunSummaryTest {

    private static List<String> summarize(List<String> mavenOutput) throws Exception {
        Process awk = new ProcessBuilder(RepoFiles.root().resolve("bin/summarize-test-log").toString())
                .redirectErrorStream(true).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = awk.getOutputStream()) {
                in.write((String.join("\n", mavenOutput) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        feeder.start();
        String out = new String(awk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(awk.waitFor(30, TimeUnit.SECONDS));
        feeder.join();
        assertEquals(0, awk.exitValue(), out);
        return out.lines().toList();
    }

    /** One module's part of the log: its classes' lines, noise, and the module's totals. */
    private static void module(List<String> log, String artifact, int classes, int failures) {
        log.add("[INFO] --------------------< cloud.iotda:" + artifact + " >---------------------");
        log.add("[INFO] Building " + artifact + " 1.0.0-SNAPSHOT [1/6]");
        log.add("[INFO] --- maven-surefire-plugin:3.5.4:test (default-test) @ " + artifact + " ---");
        log.add("[INFO]  T E S T S");
        for (int i = 0; i < classes; i++) {
            log.add("[INFO] Running cloud.iotda.Sample" + i + "Test");
            log.add("Initializing DynamoDB Local with the following configuration:");
            log.add("{\"level\":\"ERROR\",\"message\":\"DynamoDB unavailable\",\"stackTrace\":\"at cloud.iotda...\"}");
            log.add("GET /v5/iot/p/iotda-instances/i 200 3ms 4f51cbd9-bd49-4ab6-a17a-edaca3442d65");
            log.add("[INFO] Tests run: 10, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in "
                    + "cloud.iotda.Sample" + i + "Test");
        }
        if (failures > 0) {
            log.add("[ERROR] Tests run: 6, Failures: " + failures + ", Errors: 0, Skipped: 0, Time elapsed: 0.03 s "
                    + "<<< FAILURE! -- in cloud.iotda.usecase.InstanceQueriesTest");
            log.add("[ERROR] Failures: ");
            log.add("[ERROR]   InstanceQueriesTest.listsOnlyTheCallersProjectNewestFirst:44 "
                    + "expected: <6> but was: <13>");
            log.add("[ERROR] Tests run: " + (classes * 10 + 6) + ", Failures: " + failures
                    + ", Errors: 0, Skipped: 1");
        } else {
            log.add("[INFO] Tests run: " + classes * 10 + ", Failures: 0, Errors: 0, Skipped: 0");
        }
    }

    @Test
    void aPassingRunPrintsEachModulesResultsAndTheTotalsOnly() throws Exception {
        List<String> log = new ArrayList<>();
        module(log, "iotda-shared", 300, 0);
        module(log, "iotda-local", 200, 0);
        module(log, "iotda-tests", 100, 0);
        log.add("[INFO] BUILD SUCCESS");
        log.add("[INFO] Total time:  03:35 min");
        assertTrue(log.size() > 3000, "a log as long as a real run's");

        assertEquals(List.of(
                "iotda-shared:    3000 passed, 0 failed, 0 skipped",
                "iotda-local:     2000 passed, 0 failed, 0 skipped",
                "iotda-tests:     1000 passed, 0 failed, 0 skipped",
                "total: 6000 passed, 0 failed, 0 skipped",
                "BUILD SUCCESS"), summarize(log));
    }

    @Test
    void aFailingRunPrintsTheFailuresAsMavenNamesThem() throws Exception {
        List<String> log = new ArrayList<>();
        module(log, "iotda-shared", 30, 3);
        log.add("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.4:test "
                + "(default-test) on project iotda-shared: There are test failures.");
        log.add("[INFO] BUILD FAILURE");

        List<String> printed = summarize(log);
        assertTrue(printed.contains("[ERROR]   InstanceQueriesTest.listsOnlyTheCallersProjectNewestFirst:44 "
                + "expected: <6> but was: <13>"), printed.toString());
        assertTrue(printed.contains("iotda-shared:    302 passed, 3 failed, 1 skipped"), printed.toString());
        assertEquals("total: 302 passed, 3 failed, 1 skipped", printed.get(printed.size() - 2));
        assertEquals("BUILD FAILURE", printed.get(printed.size() - 1));
        assertTrue(printed.stream().noneMatch(line -> line.contains("\"level\"") || line.contains("DynamoDB Local")),
                "the tests' own output stays in the report files: " + printed);
        assertTrue(printed.size() < 20, printed.toString());
    }
}
