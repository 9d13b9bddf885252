package cloud.iotda.edge;

import static cloud.iotda.testing.TestWorld.OTHER_PROJECT_TOKEN;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.testing.TestWorld;
import cloud.iotda.testing.TestWorld.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documented order of checks holds on every route alike: a request whose every input is wrong (path ids,
 * query, body, media type) is answered by its credentials first, 401 without any and 403 for another project's, and
 * only with the project's own by the input (400).
 */
class CredentialsFirstTest {
    private static final Map<String, String> BAD_PATH = Map.of("project_id", PROJECT, "instance_id", "NOT AN ID!",
            "order_id", "not-an-order", "task_id", "not a task");
    private static final Map<String, String> BAD_QUERY = Map.of("limit", "-1", "offset", "x", "marker", "?",
            "instance_type", "huge", "name", "!");
    private final TestWorld world = TestWorld.inMemory();

    private Response badRequest(Operation operation, Route route, String token) {
        return world.send(operation, route.method(), BAD_PATH, BAD_QUERY, "{not json", token);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyRouteAnswersCredentialsBeforeInput(Operation operation) {
        for (Route route : operation.routes()) {
            String what = route.method() + " " + route.path();
            Response none = badRequest(operation, route, null);
            assertEquals(401, none.status(), what);
            assertEquals("IOTDA.000002", none.errorCode(), what);
            Response other = badRequest(operation, route, OTHER_PROJECT_TOKEN);
            assertEquals(403, other.status(), what);
            assertEquals("IOTDA.000004", other.errorCode(), what);
            assertEquals(400, badRequest(operation, route, TOKEN).status(), what);
        }
    }
}
