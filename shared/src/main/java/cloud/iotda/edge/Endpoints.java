package cloud.iotda.edge;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.edge.auth.Authenticator;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.CreateInstance;
import cloud.iotda.usecase.DeleteInstance;
import cloud.iotda.usecase.InstanceFlavors;
import cloud.iotda.usecase.InstanceQueries;
import cloud.iotda.usecase.InstanceTags;
import cloud.iotda.usecase.InstanceTasks;
import cloud.iotda.usecase.OrderLifecycle;
import cloud.iotda.usecase.OrderQueries;
import cloud.iotda.usecase.PlaceOrder;
import cloud.iotda.usecase.UpdateInstance;
import cloud.iotda.usecase.port.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Each operation mapped from HTTP to its use case and back, after the documented order of checks: credentials
 * (401/403, checked once for every route before the operation sees the request), then input (400), then the use case
 * (404, business rules).
 */
public final class Endpoints {

    /** The use cases the endpoints call. */
    public record UseCases(PlaceOrder placeOrder, UpdateInstance updateInstance, InstanceQueries instanceQueries,
                           OrderQueries orderQueries, CreateInstance createInstance, DeleteInstance deleteInstance,
                           InstanceTags instanceTags, InstanceFlavors instanceFlavors, InstanceTasks instanceTasks,
                           OrderLifecycle lifecycle) {
    }

    private final Authenticator authenticator;
    private final FlavorCatalogue catalogue;
    private final UseCases useCases;

    public Endpoints(Authenticator authenticator, FlavorCatalogue catalogue, UseCases useCases) {
        this.authenticator = authenticator;
        this.catalogue = catalogue;
        this.useCases = useCases;
    }

    /** An operation's handling once the request's credentials grant its project. */
    private interface Granted {
        ApiResponse handle(ApiRequest request, String projectId);
    }

    /**
     * The operation's endpoint: the credentials first, for every route alike (401/403 before any look at the input),
     * then the operation with the project they grant.
     */
    public Endpoint of(Operation operation) {
        Granted granted = granted(operation);
        return request -> {
            String projectId = Objects.requireNonNullElse(request.pathParameter("project_id"), "");
            authenticator.authorize(request, projectId);
            return granted.handle(request, projectId);
        };
    }

    private Granted granted(Operation operation) {
        return switch (operation) {
            case LIST_INSTANCES -> this::listInstances;
            case LIST_FLAVORS -> this::listFlavors;
            case CREATE_INSTANCE -> this::createInstance;
            case SHOW_INSTANCE -> (request, projectId) ->
                    ok(Views.instance(useCases.instanceQueries().show(target(request, projectId))));
            case UPDATE_INSTANCE -> (request, projectId) -> {
                InstanceRef target = target(request, projectId);
                ProfileChange change = RequestBodies.profileChange(body(request));
                return ok(Views.instance(useCases.updateInstance().update(target, change)));
            };
            case DELETE_INSTANCE -> (request, projectId) -> {
                useCases.deleteInstance().delete(target(request, projectId));
                return new ApiResponse(204, null);
            };
            case BIND_TAGS -> (request, projectId) -> {
                InstanceRef target = target(request, projectId);
                useCases.instanceTags().bind(target, RequestBodies.tags(body(request)));
                return new ApiResponse(200, null);
            };
            case UNBIND_TAGS -> (request, projectId) -> {
                InstanceRef target = target(request, projectId);
                useCases.instanceTags().unbind(target, RequestBodies.tags(body(request)));
                return new ApiResponse(200, null);
            };
            case LIST_ORDERS -> this::listOrders;
            case SHOW_ORDER -> (request, projectId) -> {
                InstanceRef target = target(request, projectId);
                OrderId orderId = OrderId.parse(request.pathParameter("order_id"))
                        .orElseThrow(() -> Rejected.invalid("order_id must be " + OrderId.DESCRIPTION));
                OrderQueries.Answer<Order> shown = useCases.orderQueries().show(target, orderId);
                return ok(Views.withSubscription(Views.order(shown.value()), shown.subscription()));
            };
            case LIST_TASKS -> this::listTasks;
            case SHOW_TASK -> (request, projectId) -> {
                InstanceRef target = target(request, projectId);
                return ok(Views.shownTask(useCases.instanceTasks().show(target, taskId(request))));
            };
            case RETRY_TASK -> (request, projectId) -> {
                InstanceRef target = target(request, projectId);
                return ok(Views.shownTask(useCases.lifecycle().retry(target, taskId(request))));
            };
            case RESIZE -> placing(body -> RequestBodies.resize(body, catalogue));
            case CHANGE_CHARGE_MODE -> placing(RequestBodies::chargeMode);
            case KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD, KEYSTONE_LIST_PROJECTS, KEYSTONE_LIST_AUTH_PROJECTS,
                 KEYSTONE_LIST_AUTH_DOMAINS, CANCEL_CUSTOMER_ORDER, PAY_ORDERS, PAY_ORDERS_V2,
                 LIST_CUSTOMER_ORDERS, SHOW_CUSTOMER_ORDER_DETAILS, RENEWAL_RESOURCES, CANCEL_RESOURCES_SUBSCRIPTION,
                 LIST_PAY_PER_USE_CUSTOMER_RESOURCES, AUTO_RENEWAL_RESOURCES, CANCEL_AUTO_RENEWAL_RESOURCES ->
                    throw otherApi(operation);
        };
    }

