package cloud.iotda;

import cloud.iotda.api.ApiGateway;
import cloud.iotda.api.ApiRequest;
import cloud.iotda.api.ApiResponse;
import cloud.iotda.api.Json;
import cloud.iotda.api.Operation;
import cloud.iotda.auth.Authenticator;
import cloud.iotda.auth.SdkSigningScheme;
import cloud.iotda.auth.TokenScheme;
import cloud.iotda.api.ErrorCode;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceView;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.dynamodb.DynamoDbStore;
import cloud.iotda.instance.InstanceIds;
import cloud.iotda.order.ChangeChargeModeRequest;
import cloud.iotda.order.ChangeRequest;
import cloud.iotda.order.OrderIds;
import cloud.iotda.order.OrderService;
import cloud.iotda.order.ResizeRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    public InstanceApi(DynamoDbStore store, Clock clock) {
        this.store = store;
        this.catalogue = FlavorCatalogue.published();
        this.authenticator = new Authenticator(List.of(new TokenScheme(store, clock), new SdkSigningScheme(store, clock)));
        this.orders = new OrderService(store, catalogue, new OrderIds(), clock);
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

    public ApiGateway gateway(Operation operation) {
        return new ApiGateway(switch (operation) {
            case SHOW_INSTANCE -> this::showInstance;
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
        Instance instance = store.findInstance(target.projectId(), target.instanceId())
                .orElseThrow(() -> ErrorCode.INSTANCE_NOT_FOUND.exception(target.instanceId(), target.projectId()));
        return ApiResponse.ok(Json.write(InstanceView.of(instance)));
    }

    private ApiResponse placeOrder(ApiRequest request,
                                   java.util.function.Function<com.fasterxml.jackson.databind.node.ObjectNode, ChangeRequest> parser) {
        Target target = authorizedTarget(request);
        ChangeRequest change = parser.apply(Json.parseObject(request.body()));
        String orderId = orders.place(target.projectId(), target.instanceId(), change);
        return ApiResponse.ok(Json.write(Map.of("order_id", orderId)));
    }
}
