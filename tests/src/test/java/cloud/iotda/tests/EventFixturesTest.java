package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every API Gateway event in events/ goes through the handler that template.yaml routes it to. */
class EventFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() throws IOException {
        return eventFiles().stream().filter(file -> !FixtureExpectations.SCHEDULED.containsKey(file));
    }

    static Stream<String> scheduledFixtures() throws IOException {
        return eventFiles().stream().filter(FixtureExpectations.SCHEDULED::containsKey);
    }

    static List<String> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(RepoFiles.events())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.startsWith("env"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyFixtureHasAnExpectedAnswer() throws IOException {
        Set<String> files = new TreeSet<>(eventFiles());
        Set<String> expected = new TreeSet<>(FixtureExpectations.EXPECTED.keySet());
        expected.addAll(FixtureExpectations.SCHEDULED.keySet());
        assertEquals(expected, files,
                "events/ and the expectations of this test must name the same fixtures");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureGetsItsDocumentedAnswer(String file) throws Exception {
        TestWorld world = new TestWorld();
        String json = Files.readString(RepoFiles.events().resolve(file));
        APIGatewayProxyRequestEvent event =
                EventLoader.loadApiGatewayRestEvent(RepoFiles.events().resolve(file).toString());
        List<?> before = world.allItems();

        JsonNode response = JSON.readTree(Handlers.invoke(
                Handlers.functionFor(event.getHttpMethod(), event.getResource()), world.service, json));

        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        FixtureExpectations.assertAnswer(file, event, response.get("statusCode").asInt(), headers,
                response.hasNonNull("body") ? response.get("body").asText() : null, world, before);
    }

    @ParameterizedTest
    @MethodSource("scheduledFixtures")
    void scheduledFixtureRunsTheProcessor(String file) throws Exception {
        TestWorld world = new TestWorld();
        String report = Handlers.invoke(Template.load(RepoFiles.template()).functions()
                .get(FixtureExpectations.SCHEDULED.get(file)), world.service,
                Files.readString(RepoFiles.events().resolve(file)));
        FixtureExpectations.assertProcessorReport(report);
    }
}
