package cloud.iotda.edge;

import java.util.List;

/**
 * The operations of the API (the nine of the official SDK's IoTDMClient 3.1.143, those the newer SDKs add, and the
 * order queries) and the routes each answers; template.yaml must route exactly these.
 */
public enum Operation {
    LIST_INSTANCES(new Route("GET", Route.INSTANCES)),
    // A literal segment beats {instance_id}, in API Gateway and in the local API alike.
    LIST_FLAVORS(new Route("GET", Route.INSTANCES + "/flavors")),
    CREATE_INSTANCE(new Route("POST", Route.INSTANCES)),
    SHOW_INSTANCE(new Route("GET", Route.INSTANCE)),
    UPDATE_INSTANCE(new Route("PUT", Route.INSTANCE)),
    DELETE_INSTANCE(new Route("DELETE", Route.INSTANCE)),
    BIND_TAGS(new Route("POST", Route.INSTANCE + "/bind-tags")),
    UNBIND_TAGS(new Route("POST", Route.INSTANCE + "/unbind-tags")),
    LIST_ORDERS(new Route("GET", Route.INSTANCE + "/orders")),
    SHOW_ORDER(new Route("GET", Route.INSTANCE + "/orders/{order_id}")),
    LIST_TASKS(new Route("GET", Route.INSTANCE + "/tasks")),
    SHOW_TASK(new Route("GET", Route.INSTANCE + "/tasks/{task_id}")),
    RETRY_TASK(new Route("POST", Route.INSTANCE + "/tasks/{task_id}/retry")),
    RESIZE(new Route("POST", Route.INSTANCE + "/resize")),
    // The SDK sends POST and the published example uses PUT, so both methods reach the same function.
    CHANGE_CHARGE_MODE(new Route("POST", Route.INSTANCE + "/change-charge-mode"),
            new Route("PUT", Route.INSTANCE + "/change-charge-mode")),
    // IAM's operations that a client of IoTDA uses, on the same API: the SDKs' own names.
    KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD(new Route("POST", "/v3/auth/tokens")),
    KEYSTONE_LIST_PROJECTS(new Route("GET", "/v3/projects")),
    KEYSTONE_LIST_AUTH_PROJECTS(new Route("GET", "/v3/auth/projects")),
    KEYSTONE_LIST_AUTH_DOMAINS(new Route("GET", "/v3/auth/domains"));

    private final List<Route> routes;

    Operation(Route... routes) {
        this.routes = List.of(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Whether it is one of IAM's operations (IAM's error body and codes), not IoTDA's. */
    public boolean isIam() {
        return name().startsWith("KEYSTONE_");
    }
}
