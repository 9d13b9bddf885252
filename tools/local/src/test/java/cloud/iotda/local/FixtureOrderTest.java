package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.json.JsonTrees;
import cloud.iotda.template.Template;
import cloud.iotda.testing.FixtureAnswers;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every events/ fixture, invoked as `sam local invoke` invokes it (the function's handler, made from the
 * environment, the event in, the answer out) against one freshly started local API on the demo seed, in several
 * orders: each gets the answer it is documented to get, whatever ran before it.
 */
class FixtureOrderTest {
    private static final Path ROOT = LocalApiEndToEndTest.repoRoot();
    private static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));

    /** A fixture and the function template.yaml sends it to. */
    record Fixture(String file, String function, String json) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith("env")) {
                    continue;
                }
                String json = Files.readString(file);
                fixtures.add(new Fixture(name, functionOf(name, JsonTrees.read(json.getBytes(StandardCharsets.UTF_8))),
                        json));
            }
        }
        return fixtures;
    }

    private static String functionOf(String file, JsonNode event) {
        if (!event.has("httpMethod")) {
            return FixtureAnswers.SCHEDULED.get(file);
        }
        Template.ApiEvent route = new Template.ApiEvent(event.get("httpMethod").asText(),
                event.get("resource").asText());
        return TEMPLATE.functions().values().stream().filter(function -> function.events().contains(route))
                .map(Template.Function::logicalId).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": template.yaml routes no function for " + route));
    }

    /** The template's order (as a user goes down the functions), its reverse, by name, and two shuffles. */
    static Stream<Arguments> orders() throws IOException {
        List<Fixture> fixtures = fixtures();
        List<String> functionOrder = new ArrayList<>(TEMPLATE.functions().keySet());
        List<Fixture> templateOrder = new ArrayList<>(fixtures);
        templateOrder.sort(Comparator.comparing((Fixture f) -> functionOrder.indexOf(f.function()))
                .thenComparing(Fixture::file));
        List<Fixture> reversed = new ArrayList<>(templateOrder);
        Collections.reverse(reversed);
        List<Fixture> shuffled = new ArrayList<>(fixtures);
        Collections.shuffle(shuffled, new Random(16));
        List<Fixture> shuffledAgain = new ArrayList<>(fixtures);
        Collections.shuffle(shuffledAgain, new Random(1616));
        return Stream.of(Arguments.of("template order", templateOrder),
                Arguments.of("reverse template order", reversed), Arguments.of("by name", fixtures),
                Arguments.of("shuffled (seed 16)", shuffled), Arguments.of("shuffled (seed 1616)", shuffledAgain));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void everyFixtureGetsItsAnswerOnAFreshLocalApiWhateverRanBefore(String name, List<Fixture> order)
            throws Exception {
        List<String> wrong = new ArrayList<>();
        try (LocalApi api = LocalApi.start(new LocalApi.Options(0, 0, null, null, ROOT.resolve("template.yaml")))) {
            // One handler per function, made as Lambda makes it once the local API has set the environment.
            Map<String, RequestStreamHandler> handlers = new HashMap<>();
            for (Fixture fixture : order) {
                RequestStreamHandler handler = handlers.computeIfAbsent(fixture.function(), FixtureOrderTest::handler);
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(fixture.json().getBytes(StandardCharsets.UTF_8)),
                        output, null);
                JsonNode answer = JsonTrees.read(output.toByteArray());
                String problem = FixtureAnswers.SCHEDULED.containsKey(fixture.file()) ? processorProblem(answer)
                        : answerProblem(FixtureAnswers.EXPECTED.get(fixture.file()), answer);
                if (problem != null) {
                    wrong.add(fixture.file() + " (" + fixture.function() + "): " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong, "in " + name + ": " + order);
    }

    private static String answerProblem(FixtureAnswers.Expected expected, JsonNode answer) {
        int status = answer.path("statusCode").asInt();
        String body = answer.path("body").asText("");
        if (status != expected.status()) {
            return "status " + status + " instead of " + expected.status() + ": " + body;
        }
        if (expected.errorCode() != null && !body.contains("\"error_code\":\"" + expected.errorCode() + "\"")) {
            return "not " + expected.errorCode() + ": " + body;
        }
        return null;
    }

    /**
     * The processor's report: due orders (the fixtures' delayed ones among them) run or wait, none fails, and the
     * demo seed's expired auto-renewing subscription is renewed (the one run of each order's fresh local API).
     */
    private static String processorProblem(JsonNode report) {
        boolean noneFailed = report.path("failed").isInt() && report.get("failed").asInt() == 0;
        boolean renewed = report.path("renewed").asInt() >= 1;
        return noneFailed && renewed ? null : "report " + report;
    }

    private static RequestStreamHandler handler(String function) {
        String className = TEMPLATE.functions().get(function).handler().split("::")[0];
        try {
            return (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(function + ": " + className, e);
        }
    }

    @Test
    void everyFunctionHasAFixtureThatSucceeds() throws IOException {
        List<Fixture> fixtures = fixtures();
        for (Template.Function function : TEMPLATE.functions().values()) {
            boolean succeeds = fixtures.stream().filter(fixture -> fixture.function().equals(function.logicalId()))
                    .anyMatch(fixture -> FixtureAnswers.SCHEDULED.containsKey(fixture.file())
                            || FixtureAnswers.EXPECTED.get(fixture.file()).status() / 100 == 2);
            assertTrue(succeeds, function.logicalId() + " has no fixture that answers 2xx");
        }
    }
}
