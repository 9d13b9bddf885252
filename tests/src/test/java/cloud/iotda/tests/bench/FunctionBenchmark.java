package cloud.iotda.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.template.Template;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.tests.lambda.DeploymentZip;
import cloud.iotda.tests.lambda.LambdaPackage;
import cloud.iotda.tests.lambda.LambdaProcess;
import cloud.iotda.tests.lambda.RuntimeApiServer;
import cloud.iotda.tests.lambda.SamBuild;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;

/**
 * The function figures of bench/run: the packaged ShowInstanceFunction (a read-only call: the token and the
 * instance, two DynamoDB Local reads) under the Lambda runtime interface client with the managed runtime's JVM
 * options, beside a hello-world function and a "typical build" of the same handler, started alternately in the same
 * run. In the normal test run it is a smoke run of one pair and a few warm calls; bench/run sets {@code
 * -Dbench.pairs=7 -Dbench.warm=2000} and {@code -Dbench.out} for the results table.
 */
class FunctionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAIRS = Integer.getInteger("bench.pairs", 1);
    private static final int WARM = Integer.getInteger("bench.warm", 40);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FUNCTION = "ShowInstanceFunction";
    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final String ONE_JAR = "one jar, no layer";
    private static final String WITHOUT_TOOL_OPTIONS = "this function, without JAVA_TOOL_OPTIONS";

    /**
     * A package to start: its folder (with lib/), its handler, JVM options after the runtime's, the variables its
     * template gives it beside the benchmark's own (JAVA_TOOL_OPTIONS), and what it must answer.
     */
    private record Variant(String name, LambdaPackage artifacts, String handler, List<String> extraOptions,
                           Map<String, String> environment, int status) {
    }

    /** One started function's figures. */
    private record Run(double coldMillis, double firstAfterInitMillis, List<Double> warmMillis, long maxRssKb,
                       long rssGrowthKb) {
    }

    @Test
    void measuresColdStartFirstCallWarmCallsMemoryAndPackage() throws Exception {
        Template template = Template.load(RepoFiles.template());
        // -Dbench.package=DIR measures another build of the package (a lever tried in a throwaway copy).
        LambdaPackage service = System.getProperty("bench.package") != null
                ? LambdaPackage.of(Path.of(System.getProperty("bench.package"))) : SamBuild.packageOf(FUNCTION);
        Path bench = Files.createDirectories(RepoFiles.root().resolve("tests/target/bench"));
        String handler = template.functions().get(FUNCTION).handler();
        // The function runs with the JVM options its template gives it, as Lambda starts it; the references are
        // deployed without any (SAM's starter template sets none).
        Map<String, String> toolOptions = toolOptions(template);
        Path primedLayer = primedLayer(bench);
        Variant self = new Variant("this function", service, handler, List.of(), toolOptions, 200);
        List<Variant> variants = new ArrayList<>(List.of(self, primed(self, primedLayer),
                new Variant("typical build", LambdaPackage.of(typicalPackage(service, bench)),
                        TypicalShowInstanceHandler.class.getName() + "::handleRequest", List.of(), Map.of(), 200),
                new Variant("hello-world", LambdaPackage.of(helloPackage(bench)),
                        HelloHandler.class.getName() + "::handleRequest", List.of(), Map.of(), 200)));
        // -Dbench.oneJar=true adds the same classes as one jar without a layer (the package before the layer), so
        // that the layer is measured against it in the same run.
        if (Boolean.getBoolean("bench.oneJar")) {
            Variant oneJar = new Variant(ONE_JAR, LambdaPackage.of(oneJarPackage(service, bench)), handler,
                    List.of(), toolOptions, 200);
            variants.add(oneJar);
            variants.add(primed(oneJar, primedLayer));
        }
        // -Dbench.withoutToolOptions=true adds this function without the template's JAVA_TOOL_OPTIONS (the managed
        // runtime's defaults only), so that those options are measured against them in the same run.
        if (Boolean.getBoolean("bench.withoutToolOptions")) {
            Variant without = new Variant(WITHOUT_TOOL_OPTIONS, service, handler, List.of(), Map.of(), 200);
            variants.add(without);
            variants.add(primed(without, primedLayer));
        }
        // -Dbench.candidate=DIR adds another build of the package, started alternately with the others, so that a
        // lever is measured against the current build in the same run.
        String candidate = System.getProperty("bench.candidate");
        if (candidate != null) {
            Variant other = new Variant("candidate", LambdaPackage.of(Path.of(candidate)), handler, List.of(),
                    toolOptions, 200);
            variants.add(other);
            variants.add(primed(other, primedLayer));
        }
        TestWorld world = new TestWorld();
        String event = Files.readString(RepoFiles.events().resolve("show-instance.json"));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        variants.forEach(variant -> runs.put(variant.name(), new ArrayList<>()));
        for (int pair = 0; pair < PAIRS; pair++) {
            List<Variant> order = new ArrayList<>(variants);
            if (pair % 2 == 1) {
                Collections.reverse(order);
            }
            for (Variant variant : order) {
                runs.get(variant.name()).add(run(variant, world, event, bench));
            }
        }
        String table = table(runs, variants);
        if (runs.containsKey(WITHOUT_TOOL_OPTIONS)) {
            List<Run> without = runs.get(WITHOUT_TOOL_OPTIONS);
            List<Run> withoutPrimed = runs.get(WITHOUT_TOOL_OPTIONS + ", primed");
            table += String.format("%nthe template's JAVA_TOOL_OPTIONS (%s) against the runtime's defaults alone, "
                            + "same run (medians of pair ratios): spawn to first response %.3fx "
                            + "(%.0f against %.0f ms); first call after priming %.3fx (%.1f against %.1f ms); "
                            + "warm p50 %.2f against %.2f ms%n",
                    toolOptions.getOrDefault(JAVA_TOOL_OPTIONS, "none"),
                    median(pairRatios(runs.get("this function"), without, Run::coldMillis)),
                    medianOf(runs.get("this function"), Run::coldMillis), medianOf(without, Run::coldMillis),
                    median(pairRatios(runs.get("this function, primed"), withoutPrimed, Run::firstAfterInitMillis)),
                    medianOf(runs.get("this function, primed"), Run::firstAfterInitMillis),
                    medianOf(withoutPrimed, Run::firstAfterInitMillis),
                    percentile(warmMillis(runs.get("this function")), 0.50), percentile(warmMillis(without), 0.50));
        }
        if (runs.containsKey(ONE_JAR)) {
            table += String.format("%nthe layered package (the service's jar, the dependencies' jar in a layer) "
                            + "against the same classes in one jar without a layer, same run (medians of pair "
                            + "ratios): spawn to first response %.3fx (%.0f against %.0f ms); first call after "
                            + "priming %.3fx (%.1f against %.1f ms)%n",
                    median(pairRatios(runs.get("this function"), runs.get(ONE_JAR), Run::coldMillis)),
                    medianOf(runs.get("this function"), Run::coldMillis), medianOf(runs.get(ONE_JAR), Run::coldMillis),
                    median(pairRatios(runs.get("this function, primed"), runs.get(ONE_JAR + ", primed"),
                            Run::firstAfterInitMillis)),
                    medianOf(runs.get("this function, primed"), Run::firstAfterInitMillis),
                    medianOf(runs.get(ONE_JAR + ", primed"), Run::firstAfterInitMillis));
        }
        if (candidate != null) {
            table += String.format("%ncandidate %s: spawn to first response %.0f ms, %.3fx this build (median of "
                    + "pair ratios)%n", candidate, medianOf(runs.get("candidate"), Run::coldMillis),
                    median(pairRatios(runs.get("candidate"), runs.get("this function"), Run::coldMillis)));
            table += String.format("candidate %s: first call after priming %.1f ms, %.3fx this build's%n", candidate,
                    medianOf(runs.get("candidate, primed"), Run::firstAfterInitMillis),
                    median(pairRatios(runs.get("candidate, primed"), runs.get("this function, primed"),
                            Run::firstAfterInitMillis)));
        }
        System.out.println(table);
        String out = System.getProperty("bench.out");
        Files.writeString(out == null ? bench.resolve("functions.md") : Path.of(out), table);
        assertTrue(median(runs.get("this function").stream().map(Run::coldMillis).toList()) > 0);
    }

    /** The JAVA_TOOL_OPTIONS template.yaml gives the function, as a variable to start it with (none: empty). */
    private static Map<String, String> toolOptions(Template template) {
        JsonNode declared = template.environment(FUNCTION).get(JAVA_TOOL_OPTIONS);
        return declared == null ? Map.of() : Map.of(JAVA_TOOL_OPTIONS, declared.asText());
    }

    private static Map<String, String> environment(TestWorld world, Variant variant) {
        Map<String, String> environment = new LinkedHashMap<>(variant.environment());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("TABLE_NAME", world.table);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.get().endpoint());
        return environment;
    }

    /** Cold start and warm calls in one process, the first call after a finished init in another. */
    private static Run run(Variant variant, TestWorld world, String event, Path bench) throws Exception {
        List<String> options = new ArrayList<>(LambdaProcess.MANAGED_RUNTIME_OPTIONS);
        options.addAll(variant.extraOptions());
        Path log = bench.resolve(variant.name().replace(' ', '-').replace(",", "") + ".log");
        double cold;
        List<Double> warm = new ArrayList<>();
        long maxRss = 0;
        long rssHalfway = 0;
        try (RuntimeApiServer api = new RuntimeApiServer("bench")) {
            long spawned = System.nanoTime();
            try (LambdaProcess process = LambdaProcess.start(javaHome(), options, variant.artifacts(),
                    variant.handler(), environment(world, variant), api, log)) {
                assertAnswer(variant, api.invoke(event, TIMEOUT));
                cold = (System.nanoTime() - spawned) / 1e6;
                for (int call = 1; call <= WARM; call++) {
                    long sent = System.nanoTime();
                    assertAnswer(variant, api.invoke(event, TIMEOUT));
                    warm.add((System.nanoTime() - sent) / 1e6);
                    if (call % 100 == 0 || call == WARM) {
                        long rss = process.residentKilobytes();
                        maxRss = Math.max(maxRss, rss);
                        if (call == WARM / 2) {
                            rssHalfway = rss;
                        }
                    }
                }
                long end = process.residentKilobytes();
                maxRss = Math.max(maxRss, end);
                rssHalfway = rssHalfway == 0 ? end : rssHalfway;
                return new Run(cold, firstCallAfterInit(variant, options, world, event, log), warm, maxRss,
                        end - rssHalfway);
            }
        }
    }

    private static double firstCallAfterInit(Variant variant, List<String> options, TestWorld world, String event,
                                             Path log) throws Exception {
        try (RuntimeApiServer api = new RuntimeApiServer("bench-init");
             LambdaProcess process = LambdaProcess.start(javaHome(), options, variant.artifacts(), variant.handler(),
                     environment(world, variant), api, log)) {
            api.firstPoll().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long sent = System.nanoTime();
            assertAnswer(variant, api.invoke(event, TIMEOUT));
            return (System.nanoTime() - sent) / 1e6;
        }
    }

    private static void assertAnswer(Variant variant, String answer) throws IOException {
        JsonNode response = JSON.readTree(answer);
        if (response.isTextual()) {
            response = JSON.readTree(response.asText());
        }
        assertEquals(variant.status(), response.path("statusCode").asInt(), answer);
    }

    /** The JDK that runs the functions: {@code -Dbench.java}, or this JVM's. */
    private static Path javaHome() {
        return Path.of(System.getProperty("bench.java", System.getProperty("java.home")));
    }

    // --- reference packages, built here: they exist only in the benchmark ---

    /** {@code base} primed at init ({@link PrimedAtInit}, in a layer of its own): "<name>, primed". */
    private static Variant primed(Variant base, Path primedLayer) {
        List<Path> layers = new ArrayList<>(base.artifacts().layers());
        layers.add(primedLayer);
        Map<String, String> environment = new HashMap<>(base.environment());
        environment.put(PrimedAtInit.HANDLER_ENV, base.handler().substring(0, base.handler().indexOf("::")));
        return new Variant(base.name() + ", primed", new LambdaPackage(base.artifacts().function(), layers),
                PrimedAtInit.class.getName() + "::handleRequest", base.extraOptions(), environment, base.status());
    }

    private static Path primedLayer(Path bench) throws IOException {
        Path lib = Files.createDirectories(bench.resolve("primed-layer/java/lib"));
        jar(lib.resolve("primed.jar"), PrimedAtInit.class);
        return lib.getParent().getParent();
    }

    private static Path helloPackage(Path bench) throws IOException {
        Path lib = Files.createDirectories(bench.resolve("hello-world/lib"));
        try (Stream<Path> old = Files.list(lib)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        copyJarOf(RequestStreamHandler.class, lib);
        copyJarOf(APIGatewayProxyRequestEvent.class, lib);
        // aws-lambda-java-events brings joda-time, which the runtime's event serialization loads.
        copyJarOf(DateTime.class, lib);
        jar(lib.resolve("hello.jar"), HelloHandler.class);
        return lib.getParent();
    }

    private static Path typicalPackage(LambdaPackage service, Path bench) throws IOException {
        Path lib = Files.createDirectories(bench.resolve("typical/lib"));
        try (Stream<Path> old = Files.list(lib)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        // As a typical build ships them: the same classes in deflated jars, without a layer.
        for (Path jar : service.jars()) {
            deflatedCopy(jar, lib.resolve(jar.getFileName()));
        }
        copyJarOf(APIGatewayProxyRequestEvent.class, lib);
        copyJarOf(DateTime.class, lib);
        jar(lib.resolve("typical.jar"), TypicalShowInstanceHandler.class);
        return lib.getParent();
    }

    /** The package's classes as the package was before the layer: one stored jar of all, the manifest first. */
    private static Path oneJarPackage(LambdaPackage service, Path bench) throws IOException {
        Path lib = Files.createDirectories(bench.resolve("one-jar/lib"));
        Path jar = lib.resolve("iotda-functions-lambda.jar");
        Files.deleteIfExists(jar);
        List<Path> jars = service.jars();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.setMethod(ZipOutputStream.STORED);
            Set<String> written = new HashSet<>();
            for (Path part : jars) {
                try (ZipFile source = new ZipFile(part.toFile())) {
                    for (ZipEntry entry : Collections.list(source.entries())) {
                        // The service's manifest first (its jar comes first), and each name once.
                        if (written.add(entry.getName())) {
                            out.putNextEntry(new ZipEntry(entry));
                            try (InputStream in = source.getInputStream(entry)) {
                                in.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return lib.getParent();
    }

    private static void deflatedCopy(Path jar, Path target) throws IOException {
        try (ZipFile source = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(source.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static void copyJarOf(Class<?> type, Path lib) throws IOException {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path target = lib.resolve(jar.getFileName());
        if (!Files.exists(target)) {
            Files.copy(jar, target);
        }
    }

    private static void jar(Path jar, Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    // --- the table ---

    /** The median of {@code values}; the benchmarks of this package take their ratios' medians with it. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Every warm call of {@code runs}, in one list. */
    private static List<Double> warmMillis(List<Run> runs) {
        List<Double> warm = new ArrayList<>();
        runs.forEach(run -> warm.addAll(run.warmMillis()));
        return warm;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static double medianOf(List<Run> runs, ToDoubleFunction<Run> figure) {
        return median(runs.stream().map(run -> figure.applyAsDouble(run)).toList());
    }



    private static String table(Map<String, List<Run>> runs, List<Variant> variants) throws IOException {
        List<Run> service = runs.get("this function");
        List<Run> primed = runs.get("this function, primed");
        List<Run> typical = runs.get("typical build");
        List<Run> hello = runs.get("hello-world");
        double coldRatio = median(pairRatios(service, hello, Run::coldMillis));
        double typicalRatio = median(pairRatios(typical, hello, Run::coldMillis));
        List<Double> warmService = warmMillis(service);
        List<Double> warmHello = warmMillis(hello);
        double warmP50 = percentile(warmService, 0.50);
        StringBuilder out = new StringBuilder();
        out.append(String.format("Functions: %d pair(s) alternating, %d warm calls each, JDK %s (%s), %d cores; "
                        + "medians over the pairs.%n%n", PAIRS, WARM, javaVersion(), javaHome(),
                Runtime.getRuntime().availableProcessors()));
        out.append("| figure | this function | typical build | hello-world | ratio |\n|---|---|---|---|---|\n");
        out.append(String.format("| spawn to first response | %.0f ms | %.0f ms | %.0f ms | %.2fx hello-world "
                        + "(typical build %.2fx) |%n", medianOf(service, Run::coldMillis),
                medianOf(typical, Run::coldMillis), medianOf(hello, Run::coldMillis), coldRatio, typicalRatio));
        out.append(String.format("| first call after init, init not counted | %.1f ms (primed: %.1f ms) | %.1f ms "
                        + "| %.1f ms | primed %.2fx this function's warm p50 |%n",
                medianOf(service, Run::firstAfterInitMillis), medianOf(primed, Run::firstAfterInitMillis),
                medianOf(typical, Run::firstAfterInitMillis), medianOf(hello, Run::firstAfterInitMillis),
                medianOf(primed, Run::firstAfterInitMillis) / warmP50));
        out.append(String.format("| init with priming (SnapStart runs it once, before the snapshot) | +%.0f ms "
                        + "| - | - | |%n", medianOf(primed, Run::coldMillis) - medianOf(service, Run::coldMillis)));
        out.append(String.format("| warm p50 / p99 (read-only call, 2 DynamoDB Local reads) | %.2f / %.2f ms | - "
                        + "| %.2f / %.2f ms | |%n", warmP50, percentile(warmService, 0.99),
                percentile(warmHello, 0.50), percentile(warmHello, 0.99)));
        out.append(String.format("| max RSS over the warm calls; growth over the last half | %.0f MB; %+.1f MB | - "
                        + "| %.0f MB; %+.1f MB | %.2fx hello-world |%n", medianOf(service, Run::maxRssKb) / 1024,
                medianOf(service, Run::rssGrowthKb) / 1024, medianOf(hello, Run::maxRssKb) / 1024,
                medianOf(hello, Run::rssGrowthKb) / 1024,
                medianOf(service, Run::maxRssKb) / medianOf(hello, Run::maxRssKb)));
        out.append("| deployment package: the zip `sam deploy` uploads (unzipped; jars) | "
                + packageCell(variants.get(0)) + " | " + packageCell(variants.get(2)) + " | "
                + packageCell(variants.get(3)) + " | |\n");
        return out.toString();
    }

    /** The function's zip and its layers' zips as sam deploy uploads them, unzipped, and the jars of all. */
    private static String packageCell(Variant variant) throws IOException {
        LambdaPackage artifacts = variant.artifacts();
        long zipped = DeploymentZip.bytes(artifacts.function());
        long unzipped = DeploymentZip.unzippedBytes(artifacts.function());
        for (Path layer : artifacts.layers()) {
            zipped += DeploymentZip.bytes(layer);
            unzipped += DeploymentZip.unzippedBytes(layer);
        }
        return String.format("%.2f MB (%.1f MB; %d jars%s)", zipped / 1e6, unzipped / 1e6, artifacts.jars().size(),
                artifacts.layers().isEmpty() ? "" : ", " + artifacts.layers().size() + " in a layer");
    }

    private static List<Double> pairRatios(List<Run> runs, List<Run> reference,
                                           ToDoubleFunction<Run> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ratios.add(figure.applyAsDouble(runs.get(i)) / figure.applyAsDouble(reference.get(i)));
        }
        return ratios;
    }

    private static String javaVersion() throws IOException {
        Path release = javaHome().resolve("release");
        if (!Files.exists(release)) {
            return System.getProperty("java.version");
        }
        return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst().orElse("?");
    }
}
