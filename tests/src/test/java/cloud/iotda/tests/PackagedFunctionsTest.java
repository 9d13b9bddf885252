package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import cloud.iotda.tests.lambda.SamLocalEnvironment;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What ships is what is tested: each function's package, built as `sam build` builds it (deploy/Makefile), started
 * in its own JVM by the Lambda runtime interface client with only the package (and that client) on the classpath,
 * the handler string and environment from template.yaml, and every events/ fixture sent through the Runtime API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** Classes of tests or tooling, and of HTTP clients other than the one the functions use. */
    private static final Pattern FORBIDDEN_CLASS = Pattern.compile(
            "(com/amazonaws/services/dynamodbv2/|com/almworks/sqlite4java/|org/junit/|org/opentest4j/|org/mockito/"
                    + "|com/huaweicloud/|com/amazonaws/services/lambda/runtime/tests/|cloud/iotda/template/"
                    + "|cloud/iotda/testing/|com/fasterxml/jackson/dataformat/yaml/|org/yaml/snakeyaml/"
                    + "|software/amazon/awssdk/http/apache/|software/amazon/awssdk/http/nio/"
                    + "|software/amazon/awssdk/http/crt/"
                    + "|org/apache/http/|okhttp3/|org/eclipse/jetty/|org/joda/time/).*");

    /** Someone else's key and region than the ones that created the tables: DynamoDB Local must share them. */
    private static final SamLocalEnvironment.Caller CALLER =
            new SamLocalEnvironment.Caller("AKIDEXAMPLEUSER", "user-secret", "eu-central-1");

    private final Template template = Template.load(RepoFiles.template());
    private final Map<String, Deployed> deployed = new LinkedHashMap<>();

    /** A function as Lambda would run it: its package, its process, its Runtime API and its table. */
    private record Deployed(LambdaPackage artifacts, RuntimeApiServer runtimeApi, LambdaProcess process,
                            TestWorld world) {
    }

    @BeforeAll
    void buildAndStartEveryFunction() throws Exception {
        Path logs = Files.createDirectories(RepoFiles.root().resolve("tests/target/lambda-logs"));
        // One build as sam build makes it, then all JVMs start at once.
        Map<String, LambdaPackage> packages = new LinkedHashMap<>();
        for (String logicalId : template.functions().keySet()) {
            packages.put(logicalId, SamBuild.packageOf(logicalId));
        }
        long started = System.nanoTime();
        for (Template.Function function : template.functions().values()) {
            TestWorld world = new TestWorld();
            RuntimeApiServer runtimeApi = new RuntimeApiServer(function.logicalId());
            LambdaProcess process = LambdaProcess.start(packages.get(function.logicalId()), function.handler(),
                    environment(function.logicalId(), world.table), runtimeApi, logs.resolve(function.logicalId()));
            deployed.put(function.logicalId(),
                    new Deployed(packages.get(function.logicalId()), runtimeApi, process, world));
        }
        // First answers: an API event refused before any database call, or one processor run on an empty table.
        String unauthenticated = Files.readString(RepoFiles.events().resolve("resize-no-token.json"));
        String scheduled = Files.readString(RepoFiles.events().resolve("order-processor.json"));
        for (Map.Entry<String, Deployed> entry : deployed.entrySet()) {
            boolean isScheduled = !template.functions().get(entry.getKey()).schedules().isEmpty();
            entry.getValue().runtimeApi().invoke(isScheduled ? scheduled : unauthenticated, ANSWER_TIMEOUT);
            System.out.printf("%s: first answer %d ms after its JVM was started (all %d started together)%n",
                    entry.getKey(), Duration.ofNanos(System.nanoTime() - started).toMillis(), deployed.size());
        }
    }

    @AfterAll
    void stopEveryFunction() throws Exception {
        for (Deployed function : deployed.values()) {
            function.process().close();
            function.runtimeApi().close();
        }
    }

    /**
     * The environment {@code sam local invoke --env-vars events/env.local.json} gives the function (SAM's rule:
     * declared variables only), for a caller with their own key and region. The file is used as documented except
     * for the two values that name the local API's DynamoDB: the Docker host alias becomes this JVM's DynamoDB
     * Local, and the table the function's own test table.
     */
    private Map<String, String> environment(String logicalId, String table) throws Exception {
        String file = Files.readString(RepoFiles.events().resolve("env.local.json"))
                .replace("http://host.docker.internal:8000", LocalDynamoDb.get().endpoint())
                .replace("\"iotda-local\"", "\"" + table + "\"");
        Map<String, String> environment = new LinkedHashMap<>(
                SamLocalEnvironment.resolve(template, logicalId, JSON.readTree(file), Map.of(), CALLER));
        // What Lambda sets from the function's LoggingConfig, and the runtime interface client reads.
        Map<String, JsonNode> logging = template.loggingConfig(logicalId);
        environment.put("AWS_LAMBDA_LOG_FORMAT", logging.getOrDefault("LogFormat", TextNode.valueOf("Text")).asText());
        environment.put("AWS_LAMBDA_LOG_LEVEL", logging.getOrDefault("ApplicationLogLevel", TextNode.valueOf("INFO"))
                .asText());
        return environment;
    }

    static Stream<String> fixtures() throws Exception {
        return EventFixturesTest.fixtures();
    }

    @Test
    void scheduledFixturesRunThePackagedProcessor() throws Exception {
        for (Map.Entry<String, String> fixture : FixtureExpectations.SCHEDULED.entrySet()) {
            Deployed function = deployed.get(fixture.getValue());
            function.world().reset();
            String answer = function.runtimeApi().invoke(Files.readString(RepoFiles.events().resolve(fixture.getKey())),
                    ANSWER_TIMEOUT);
            FixtureExpectations.assertProcessorReport(answer);
        }
        assertEveryLogLineIsJsonWithTheInvocationsRequestId("OrderProcessorFunction", "order processor run");
    }

    /**
     * With the template's JSON log format, the runtime interface client writes every line of the function as JSON
     * with the invocation's AWSRequestId (the JVM's own notice of JAVA_TOOL_OPTIONS aside); {@code expected} is among
     * the messages.
     */
    private static void assertEveryLogLineIsJsonWithTheInvocationsRequestId(String function, String expected)
            throws Exception {
        List<String> lines = Files.readAllLines(RepoFiles.root().resolve("tests/target/lambda-logs/" + function));
        boolean found = false;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                continue;
            }
            JsonNode json = JSON.readTree(line);
            assertTrue(json.path("AWSRequestId").asText().matches("[0-9a-f-]{36}"), line);
            found |= json.path("message").asText().contains(expected);
        }
        assertTrue(found, function + " logged " + expected);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureGetsItsDocumentedAnswerFromThePackagedFunction(String file) throws Exception {
        String eventJson = Files.readString(RepoFiles.events().resolve(file));
        APIGatewayProxyRequestEvent event =
                EventLoader.loadApiGatewayRestEvent(RepoFiles.events().resolve(file).toString());
        Deployed function = deployed.get(Handlers.functionFor(event.getHttpMethod(), event.getResource()).logicalId());
        function.world().reset();
        List<?> before = function.world().allItems();

        JsonNode response = JSON.readTree(function.runtimeApi().invoke(eventJson, ANSWER_TIMEOUT));

        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        FixtureExpectations.assertAnswer(file, event, response.get("statusCode").asInt(), headers,
                response.hasNonNull("body") ? response.get("body").asText() : null, function.world(), before);
    }

    @Test
    void eachFunctionShipsTheServicesClassesAndItsLayerTheDependenciesStoredWithoutTestClasses() throws Exception {
        // The functions share one layer: its classes and sizes are read once, not once per function.
        Map<Path, List<String>> layerClasses = new HashMap<>();
        Map<Path, long[]> layerBytes = new HashMap<>();
        for (Map.Entry<String, Deployed> entry : deployed.entrySet()) {
            LambdaPackage artifacts = entry.getValue().artifacts();
            assertEquals(1, artifacts.layers().size(), entry.getKey() + ": one layer");
            List<Path> jars = artifacts.jars();
            assertEquals(List.of("iotda-functions.jar", "iotda-dependencies.jar"),
                    jars.stream().map(jar -> jar.getFileName().toString()).toList(), entry.getKey() + ": " + jars);
            List<String> own = classesOf(jars.get(0));
            List<String> dependencies = layerClasses.get(jars.get(1));
            if (dependencies == null) {
                dependencies = classesOf(jars.get(1));
                layerClasses.put(jars.get(1), dependencies);
            }
            for (String name : own) {
                assertTrue(name.startsWith("cloud/iotda/"), entry.getKey() + "'s own jar holds " + name);
            }
            for (String name : dependencies) {
                assertFalse(name.startsWith("cloud/iotda/"), "the layer holds the service's " + name);
            }
            for (String name : concat(own, dependencies)) {
                assertFalse(FORBIDDEN_CLASS.matcher(name).matches(), entry.getKey() + " ships " + name);
            }
            assertTrue(dependencies.contains("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class"),
                    entry.getKey() + ": the one HTTP client");
            assertTrue(own.contains("cloud/iotda/Service.class"));
            assertTrue(own.contains("cloud/iotda/functions/ApiHandler.class"));
            long function = DeploymentZip.bytes(artifacts.function());
            long[] layerSizes = layerBytes.get(artifacts.layers().get(0));
            if (layerSizes == null) {
                layerSizes = new long[] {DeploymentZip.bytes(artifacts.layers().get(0)),
                    DeploymentZip.unzippedBytes(artifacts.layers().get(0))};
                layerBytes.put(artifacts.layers().get(0), layerSizes);
            }
            long layer = layerSizes[0];
            long unzipped = DeploymentZip.unzippedBytes(artifacts.function()) + layerSizes[1];
            System.out.printf("package %s: %d own classes (%,d bytes as sam deploy zips them), %d in its layer "
                    + "(%,d bytes zipped), %,d bytes unzipped with the layer%n", entry.getKey(), own.size(), function,
                    dependencies.size(), layer, unzipped);
            assertTrue(function + layer < 8_000_000, entry.getKey() + " is " + (function + layer)
                    + " bytes as sam deploy zips it and its layer");
            assertTrue(unzipped < 250_000_000, "Lambda's limit on a function and its layers unzipped");
        }
    }

    /** A jar's classes, checked to be stored, not deflated, with the manifest first and multi-release set. */
    private static List<String> classesOf(Path jarFile) throws IOException {
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            // Stored: the zip that sam deploy makes deflates it as one stream (smaller), and the class loader reads
            // classes without inflating them.
            jar.stream().forEach(file -> assertEquals(ZipEntry.STORED, file.getMethod(), file.getName()));
            assertEquals("META-INF/MANIFEST.MF", jar.stream().filter(file -> !file.isDirectory()).findFirst()
                    .orElseThrow().getName(), "the manifest first, where a JarInputStream reads it");
            assertEquals("true", jar.getManifest().getMainAttributes().getValue("Multi-Release"));
            return jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    // --- a function that cannot start fails the test with the function's own message ---

    private static String failureOf(LambdaPackage artifacts, String handler, Map<String, String> environment,
                                    Path log)
            throws Exception {
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer("broken")) {
            try (LambdaProcess process = LambdaProcess.start(artifacts, handler, environment, runtimeApi, log)) {
                return assertThrows(RuntimeApiServer.FunctionFailure.class,
                        () -> runtimeApi.invoke(Files.readString(RepoFiles.events().resolve("resize.json")),
                                ANSWER_TIMEOUT))
                        .getMessage();
            }
        }
    }

    private Map<String, String> resizeEnvironment() throws Exception {
        return environment("ResizeFunction", deployed.get("ResizeFunction").world().table);
    }

    @Test
    void missingHandlerClassFailsInit(@TempDir Path tmp) throws Exception {
        String message = failureOf(deployed.get("ResizeFunction").artifacts(),
                "cloud.iotda.functions.NoSuchHandler::handleRequest", resizeEnvironment(), tmp.resolve("log"));
        assertTrue(message.contains("cloud.iotda.functions.NoSuchHandler"), message);
    }

    @Test
    void missingDependencyFailsInit(@TempDir Path tmp) throws Exception {
        // The layer's jar without the DynamoDB Enhanced Client, as if a dependency had been left out.
        LambdaPackage deployedPackage = deployed.get("ResizeFunction").artifacts();
        Path brokenLayer = tmp.resolve("layer");
        Files.createDirectories(brokenLayer.resolve("java/lib"));
        Path original = deployedPackage.jars().get(1);
        LambdaPackage broken = new LambdaPackage(deployedPackage.function(), List.of(brokenLayer));
        try (JarFile in = new JarFile(original.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(
                     brokenLayer.resolve("java/lib/without.jar")))) {
            for (JarEntry entry : in.stream().toList()) {
                // Its classes and the interceptor list it brings.
                if (!entry.getName().startsWith("software/amazon/awssdk/enhanced/dynamodb/")
                        && !entry.getName().equals("software/amazon/awssdk/services/dynamodb/execution.interceptors")) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        String message = failureOf(broken, template.functions().get("ResizeFunction").handler(), resizeEnvironment(),
                tmp.resolve("log"));
        assertTrue(message.contains("software/amazon/awssdk/enhanced/dynamodb"), message);
    }

    @Test
    void missingTableNameFailsInit(@TempDir Path tmp) throws Exception {
        Map<String, String> environment = resizeEnvironment();
        environment.remove("TABLE_NAME");
        String message = failureOf(deployed.get("ResizeFunction").artifacts(),
                template.functions().get("ResizeFunction").handler(), environment, tmp.resolve("log"));
        assertTrue(message.contains("environment variable TABLE_NAME is not set"), message);
    }
}
