package cloud.iotda.edge;

import java.util.List;

/**
 * The operations of the API (the nine of the official SDK's IoTDMClient 3.1.143, those the newer SDKs add, and the
 * order queries) and the routes each answers; template.yaml must route exactly these.
 */
public enum Operation {
    LIST_INSTANCES(Api.IOTDA, new Route("GET", Route.INSTANCES)),
    // A literal segment beats {instance_id}, in API Gateway and in the local API alike.
    LIST_FLAVORS(Api.IOTDA, new Route("GET", Route.INSTANCES + "/flavors")),
    CREATE_INSTANCE(Api.IOTDA, new Route("POST", Route.INSTANCES)),
    SHOW_INSTANCE(Api.IOTDA, new Route("GET", Route.INSTANCE)),
    UPDATE_INSTANCE(Api.IOTDA, new Route("PUT", Route.INSTANCE)),
    DELETE_INSTANCE(Api.IOTDA, new Route("DELETE", Route.INSTANCE)),
    BIND_TAGS(Api.IOTDA, new Route("POST", Route.INSTANCE + "/bind-tags")),
    UNBIND_TAGS(Api.IOTDA, new Route("POST", Route.INSTANCE + "/unbind-tags")),
    LIST_ORDERS(Api.IOTDA, new Route("GET", Route.INSTANCE + "/orders")),
    SHOW_ORDER(Api.IOTDA, new Route("GET", Route.INSTANCE + "/orders/{order_id}")),
    LIST_TASKS(Api.IOTDA, new Route("GET", Route.INSTANCE + "/tasks")),
    SHOW_TASK(Api.IOTDA, new Route("GET", Route.INSTANCE + "/tasks/{task_id}")),
    RETRY_TASK(Api.IOTDA, new Route("POST", Route.INSTANCE + "/tasks/{task_id}/retry")),
    RESIZE(Api.IOTDA, new Route("POST", Route.INSTANCE + "/resize")),
    // The SDK sends POST and the published example uses PUT, so both methods reach the same function.
    CHANGE_CHARGE_MODE(Api.IOTDA, new Route("POST", Route.INSTANCE + "/change-charge-mode"),
            new Route("PUT", Route.INSTANCE + "/change-charge-mode")),
    // IAM's operations that a client of IoTDA uses, on the same API: the SDKs' own names.
    KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD(Api.IAM, new Route("POST", "/v3/auth/tokens")),
    KEYSTONE_LIST_PROJECTS(Api.IAM, new Route("GET", "/v3/projects")),
    KEYSTONE_LIST_AUTH_PROJECTS(Api.IAM, new Route("GET", "/v3/auth/projects")),
    KEYSTONE_LIST_AUTH_DOMAINS(Api.IAM, new Route("GET", "/v3/auth/domains")),
    // The billing API's (BSS) order operations, with its own names.
    CANCEL_CUSTOMER_ORDER(Api.BSS, new Route("PUT", "/v2/orders/customer-orders/cancel")),
    PAY_ORDERS(Api.BSS, new Route("POST", "/v3/orders/customer-orders/pay")),
    /** The older PayOrders path, which IoTDA's pages still link. */
    PAY_ORDERS_V2(Api.BSS, new Route("POST", "/v2/orders/customer-orders/pay")),
    LIST_CUSTOMER_ORDERS(Api.BSS, new Route("GET", "/v2/orders/customer-orders")),
    SHOW_CUSTOMER_ORDER_DETAILS(Api.BSS, new Route("GET", "/v2/orders/customer-orders/details/{order_id}")),
    RENEWAL_RESOURCES(Api.BSS, new Route("POST", "/v2/orders/subscriptions/resources/renew")),
    CANCEL_RESOURCES_SUBSCRIPTION(Api.BSS, new Route("POST", "/v2/orders/subscriptions/resources/unsubscribe")),
    /** Despite its name, the yearly/monthly resources; the misspelt path is the real one. */
    LIST_PAY_PER_USE_CUSTOMER_RESOURCES(Api.BSS, new Route("POST", "/v2/orders/suscriptions/resources/query")),
    AUTO_RENEWAL_RESOURCES(Api.BSS, new Route("POST", Route.AUTO_RENEW)),
    CANCEL_AUTO_RENEWAL_RESOURCES(Api.BSS, new Route("DELETE", Route.AUTO_RENEW));

    /** The service whose operation it is: its error codes and the body they come in. */
    public enum Api {
        IOTDA, IAM, BSS
    }

    private final Api api;
    private final List<Route> routes;

    Operation(Api api, Route... routes) {
        this.api = api;
        this.routes = List.of(routes);
    }

    public Api api() {
        return api;
    }

    public List<Route> routes() {
        return routes;
    }
}
