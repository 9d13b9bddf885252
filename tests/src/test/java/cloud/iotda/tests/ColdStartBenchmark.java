package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.template.Template;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.tests.lambda.LambdaProcess;
import cloud.iotda.tests.lambda.RuntimeApiServer;
import cloud.iotda.tests.lambda.SamBuild;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark of JAVA_TOOL_OPTIONS for the packaged ResizeFunction under the runtime interface client,
 * run by bin/bench-cold-start (excluded from bin/test). Variants alternate run by run so that drift of the machine
 * hits them alike; the ratio is taken within the run. Measures this machine's JDK, not Lambda or SnapStart.
 */
@Tag("benchmark")
class ColdStartBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int WARM_CALLS = Integer.getInteger("bench.warm", 50);
    private static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("default JIT", "");
        VARIANTS.put("C1 only (template)", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    private record Sample(long coldMillis, double warmMicros) {
    }

    @Test
    void compareJavaToolOptions() throws Exception {
        Template template = Template.load(RepoFiles.template());
        Template.Function function = template.functions().get("ResizeFunction");
        Path artifacts = SamBuild.artifacts("ResizeFunction");
        String event = Files.readString(RepoFiles.events().resolve("resize-delay-as-string.json"));
        TestWorld world = new TestWorld();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        VARIANTS.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        Path log = Files.createTempFile("bench", ".log");

        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, String> variant : VARIANTS.entrySet()) {
                Map<String, String> environment = new LinkedHashMap<>();
                environment.put("AWS_REGION", "us-east-1");
                environment.put("AWS_ACCESS_KEY_ID", "local");
                environment.put("AWS_SECRET_ACCESS_KEY", "local");
                environment.put("TABLE_NAME", world.table);
                environment.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.get().endpoint());
                environment.put("JAVA_TOOL_OPTIONS", variant.getValue());
                try (RuntimeApiServer runtimeApi = new RuntimeApiServer("bench")) {
                    long started = System.nanoTime();
                    try (LambdaProcess process = LambdaProcess.start(artifacts, function.handler(), environment,
                            runtimeApi, log)) {
                        assertAnswered(runtimeApi.invoke(event, Duration.ofSeconds(60)));
                        long cold = Duration.ofNanos(System.nanoTime() - started).toMillis();
                        long warmStart = System.nanoTime();
                        for (int i = 0; i < WARM_CALLS; i++) {
                            assertAnswered(runtimeApi.invoke(event, Duration.ofSeconds(60)));
                        }
                        double warm = (System.nanoTime() - warmStart) / 1000.0 / WARM_CALLS;
                        samples.get(variant.getKey()).add(new Sample(cold, warm));
                    }
                }
            }
        }

        System.out.printf("%nResizeFunction package under the runtime interface client, %d rounds, JDK %s, %d cores%n",
                ROUNDS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-22s %28s %36s%n", "JAVA_TOOL_OPTIONS", "cold: start to 1st answer ms",
                "warm: mean per call over " + WARM_CALLS + " (us)");
        Map<String, double[]> medians = new LinkedHashMap<>();
        samples.forEach((name, list) -> {
            double cold = median(list.stream().mapToDouble(Sample::coldMillis).toArray());
            double warm = median(list.stream().mapToDouble(Sample::warmMicros).toArray());
            medians.put(name, new double[] {cold, warm});
            System.out.printf("%-22s %21.0f (median) %28.0f (median)%n", name, cold, warm);
        });
        double[] base = medians.get("default JIT");
        double[] c1 = medians.get("C1 only (template)");
        System.out.printf("ratio C1-only / default: cold %.2f, warm %.2f%n", c1[0] / base[0], c1[1] / base[1]);
    }

    /** The event is refused at input validation after authentication (one DynamoDB read): a 400, every time. */
    private static void assertAnswered(String response) throws Exception {
        assertEquals(400, new ObjectMapper().readTree(response).get("statusCode").asInt(), response);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
