package cloud.iotda.edge;

import static cloud.iotda.testing.TestWorld.OTHER_PROJECT_TOKEN;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.testing.TestWorld.Response;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented order of checks holds on every route alike: a request whose every input is wrong (path ids,
 * query, body, media type) is answered by its credentials first, 401 without any and 403 for another project's, and
 * only with the project's own by the input (400).
 */
class CredentialsFirstTest {
    private static final Map<String, String> BAD_PATH = Map.of("project_id", PROJECT, "instance_id", "NOT AN ID!",
            "order_id", "not-an-order", "task_id", "not a task", "resource_id", "NOT AN ID!");
    private static final Map<String, String> BAD_QUERY = Map.of("limit", "-1", "offset", "x", "marker", "?",
            "instance_type", "huge", "name", "!");
    private final TestWorld world = TestWorld.inMemory();

    private Response badRequest(Operation operation, Route route, String token) {
        return world.send(operation, route.method(), BAD_PATH, BAD_QUERY, "{not json", token);
    }

    static Stream<Operation> operationsOf(Operation.Api api) {
        return Stream.of(Operation.values()).filter(operation -> operation.api() == api);
    }

    static Stream<Operation> iotdaOperations() {
        return operationsOf(Operation.Api.IOTDA);
    }

    static Stream<Operation> bssOperations() {
        return operationsOf(Operation.Api.BSS);
    }

    @ParameterizedTest
    @MethodSource("iotdaOperations")
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

    /**
     * IAM's routes in IAM's codes: 401 without credentials, 403 for credentials made for one project (they belong
     * to no account), and only with an account's by the input; the token route takes none and reads its body.
     */
    @ParameterizedTest
    @EnumSource(value = Operation.class, names = "KEYSTONE_LIST_.*", mode = EnumSource.Mode.MATCH_ANY)
    void iamRoutesAnswerCredentialsBeforeInput(Operation operation) {
        Account account = world.service.identity().createAccount("tenant");
        Project project = world.service.identity().createProject("tenant", "cn-north-4");
        world.credentials.saveToken(new StoredToken(Sha256.of("account-token"), project.projectId(),
                account.domainId(), "tester", Instant.parse("2030-01-01T00:00:00Z")));
        Route route = operation.routes().get(0);
        Response none = badRequest(operation, route, null);
        assertEquals(401, none.status());
        assertEquals("IAM.0001", none.errorCode());
        Response projectOnly = badRequest(operation, route, OTHER_PROJECT_TOKEN);
        assertEquals(403, projectOnly.status());
        assertEquals("IAM.0002", projectOnly.errorCode());
        Response own = badRequest(operation, route, "account-token");
        // Only ListProjects reads parameters; the others have no input to be wrong.
        assertEquals(operation == Operation.KEYSTONE_LIST_PROJECTS ? 400 : 200, own.status(), own.body().toString());
    }

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = "KEYSTONE_CREATE_.*", mode = EnumSource.Mode.MATCH_ANY)
    void theTokenRouteTakesNoCredentialsAndReadsItsBody(Operation operation) {
        Response answer = badRequest(operation, operation.routes().get(0), null);
        assertEquals(400, answer.status());
        assertEquals("IAM.0011", answer.errorCode());
    }

    /**
     * The billing API's routes in its codes: 401 as API Gateway answers it, 403 for credentials made for one project,
     * and only with an account's by the input.
     */
    @ParameterizedTest
    @MethodSource("bssOperations")
    void billingRoutesAnswerCredentialsBeforeInput(Operation operation) {
        Route route = operation.routes().get(0);
        Response none = badRequest(operation, route, null);
        assertEquals(401, none.status());
        assertEquals("APIGW.0301", none.errorCode());
        Response projectOnly = badRequest(operation, route, OTHER_PROJECT_TOKEN);
        assertEquals(403, projectOnly.status());
        assertEquals("CBC.0151", projectOnly.errorCode());
        Response own = badRequest(operation, route, TestWorld.ACCOUNT_TOKEN);
        assertEquals(400, own.status(), own.body().toString());
        assertEquals("CBC.0100", own.errorCode());
    }
}
