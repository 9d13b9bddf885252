package cloud.iotda.api;

import java.util.List;

/** The operations of the API and the routes each one answers; template.yaml must route exactly these. */
public enum Operation {
    SHOW_INSTANCE(List.of(new Route("GET", Route.INSTANCE))),
    UPDATE_INSTANCE(List.of(new Route("PUT", Route.INSTANCE))),
    LIST_ORDERS(List.of(new Route("GET", Route.INSTANCE + "/orders"))),
    SHOW_ORDER(List.of(new Route("GET", Route.INSTANCE + "/orders/{order_id}"))),
    RESIZE(List.of(new Route("POST", Route.INSTANCE + "/resize"))),
    // The published example uses PUT, so both methods reach the same function.
    CHANGE_CHARGE_MODE(List.of(
            new Route("POST", Route.INSTANCE + "/change-charge-mode"),
            new Route("PUT", Route.INSTANCE + "/change-charge-mode")));

    private final List<Route> routes;

    Operation(List<Route> routes) {
        this.routes = routes;
    }

    public List<Route> routes() {
        return routes;
    }
}
