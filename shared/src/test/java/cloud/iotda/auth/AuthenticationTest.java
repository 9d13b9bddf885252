package cloud.iotda.auth;

import static cloud.iotda.testing.TestWorld.EXPIRED_TOKEN;
import static cloud.iotda.testing.TestWorld.OTHER_PROJECT;
import static cloud.iotda.testing.TestWorld.OTHER_PROJECT_TOKEN;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.api.Operation;
import cloud.iotda.testing.TestWorld.Response;
import cloud.iotda.testing.TestWorld;
import org.junit.jupiter.api.Test;

/** Credentials are checked first: 401 when they prove nothing, 403 when they belong to another project. */
class AuthenticationTest {
    private static final String VALID_BODY = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
    private final TestWorld world = new TestWorld();

    private Response resizeWith(String token, String body) {
        return world.call(Operation.RESIZE, "POST", STANDARD, body, token);
    }

    private static void assertUnauthorized(Response response, String detail) {
        assertEquals(401, response.status());
        assertEquals("IOTDA.000002", response.errorCode());
        assertEquals("The request is unauthorized: " + detail + ".", response.errorMessage());
    }

    @Test
    void rejectsMissingToken() {
        assertUnauthorized(resizeWith(null, VALID_BODY), "no credentials were sent");
    }

    @Test
    void rejectsEmptyToken() {
        assertUnauthorized(resizeWith("  ", VALID_BODY), "the X-Auth-Token is malformed");
    }

    @Test
    void rejectsTokenLongerThan1024000Chars() {
        assertUnauthorized(resizeWith("a".repeat(1_024_001), VALID_BODY), "the X-Auth-Token is malformed");
    }

    @Test
    void rejectsUnknownTokenOfTheMaximumLength() {
        assertUnauthorized(resizeWith("a".repeat(1_024_000), VALID_BODY), "the X-Auth-Token is not valid");
    }

    @Test
    void rejectsExpiredToken() {
        assertUnauthorized(resizeWith(EXPIRED_TOKEN, VALID_BODY), "the X-Auth-Token has expired");
    }

    @Test
    void rejectsTokenOfAnotherProjectWith403() {
        Response response = resizeWith(OTHER_PROJECT_TOKEN, VALID_BODY);
        assertEquals(403, response.status());
        assertEquals("IOTDA.000004", response.errorCode());
    }

    @Test
    void tokenOfThePathsProjectIsAcceptedEvenForAnInstanceItDoesNotHave() {
        Response response = world.call(Operation.RESIZE, "POST", OTHER_PROJECT, STANDARD, VALID_BODY, OTHER_PROJECT_TOKEN);
        assertEquals(404, response.status(), "the instance lives in another project");
    }

    @Test
    void checksCredentialsBeforeInput() {
        assertUnauthorized(resizeWith(null, "not json"), "no credentials were sent");
        assertEquals(403, resizeWith(OTHER_PROJECT_TOKEN, "not json").status());
        assertEquals(403, world.call(Operation.RESIZE, "POST", "NOT-AN-ID", VALID_BODY, OTHER_PROJECT_TOKEN).status());
    }

    @Test
    void checksInputBeforeTheInstanceExists() {
        Response response = world.call(Operation.RESIZE, "POST", "2a2b3c4d-0000-4000-8000-0000000000ff", "{}", TOKEN);
        assertEquals(400, response.status());
        assertEquals("Invalid input data: flavor is required.", response.errorMessage());
    }

    @Test
    void everyAnswerCarriesARequestIdAndJson() {
        for (Response response : new Response[] {resizeWith(null, VALID_BODY), resizeWith(TOKEN, VALID_BODY)}) {
            assertTrue(response.headers().get("X-Request-Id").length() > 8);
            assertEquals("application/json", response.headers().get("Content-Type"));
        }
    }
}
