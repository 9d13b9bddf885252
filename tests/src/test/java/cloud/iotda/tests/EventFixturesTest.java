package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.Service;
import cloud.iotda.template.Template;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every API Gateway event in events/ goes through the handler that template.yaml routes it to. */
class EventFixturesTest {
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
        APIGatewayProxyRequestEvent event =
                EventLoader.loadApiGatewayRestEvent(RepoFiles.events().resolve(file).toString());
        List<?> before = world.allItems();

        APIGatewayProxyResponseEvent response = Handlers.create(event, world.service).handleRequest(event, null);

        FixtureExpectations.assertAnswer(file, event, response.getStatusCode(), response.getHeaders(),
                response.getBody(), world, before);
    }

    @ParameterizedTest
    @MethodSource("scheduledFixtures")
    void scheduledFixtureRunsTheProcessor(String file) throws Exception {
        TestWorld world = new TestWorld();
        ScheduledEvent event = EventLoader.loadScheduledEvent(RepoFiles.events().resolve(file).toString());
        Class<?> type = Handlers.handlerClass(Template.load(RepoFiles.template()).functions()
                .get(FixtureExpectations.SCHEDULED.get(file)));
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<ScheduledEvent, String>) type.getConstructor(Service.class)
                .newInstance(world.service);
        FixtureExpectations.assertProcessorReport(handler.handleRequest(event, null));
    }
}
