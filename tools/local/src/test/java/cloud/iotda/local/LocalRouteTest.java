package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request reaches the route API Gateway would pick: literal segments win, whatever the template's order. */
class LocalRouteTest {
    private static final String INSTANCES = "/v5/iot/{project_id}/iotda-instances";

    private static LocalRoute route(String method, String path) {
        return new LocalRoute(method, path, LocalRoute.split(path), null);
    }

    private static final List<LocalRoute> ROUTES = List.of(
            route("GET", INSTANCES),
            route("GET", INSTANCES + "/{instance_id}"),
            route("GET", INSTANCES + "/flavors"),
            route("GET", INSTANCES + "/{instance_id}/orders"),
            route("GET", INSTANCES + "/{instance_id}/orders/{order_id}"),
            route("POST", INSTANCES + "/{instance_id}/resize"));

    @Test
    void aLiteralSegmentIsNeverReadAsAnInstanceIdInEitherOrder() {
        List<LocalRoute> reversed = new ArrayList<>(ROUTES);
        Collections.reverse(reversed);
        assertLiteralWins(ROUTES);
        assertLiteralWins(reversed);
    }

    private static void assertLiteralWins(List<LocalRoute> routes) {
        LocalRoute.Match flavors = LocalRoute.match(routes, "GET", "/v5/iot/p1/iotda-instances/flavors");
        assertEquals(INSTANCES + "/flavors", flavors.route().path());
        assertEquals(Map.of("project_id", "p1"), flavors.pathParameters());
        LocalRoute.Match instance = LocalRoute.match(routes, "GET", "/v5/iot/p1/iotda-instances/flavorz");
        assertEquals(INSTANCES + "/{instance_id}", instance.route().path());
        assertEquals(Map.of("project_id", "p1", "instance_id", "flavorz"), instance.pathParameters());
    }

    @Test
    void matchesTheMethodAndTheWholePath() {
        assertEquals(INSTANCES + "/{instance_id}/orders/{order_id}", LocalRoute.match(ROUTES, "GET",
                "/v5/iot/p1/iotda-instances/i1/orders/CS2601151000ABCDE").route().path());
        assertNull(LocalRoute.match(ROUTES, "POST", "/v5/iot/p1/iotda-instances/i1/orders"), "no POST route");
        assertNull(LocalRoute.match(ROUTES, "GET", "/v5/iot/p1/iotda-instances/i1/orders/o1/more"));
        assertNull(LocalRoute.match(ROUTES, "GET", "/v5/iot/p1/iotda-instances//orders"), "an empty id");
        assertEquals(INSTANCES, LocalRoute.match(ROUTES, "get", "/v5/iot/p1/iotda-instances/").route().path());
    }

    @Test
    void decodesPercentEncodedParameters() {
        assertEquals("a b", LocalRoute.match(ROUTES, "GET", "/v5/iot/p1/iotda-instances/a%20b")
                .pathParameters().get("instance_id"));
    }
}
