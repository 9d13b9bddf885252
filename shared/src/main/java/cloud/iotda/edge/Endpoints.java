package cloud.iotda.edge;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.edge.auth.Authenticator;
import cloud.iotda.usecase.InstanceQueries;
import cloud.iotda.usecase.OrderQueries;
import cloud.iotda.usecase.PlaceOrder;
import cloud.iotda.usecase.UpdateInstance;
import cloud.iotda.usecase.port.Page;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Each operation mapped from HTTP to its use case and back, after the documented order of checks: credentials
 * (401/403), then input (400), then the use case (404, business rules).
 */
public final class Endpoints {
    private final Authenticator authenticator;
    private final FlavorCatalogue catalogue;
    private final PlaceOrder placeOrder;
    private final UpdateInstance updateInstance;
    private final InstanceQueries instanceQueries;
    private final OrderQueries orderQueries;

    public Endpoints(Authenticator authenticator, FlavorCatalogue catalogue, PlaceOrder placeOrder,
                     UpdateInstance updateInstance, InstanceQueries instanceQueries, OrderQueries orderQueries) {
        this.authenticator = authenticator;
        this.catalogue = catalogue;
        this.placeOrder = placeOrder;
        this.updateInstance = updateInstance;
        this.instanceQueries = instanceQueries;
        this.orderQueries = orderQueries;
    }

    public Endpoint of(Operation operation) {
        return switch (operation) {
            case SHOW_INSTANCE -> request -> ok(Views.instance(instanceQueries.show(target(request))));
            case UPDATE_INSTANCE -> request -> {
                InstanceRef target = target(request);
                return ok(Views.instance(updateInstance.update(target,
                        RequestBodies.profileChange(Json.parseObject(request.body())))));
            };
            case LIST_ORDERS -> this::listOrders;
            case SHOW_ORDER -> request -> {
                InstanceRef target = target(request);
                OrderId orderId = OrderId.parse(request.pathParameter("order_id"))
                        .orElseThrow(() -> Rejected.invalid("order_id must be " + OrderId.DESCRIPTION));
                return ok(Views.order(orderQueries.show(target, orderId)));
            };
            case RESIZE -> placing(body -> RequestBodies.resize(body, catalogue));
            case CHANGE_CHARGE_MODE -> placing(RequestBodies::chargeMode);
        };
    }

    /** The instance a request addresses, once its credentials grant the project and its id is well-formed. */
    private InstanceRef target(ApiRequest request) {
        String projectId = Objects.requireNonNullElse(request.pathParameter("project_id"), "");
        authenticator.authorize(request, projectId);
        String instanceId = request.pathParameter("instance_id");
        if (!InstanceRef.isValidInstanceId(instanceId)) {
            throw Rejected.invalid("instance_id must be 1..36 characters of a-f, 0-9 and -");
        }
        return new InstanceRef(projectId, instanceId);
    }

    private Endpoint placing(Function<ObjectNode, Change> parse) {
        return request -> {
            InstanceRef target = target(request);
            Change change = parse.apply(Json.parseObject(request.body()));
            return ok(Map.of("order_id", placeOrder.place(target, change).value()));
        };
    }

    private ApiResponse listOrders(ApiRequest request) {
        InstanceRef target = target(request);
        int limit = limitOf(request.queryParameters().get("limit"));
        String markerText = request.queryParameters().get("marker");
        OrderId marker = markerText == null ? null : OrderId.parse(markerText)
                .orElseThrow(() -> Rejected.invalid("marker must be an order_id from an earlier page"));
        Page<Order> page = orderQueries.list(target, limit, marker);
        ObjectNode body = Json.object();
        ArrayNode orders = body.putArray("orders");
        page.items().forEach(order -> orders.add(Views.order(order)));
        body.put("marker", page.next());
        return ok(body);
    }

    private static int limitOf(String text) {
        if (text == null) {
            return OrderQueries.DEFAULT_LIMIT;
        }
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1
                || Integer.parseInt(text) > OrderQueries.MAX_LIMIT) {
            throw Rejected.invalid("limit must be an integer 1.." + OrderQueries.MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    private static ApiResponse ok(Object body) {
        return ApiResponse.ok(Json.write(body));
    }
}
