package cloud.iotda.edge;

import java.util.List;

/** The operations of the API and the routes each one answers; template.yaml must route exactly these. */
public enum Operation {
    SHOW_INSTANCE(new Route("GET", Route.INSTANCE)),
    UPDATE_INSTANCE(new Route("PUT", Route.INSTANCE)),
    LIST_ORDERS(new Route("GET", Route.INSTANCE + "/orders")),
    SHOW_ORDER(new Route("GET", Route.INSTANCE + "/orders/{order_id}")),
    RESIZE(new Route("POST", Route.INSTANCE + "/resize")),
    // The published example uses PUT, so both methods reach the same function.
    CHANGE_CHARGE_MODE(new Route("POST", Route.INSTANCE + "/change-charge-mode"),
            new Route("PUT", Route.INSTANCE + "/change-charge-mode"));

    private final List<Route> routes;

    Operation(Route... routes) {
        this.routes = List.of(routes);
    }

    public List<Route> routes() {
        return routes;
    }
}
