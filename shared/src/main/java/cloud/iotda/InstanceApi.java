package cloud.iotda;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.ApiGateway;
import cloud.iotda.api.ApiRequest;
import cloud.iotda.api.ApiResponse;
import cloud.iotda.api.ErrorCode;
import cloud.iotda.api.Json;
import cloud.iotda.api.Operation;
import cloud.iotda.auth.Authenticator;
import cloud.iotda.auth.SdkSigningScheme;
import cloud.iotda.auth.TokenScheme;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.dynamodb.DynamoDbStore;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceIds;
import cloud.iotda.instance.InstanceUpdate;
import cloud.iotda.instance.InstanceView;
import cloud.iotda.order.ChangeChargeModeRequest;
import cloud.iotda.order.ChangeRequest;
import cloud.iotda.order.Order;
import cloud.iotda.order.OrderIds;
import cloud.iotda.order.OrderLifecycle;
import cloud.iotda.order.OrderService;
import cloud.iotda.order.OrderStatus;
import cloud.iotda.order.OrderStore;
import cloud.iotda.order.OrderView;
import cloud.iotda.order.ResizeRequest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API wired together: what every handler builds once at init. Each operation runs the documented order of
 * checks: credentials (401/403), then input (400), then the instance and business rules (404/400).
 */
public final class InstanceApi {
    public static final String TABLE_NAME_ENV = "TABLE_NAME";

    private final Authenticator authenticator;
    private final FlavorCatalogue catalogue;
    private final OrderService orders;
    private final DynamoDbStore store;
    private final Clock clock;
    private final OrderLifecycle lifecycle;
    private static final Pattern ORDER_ID = Pattern.compile("CS\\d{12}[A-Z0-9]{5}");

    public InstanceApi(DynamoDbStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.catalogue = FlavorCatalogue.published();
        this.authenticator = new Authenticator(List.of(new TokenScheme(store, clock), new SdkSigningScheme(store, clock)));
        this.orders = new OrderService(store, catalogue, new OrderIds(), clock);
        this.lifecycle = new OrderLifecycle(store, catalogue, clock);
    }

    /**
     * Reads the table name from {@code TABLE_NAME}; region, credentials and (outside AWS) the endpoint come from the
     * SDK's standard settings, such as {@code AWS_REGION} and {@code AWS_ENDPOINT_URL_DYNAMODB}.
     */
    public static InstanceApi fromEnvironment() {
        // The environment in Lambda; a system property where one JVM hosts several functions (the local API).
        String table = System.getenv(TABLE_NAME_ENV) != null ? System.getenv(TABLE_NAME_ENV) : System.getProperty(TABLE_NAME_ENV);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME_ENV + " is not set");
        }
        DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new InstanceApi(new DynamoDbStore(client, table), Clock.systemUTC());
    }

    /** Pay, cancel and the scheduled processor: the order lifecycle on the same store and clock. */
    public OrderLifecycle lifecycle() {
        return lifecycle;
    }

    public ApiGateway gateway(Operation operation) {
        return new ApiGateway(switch (operation) {
            case SHOW_INSTANCE -> this::showInstance;
            case UPDATE_INSTANCE -> this::updateInstance;
            case LIST_ORDERS -> this::listOrders;
            case SHOW_ORDER -> this::showOrder;
            case RESIZE -> request -> placeOrder(request, body -> ResizeRequest.parse(body, catalogue));
            case CHANGE_CHARGE_MODE -> request -> placeOrder(request, ChangeChargeModeRequest::parse);
        });
    }

    /** The instance a request addresses, once its credentials grant the project and its id is well-formed. */
    private record Target(String projectId, String instanceId) {
    }

    private Target authorizedTarget(ApiRequest request) {
        String projectId = Objects.requireNonNullElse(request.pathParameter("project_id"), "");
        authenticator.authorize(request, projectId);
        return new Target(projectId, InstanceIds.require(request.pathParameter("instance_id")));
    }

    private ApiResponse showInstance(ApiRequest request) {
        Target target = authorizedTarget(request);
        return ApiResponse.ok(Json.write(InstanceView.of(findInstance(target))));
    }

    private ApiResponse updateInstance(ApiRequest request) {
        Target target = authorizedTarget(request);
        InstanceUpdate update = InstanceUpdate.parse(Json.parseObject(request.body()));
        for (int attempt = 1; attempt <= 5; attempt++) {
            Instance current = findInstance(target);
            Instant now = clock.instant();
            Instance changed = update.appliedTo(current, now);
            try {
                Order scheduled = current.orderId() == null || update.operateWindow().isEmpty() ? null
                        : store.findOrder(target.projectId(), target.instanceId(), current.orderId())
                                .filter(order -> order.status() == OrderStatus.SCHEDULED).orElse(null);
                if (scheduled == null) {
                    store.saveInstance(changed);
                } else {
                    // A scheduled change follows its instance's window.
                    Order moved = scheduled.withExecuteAfter(changed.operateWindow().nextOpening(now), now);
                    store.transition(moved, OrderStatus.SCHEDULED, changed);
                }
                return ApiResponse.ok(Json.write(InstanceView.of(changed)));
            } catch (OrderStore.Conflict conflict) {
                // changed meanwhile: read again
            }
        }
        throw ErrorCode.CONCURRENT_CHANGE.exception();
    }

    private ApiResponse listOrders(ApiRequest request) {
        Target target = authorizedTarget(request);
        int limit = limitOf(request.queryParameters().get("limit"));
        String marker = request.queryParameters().get("marker");
        if (marker != null && !ORDER_ID.matcher(marker).matches()) {
            throw ApiException.invalid("marker must be an order_id from an earlier page");
        }
        findInstance(target);
        OrderStore.Page<Order> page = store.listOrders(target.projectId(), target.instanceId(), limit, marker);
        ObjectNode body = Json.object();
        ArrayNode orders = body.putArray("orders");
        page.items().forEach(order -> orders.add(OrderView.of(order)));
        body.put("marker", page.next());
        return ApiResponse.ok(Json.write(body));
    }

    private static int limitOf(String text) {
        if (text == null) {
            return 20;
        }
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 100) {
            throw ApiException.invalid("limit must be an integer 1..100");
        }
        return Integer.parseInt(text);
    }

    private ApiResponse showOrder(ApiRequest request) {
        Target target = authorizedTarget(request);
        String orderId = Objects.requireNonNullElse(request.pathParameter("order_id"), "");
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw ApiException.invalid("order_id must be CS, 12 digits and 5 upper-case letters or digits");
        }
        Order order = store.findOrder(target.projectId(), target.instanceId(), orderId)
                .orElseThrow(() -> ErrorCode.ORDER_NOT_FOUND.exception(orderId));
        return ApiResponse.ok(Json.write(OrderView.of(order)));
    }

    private Instance findInstance(Target target) {
        return store.findInstance(target.projectId(), target.instanceId())
                .orElseThrow(() -> ErrorCode.INSTANCE_NOT_FOUND.exception(target.instanceId(), target.projectId()));
    }

    private ApiResponse placeOrder(ApiRequest request,
                                   java.util.function.Function<com.fasterxml.jackson.databind.node.ObjectNode, ChangeRequest> parser) {
        Target target = authorizedTarget(request);
        ChangeRequest change = parser.apply(Json.parseObject(request.body()));
        String orderId = orders.place(target.projectId(), target.instanceId(), change);
        return ApiResponse.ok(Json.write(Map.of("order_id", orderId)));
    }
}