    private static IllegalArgumentException otherApi(Operation operation) {
        return new IllegalArgumentException(operation + " is " + operation.api() + "'s, not IoTDA's");
    }

    /** The instance a request addresses in its granted project, once its id is well-formed. */
    private static InstanceRef target(ApiRequest request, String projectId) {
        String instanceId = request.pathParameter("instance_id");
        if (!InstanceRef.isValidInstanceId(instanceId)) {
            throw Rejected.invalid("instance_id must be 1..36 characters of a-f, 0-9 and -");
        }
        return new InstanceRef(projectId, instanceId);
    }

    private static ObjectNode body(ApiRequest request) {
        return Json.requestObject(request);
    }

    private Granted placing(Function<ObjectNode, Change> parse) {
        return (request, projectId) -> {
            InstanceRef target = target(request, projectId);
            Change change = parse.apply(body(request));
            return ok(JsonTrees.object().put("order_id", useCases.placeOrder().place(target, change).value()));
        };
    }

    private ApiResponse createInstance(ApiRequest request, String projectId) {
        Creation.Request create = RequestBodies.createInstance(body(request), projectId, catalogue);
        return ok(Views.creation(useCases.createInstance().create(create), create.charge()));
    }

    private ApiResponse listInstances(ApiRequest request, String projectId) {
        Map<String, String> query = request.queryParameters();
        Optional<String> name = Optional.ofNullable(query.get("name"));
        if (name.isPresent() && !ProfileChange.isValidName(name.get())) {
            throw Rejected.invalid("name must be 1..64 characters of Chinese characters, letters, digits, _ and -");
        }
        Optional<Edition> edition = edition(query.get("instance_type"));
        Optional<String> marker = Optional.ofNullable(query.get("marker"));
        if (marker.isPresent() && !InstanceQueries.isMarker(marker.get())) {
            throw Rejected.invalid("marker must be the marker of an earlier page (24 lowercase hex digits)");
        }
        int offset = integer(query.get("offset"), 0, 0, InstanceQueries.MAX_OFFSET,
                () -> Rejected.invalid("offset must be an integer 0.." + InstanceQueries.MAX_OFFSET));
        int limit = integer(query.get("limit"), InstanceQueries.MAX_LIMIT, 1, InstanceQueries.MAX_LIMIT,
                () -> Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, "limit"));
        InstanceQueries.ListQuery listQuery = new InstanceQueries.ListQuery(name, edition, marker, offset, limit);
        return ok(Views.instanceList(useCases.instanceQueries().list(projectId, listQuery)));
    }

    private ApiResponse listFlavors(ApiRequest request, String projectId) {
        Map<String, String> query = request.queryParameters();
        Optional<Edition> edition = edition(query.get("instance_type"));
        Optional<String> marker = Optional.ofNullable(query.get("marker"));
        if (marker.isPresent() && !useCases.instanceFlavors().isMarker(marker.get())) {
            throw Rejected.invalid("marker must be the marker of an earlier page (a flavor type)");
        }
        int offset = integer(query.get("offset"), 0, 0, InstanceFlavors.MAX_OFFSET,
                () -> Rejected.invalid("offset must be an integer 0.." + InstanceFlavors.MAX_OFFSET));
        int limit = integer(query.get("limit"), InstanceFlavors.MAX_LIMIT, 1, InstanceFlavors.MAX_LIMIT,
                () -> Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, "limit"));
        return ok(Views.flavorPage(useCases.instanceFlavors().list(edition, marker, offset, limit)));
    }

    private static TaskId taskId(ApiRequest request) {
        return TaskId.parse(request.pathParameter("task_id"))
                .orElseThrow(() -> Rejected.invalid("task_id must be " + TaskId.DESCRIPTION));
    }

    private ApiResponse listTasks(ApiRequest request, String projectId) {
        InstanceRef target = target(request, projectId);
        Map<String, String> query = request.queryParameters();
        Optional<TaskId> marker = Optional.ofNullable(query.get("marker")).map(text -> TaskId.parse(text)
                .orElseThrow(() -> Rejected.invalid("marker must be the marker of an earlier page (a task_id)")));
        int offset = integer(query.get("offset"), 0, 0, InstanceTasks.MAX_OFFSET,
                () -> Rejected.invalid("offset must be an integer 0.." + InstanceTasks.MAX_OFFSET));
        int limit = integer(query.get("limit"), InstanceTasks.MAX_LIMIT, 1, InstanceTasks.MAX_LIMIT,
                () -> Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, "limit"));
        return ok(Views.taskPage(useCases.instanceTasks().list(target, marker, offset, limit)));
    }

    private static Optional<Edition> edition(String instanceType) {
        return Optional.ofNullable(instanceType).map(type -> {
            try {
                return Edition.fromWireName(type);
            } catch (IllegalArgumentException e) {
                throw Rejected.invalid("instance_type must be standard or enterprise");
            }
        });
    }

    private ApiResponse listOrders(ApiRequest request, String projectId) {
        InstanceRef target = target(request, projectId);
        int limit = integer(request.queryParameters().get("limit"), OrderQueries.DEFAULT_LIMIT, 1,
                OrderQueries.MAX_LIMIT, () -> Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, "limit"));
        String markerText = request.queryParameters().get("marker");
        OrderId marker = markerText == null ? null : OrderId.parse(markerText)
                .orElseThrow(() -> Rejected.invalid("marker must be an order_id from an earlier page"));
        OrderQueries.Answer<Page<Order>> listed = useCases.orderQueries().list(target, limit, marker);
        Page<Order> page = listed.value();
        ObjectNode body = JsonTrees.object();
        ArrayNode orders = body.putArray("orders");
        page.items().forEach(order -> orders.add(Views.order(order)));
        // ListInstances' documented rule for every list: the id of the page's last record, null for an empty page.
        body.put("marker", page.items().isEmpty() ? null
                : page.items().get(page.items().size() - 1).orderId().value());
        return ok(Views.withSubscription(body, listed.subscription()));
    }

    /** A query parameter that must be an integer {@code min..max}; absent, it is {@code byDefault}. */
    private static int integer(String text, int byDefault, int min, int max,
                               Supplier<Rejected> outOfRange) {
        if (text == null) {
            return byDefault;
        }
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw outOfRange.get();
        }
        return Integer.parseInt(text);
    }

    private static ApiResponse ok(JsonNode body) {
        return ApiResponse.ok(JsonTrees.write(body));
    }
}
