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

    /** What the summary printed, and its exit code (0 only for a run that passed whole). */
    private record Summary(List<String> lines, int exitCode) {
    }

    private static List<String> summarize(List<String> mavenOutput) throws Exception {
        Summary summary = summary(mavenOutput);
        assertEquals(0, summary.exitCode(), summary.lines().toString());
        return summary.lines();
    }

    private static Summary summary(List<String> mavenOutput) throws Exception {
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
        return new Summary(out.lines().toList(), awk.exitValue());
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
                "PASSED"), summarize(log));
    }

    @Test
    void aFailingRunPrintsTheFailuresAsMavenNamesThemAndFails() throws Exception {
        List<String> log = new ArrayList<>();
        module(log, "iotda-shared", 30, 3);
        // -Dmaven.test.failure.ignore: the module's failures do not stop the run; the next module runs too.
        log.add("[WARNING] There are test failures.");
        module(log, "iotda-local", 20, 0);
        log.add("[INFO] BUILD SUCCESS");

        Summary summary = summary(log);
        List<String> printed = summary.lines();
        assertEquals(1, summary.exitCode(), "a run with failing tests fails");
        assertTrue(printed.contains("[ERROR]   InstanceQueriesTest.listsOnlyTheCallersProjectNewestFirst:44 "
                + "expected: <6> but was: <13>"), printed.toString());
        assertTrue(printed.contains("iotda-shared:    302 passed, 3 failed, 1 skipped"), printed.toString());
        assertTrue(printed.contains("iotda-local:     200 passed, 0 failed, 0 skipped"), "the module after it ran");
        assertEquals(List.of("total: 502 passed, 3 failed, 1 skipped", "tests failed in: iotda-shared", "FAILED"),
                printed.subList(printed.size() - 3, printed.size()));
        assertTrue(printed.stream().noneMatch(line -> line.contains("\"level\"") || line.contains("DynamoDB Local")),
                "the tests' own output stays in the report files: " + printed);
        assertTrue(printed.size() < 20, printed.toString());
    }

    @Test
    void aModuleThatDoesNotBuildIsNamedWithTheModulesThatCouldNotRun() throws Exception {
        List<String> log = new ArrayList<>();
        module(log, "iotda-template", 2, 0);
        log.add("[ERROR] /work/shared/src/main/java/cloud/iotda/Service.java:[12,8] cannot find symbol");
        log.add("[INFO] Reactor Summary for IoTDA instance-change API 1.0.0-SNAPSHOT:");
        log.add("[INFO] ");
        log.add("[INFO] IoTDA instance-change API .......................... SUCCESS [  1.783 s]");
        log.add("[INFO] template.yaml as data .............................. SUCCESS [  0.626 s]");
        log.add("[INFO] IoTDA shared: validation, errors, auth ............. FAILURE [  3.100 s]");
        log.add("[INFO] Lambda entry points: one handler class per SAM function SKIPPED");
        log.add("[INFO] Cross-function tests ............................... SKIPPED");
        log.add("[INFO] BUILD FAILURE");

        Summary summary = summary(log);
        assertEquals(1, summary.exitCode());
        List<String> printed = summary.lines();
        assertTrue(printed.contains("modules that failed to build: IoTDA shared: validation, errors, auth"),
                printed.toString());
        assertTrue(printed.contains("modules that did not run (a module they need failed): Lambda entry points: one "
                + "handler class per SAM function; Cross-function tests"), printed.toString());
        assertEquals("FAILED", printed.get(printed.size() - 1));
    }
}
