package cloud.iotda.edge;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.edge.auth.Authenticator;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.CustomerOrders;
import cloud.iotda.usecase.CustomerResources;
import cloud.iotda.usecase.Identity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The billing API's (BSS) order and resource operations that a client of IoTDA uses, with BSS's paths, field
 * names, numeric values and error body ({@code error_code} CBC.*, {@code error_msg}). The caller is an account: its
 * user's AK/SK (the SDK's {@code GlobalCredentials}, which sends and signs {@code X-Domain-Id}) or token.
 */
public final class BssEndpoints {
    /** BSS's code for IoTDA's cloud service type. */
    public static final String SERVICE_TYPE = "hws.service.type.iotda";
    /** This service's code for an IoTDA instance as a resource (the real code was not found in the references). */
    public static final String RESOURCE_TYPE = "hws.resource.type.iotda.instance";
    /** The most resource_ids a resource query names, and the largest page. */
    private static final int MAX_QUERIED = 50;
    private static final int MAX_LIMIT = 500;
    /** The largest page of ListCustomerOrders. */
    private static final int MAX_ORDERS = 100;
    private static final String DOMAIN_HEADER = "X-Domain-Id";

    private final Authenticator authenticator;
    private final Identity identity;
    private final CustomerOrders customerOrders;
    private final CustomerResources customerResources;
    private final Clock clock;

    public BssEndpoints(Authenticator authenticator, Identity identity, CustomerOrders customerOrders,
                        CustomerResources customerResources, Clock clock) {
        this.clock = clock;
        this.authenticator = authenticator;
        this.identity = identity;
        this.customerOrders = customerOrders;
        this.customerResources = customerResources;
    }

    /** An operation's handling once the caller's account is known. */
    private interface Granted {
        ApiResponse handle(ApiRequest request, String domainId);
    }

    public Endpoint of(Operation operation) {
        Granted granted = switch (operation) {
            case CANCEL_CUSTOMER_ORDER -> (request, domainId) -> {
                JsonFields body = JsonFields.of(Json.requestObject(request));
                customerOrders.cancel(domainId, orderId(body.requiredString("order_id")));
                return new ApiResponse(204, null);
            };
            case PAY_ORDERS -> (request, domainId) -> {
                JsonFields body = JsonFields.of(Json.requestObject(request));
                OrderId orderId = orderId(body.requiredString("order_id"));
                // No coupons or discounts are offered here: YES would name ones that do not exist.
                for (String field : new String[] {"use_coupon", "use_discount"}) {
                    String use = body.requiredString(field);
                    if (!use.equals("NO")) {
                        throw Rejected.invalid(field + " must be NO" + (use.equals("YES")
                                ? ": this service offers no coupons or discounts" : " or YES"));
                    }
                }
                customerOrders.pay(domainId, orderId);
                return new ApiResponse(204, null);
            };
            case PAY_ORDERS_V2 -> (request, domainId) -> {
                JsonFields body = JsonFields.of(Json.requestObject(request));
                OrderId orderId = orderId(body.requiredString("order_id"));
                for (String field : new String[] {"coupon_infos", "discount_infos"}) {
                    if (!body.optionalObjects(field).orElse(List.of()).isEmpty()) {
                        throw Rejected.invalid(field + " must be empty: this service offers no coupons or "
                                + "discounts");
                    }
                }
                customerOrders.pay(domainId, orderId);
                return new ApiResponse(204, null);
            };
            case LIST_CUSTOMER_ORDERS -> (request, domainId) -> ApiResponse.ok(JsonTrees.write(
                    customerOrderList(request.queryParameters(), domainId)));
            case SHOW_CUSTOMER_ORDER_DETAILS -> (request, domainId) -> ApiResponse.ok(JsonTrees.write(
                    details(customerOrders.show(domainId, orderId(request.pathParameter("order_id"))), domainId,
                            customerOrders.currency())));
            case RENEWAL_RESOURCES -> (request, domainId) -> {
                JsonFields body = JsonFields.of(Json.requestObject(request));
                List<String> resourceIds = body.requiredStrings("resource_ids");
                PeriodType type = bssPeriodType(body.requiredInteger("period_type"));
                long periods = body.requiredInteger("period_num");
                if (periods < 1 || periods > type.maxRenewalPeriods()) {
                    throw Rejected.invalid("period_num must be 1.." + type.maxRenewalPeriods() + " when period_type is "
                            + (type == PeriodType.YEAR ? "3 (year)" : "2 (month)"));
                }
                // Deprecated and without effect on the real API; checked for its range only.
                long expirePolicy = body.optionalInteger("expire_policy").orElse(0L);
                if (expirePolicy < 0 || expirePolicy > 3) {
                    throw Rejected.invalid("expire_policy must be 0..3");
                }
                long autoPay = body.optionalInteger("is_auto_pay").orElse(0L);
                if (autoPay != 0 && autoPay != 1) {
                    throw Rejected.invalid("is_auto_pay must be 0 or 1");
                }
                return orderIds(customerResources.renew(domainId, resourceIds, type, (int) periods, autoPay == 1));
            };
            case CANCEL_RESOURCES_SUBSCRIPTION -> (request, domainId) -> {
                JsonFields body = JsonFields.of(Json.requestObject(request));
                List<String> resourceIds = body.requiredStrings("resource_ids");
                long type = body.requiredInteger("unsubscribe_type");
                if (type != 1 && type != 2) {
                    throw Rejected.invalid("unsubscribe_type must be 1 (the resource and its renewed periods) or 2 "
                            + "(its renewed periods only)");
                }
                long reasonType = body.optionalInteger("unsubscribe_reason_type").orElse(5L);
                if (reasonType < 1 || reasonType > 5) {
                    throw Rejected.invalid("unsubscribe_reason_type must be 1..5");
                }
                if (body.optionalString("unsubscribe_reason").map(String::length).orElse(0) > 512) {
                    throw Rejected.invalid("unsubscribe_reason must be at most 512 characters");
                }
                return orderIds(customerResources.unsubscribe(domainId, resourceIds, type == 2));
            };
            case LIST_PAY_PER_USE_CUSTOMER_RESOURCES -> (request, domainId) -> ApiResponse.ok(JsonTrees.write(
                    resources(JsonFields.of(Json.requestObject(request)), domainId)));
            case AUTO_RENEWAL_RESOURCES -> (request, domainId) -> {
                if (request.body().length > 0) {
                    // The number of renewals: 0 (or none) is no limit, the only kind this service keeps.
                    long times = JsonFields.of(Json.requestObject(request)).optionalInteger("auto_renew_times")
                            .orElse(0L);
                    if (times != 0) {
                        throw Rejected.invalid("auto_renew_times must be 0 (no limit): a limited number of "
                                + "renewals is not kept here");
                    }
                }
                customerResources.autoRenew(domainId, request.pathParameter("resource_id"), true);
                return new ApiResponse(204, null);
            };
            case CANCEL_AUTO_RENEWAL_RESOURCES -> (request, domainId) -> {
                customerResources.autoRenew(domainId, request.pathParameter("resource_id"), false);
                return new ApiResponse(204, null);
            };
            default -> throw new IllegalArgumentException(operation + " is not one of the billing API's operations");
        };
        return request -> {
            try {
                return granted.handle(request, account(request));
            } catch (Rejected rejected) {
                return error(rejected);
            }
        };
    }

    /** The caller's account: credentials of one (not of one project), and the X-Domain-Id it may claim. */
    private String account(ApiRequest request) {
        String domainId = identity.accountId(authenticator.authenticate(request).domainId());
        String claimed = request.header(DOMAIN_HEADER);
        if (claimed != null && !claimed.strip().equals(domainId)) {
            throw Rejected.because(Reason.FORBIDDEN, "X-Domain-Id names account " + claimed.strip()
                    + ", not the credentials' account");
        }
        return domainId;
    }

    private static OrderId orderId(String text) {
        return OrderId.parse(text).orElseThrow(() -> Rejected.invalid("order_id must be " + OrderId.DESCRIPTION));
    }

    /**
     * ListCustomerOrders: the account's orders as the query string filters them ({@code CustomerOrderV2} each),
     * newest first unless {@code order_by=createTime}, {@code offset} and {@code limit} applied after the filters.
     */
    private ObjectNode customerOrderList(Map<String, String> query, String domainId) {
        Optional<String> customer = Optional.ofNullable(query.get("customer_id"));
        if (customer.isPresent() && !customer.get().equals(domainId)) {
            throw Rejected.because(Reason.FORBIDDEN, "customer_id names another account than the credentials'");
        }
        Optional<OrderId> orderId = Optional.ofNullable(query.get("order_id")).map(BssEndpoints::orderId);
        Instant createdFrom = queryTime(query, "create_time_begin");
        Instant createdTo = queryTime(query, "create_time_end");
        Instant paidFrom = queryTime(query, "payment_time_begin");
        Instant paidTo = queryTime(query, "payment_time_end");
        Optional<Integer> status = queryInteger(query, "status", 1, 9);
        Optional<Integer> orderType = queryInteger(query, "order_type", 1, 15);
        int offset = queryInteger(query, "offset", 0, Integer.MAX_VALUE).orElse(0);
        int limit = queryInteger(query, "limit", 1, MAX_ORDERS).orElse(10);
        String orderBy = query.getOrDefault("order_by", "-createTime");
        if (!orderBy.equals("createTime") && !orderBy.equals("-createTime")) {
            throw Rejected.invalid("order_by must be createTime or -createTime");
        }
        String method = query.getOrDefault("method", "oneself");
        if (!method.isEmpty() && !method.equals("oneself") && !method.equals("sub_customer")) {
            throw Rejected.invalid("method must be oneself or sub_customer");
        }
        boolean ours = Optional.ofNullable(query.get("service_type_code")).map(SERVICE_TYPE::equals).orElse(true)
                && !method.equals("sub_customer");
        List<Order> matching = !ours ? List.of() : customerOrders.list(domainId, createdFrom, createdTo).stream()
                .filter(order -> orderId.map(order.orderId()::equals).orElse(true))
                .filter(order -> status.map(wanted -> wanted == status(order.status())).orElse(true))
                .filter(order -> orderType.map(wanted -> wanted == orderType(order.type())).orElse(true))
                .filter(order -> paidFrom == null && paidTo == null || paidWithin(order, paidFrom, paidTo))
                .toList();
        if (orderBy.equals("createTime")) {
            List<Order> oldestFirst = new ArrayList<>(matching);
            Collections.reverse(oldestFirst);
            matching = oldestFirst;
        }
        ObjectNode body = JsonTrees.object().put("total_count", matching.size());
        var infos = body.putArray("order_infos");
        String currency = customerOrders.currency();
        matching.stream().skip(offset).limit(limit).forEach(order -> infos.add(orderInfo(order, domainId, currency)));
        return body;
    }

    /** Paid in the window: its payment is when it was paid, the last change of a paid order that has not failed. */
    private static boolean paidWithin(Order order, Instant from, Instant to) {
        boolean paid = order.status() == OrderStatus.COMPLETED || order.status() == OrderStatus.SCHEDULED;
        return paid && (from == null || !order.updateTime().isBefore(from))
                && (to == null || !order.updateTime().isAfter(to));
    }

    private static Instant queryTime(Map<String, String> query, String name) {
        String text = query.get(name);
        return text == null ? null : utc(name, text);
    }

    private static Optional<Integer> queryInteger(Map<String, String> query, String name, int min, int max) {
        String text = query.get(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // refused below, as any value out of range
        }
        throw Rejected.invalid(name + " must be an integer " + min + ".." + max);
    }

    /**
     * ShowCustomerOrderDetails: the order ({@code CustomerOrderV3}) and its one line item, amounts in the price list's
     * {@code currency} ({@code measure_id} 1: whole units with two decimals); an order awaiting payment says until
     * when it can be paid ({@code pending_payment_end_time}).
     */
    static ObjectNode details(Order order, String domainId, String currency) {
        ObjectNode body = JsonTrees.object().put("total_count", 1);
        body.set("order_info", orderInfo(order, domainId, currency));
        ObjectNode item = body.putArray("order_line_items").addObject()
                .put("order_line_item_id", order.orderId().value() + "-000001")
                .put("service_type_code", SERVICE_TYPE)
                .put("service_type_name", "IoTDA")
                .put("subscription_num", 1)
                .put("amount", order.amount().decimal())
                .put("official_amount", order.amount().decimal())
                .put("measure_id", 1)
                .put("currency", currency);
        Change change = order.change();
        if (change instanceof Change.Resize resize) {
            item.put("product_spec_desc", resize.flavor().size() == null ? resize.flavor().type()
                    : resize.flavor().type() + " x" + resize.flavor().size());
        } else if (change instanceof Change.ChargeModeChange charge) {
            item.put("period_type", periodType(charge.periodType())).put("period_num", charge.periodNum());
        } else if (change instanceof Change.Renew renew) {
            item.put("period_type", periodType(renew.periodType())).put("period_num", renew.periodNum());
        } else if (change instanceof Change.Create create) {
            item.put("period_type", periodType(create.charge().periodType()))
                    .put("period_num", create.charge().periodNum());
        }
        return body;
    }

    /** One order as BSS shows it ({@code CustomerOrderV3}, and {@code CustomerOrderV2} in the order list). */
    static ObjectNode orderInfo(Order order, String domainId, String currency) {
        ObjectNode info = JsonTrees.object()
                .put("order_id", order.orderId().value())
                .put("customer_id", domainId)
                .put("service_type_code", SERVICE_TYPE)
                .put("service_type_name", "IoTDA")
                .put("source_type", 1)
                .put("status", status(order.status()))
                .put("order_type", orderType(order.type()))
                .put("amount_after_discount", order.amount().decimal())
                .put("official_amount", order.amount().decimal())
                .put("measure_id", 1)
                .put("currency", currency)
                .put("create_time", ApiTime.format(order.createTime()));
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            info.put("pending_payment_end_time", ApiTime.format(order.paymentDeadline()));
        }
        return info;
    }

    /** BSS's order status: 3 processing, 4 cancelled, 5 completed, 6 pending payment. */
    static int status(OrderStatus status) {
        return switch (status) {
            case PENDING_PAYMENT -> 6;
            case SCHEDULED, FAILED -> 3;
            case CANCELLED -> 4;
            case COMPLETED -> 5;
        };
    }

    /** BSS's order type: 1 new purchase, 2 renewal, 3 change, 4 unsubscription, 11 pay-per-use to yearly/monthly. */
    static int orderType(OrderType type) {
        return switch (type) {
            case CREATE_INSTANCE -> 1;
            case RENEW -> 2;
            case RESIZE -> 3;
            case UNSUBSCRIBE -> 4;
            case CHANGE_CHARGE_MODE -> 11;
        };
    }

    /**
     * ListPayPerUseCustomerResources (which lists the yearly/monthly resources, despite its name): the account's
     * resources as the query filters them, {@code offset} and {@code limit} applied after the filters, with the
     * number of all that match.
     */
    private ObjectNode resources(JsonFields query, String domainId) {
        Optional<List<String>> ids = query.optionalStrings("resource_ids");
        if (ids.map(List::size).orElse(0) > MAX_QUERIED) {
            throw Rejected.invalid("resource_ids must name at most " + MAX_QUERIED + " resources");
        }
        Optional<OrderId> orderId = query.optionalString("order_id").map(BssEndpoints::orderId);
        long onlyMain = query.optionalInteger("only_main_resource").orElse(0L);
        if (onlyMain != 0 && onlyMain != 1) {
            throw Rejected.invalid("only_main_resource must be 0 or 1");
        }
        Optional<Set<Integer>> statuses = query.optionalIntegers("status_list").map(list -> {
            Set<Integer> wanted = new TreeSet<>();
            for (long status : list) {
                if (status < 2 || status > 5) {
                    throw Rejected.invalid("status_list may hold 2 (in use), 3 (closed), 4 (frozen), 5 (expired)");
                }
                wanted.add((int) status);
            }
            return wanted;
        });
        long offset = query.optionalInteger("offset").orElse(0L);
        long limit = query.optionalInteger("limit").orElse(10L);
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw Rejected.invalid("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Rejected.invalid("limit must be 1.." + MAX_LIMIT);
        }
        Optional<Instant> begin = query.optionalString("expire_time_begin").map(text -> utc("expire_time_begin", text));
        Optional<Instant> end = query.optionalString("expire_time_end").map(text -> utc("expire_time_end", text));
        Instant now = clock.instant();
        List<Instance> matching = customerResources.list(ids.map(Set::copyOf), orderId, domainId).stream()
                .filter(instance -> statuses.map(wanted -> wanted.contains(resourceStatus(instance, now)))
                        .orElse(true))
                .filter(instance -> begin.map(from -> !instance.subscription().expireTime().isBefore(from))
                        .orElse(true))
                .filter(instance -> end.map(to -> !instance.subscription().expireTime().isAfter(to)).orElse(true))
                .toList();
        ObjectNode body = JsonTrees.object();
        var data = body.putArray("data");
        matching.stream().skip(offset).limit(limit).forEach(instance -> data.add(resource(instance, now)));
        return body.put("total_count", matching.size());
    }

    /** A time as BSS's queries take it: UTC, {@code yyyy-MM-ddTHH:mm:ssZ}. */
    private static Instant utc(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(field + " must be a UTC time like 2026-01-31T00:00:00Z");
        }
    }

    /** One resource ({@code OrderInstanceV2}): an IoTDA instance and its subscription. */
    static ObjectNode resource(Instance instance, Instant now) {
        Subscription subscription = instance.subscription();
        Flavor flavor = instance.flavor();
        ObjectNode node = JsonTrees.object()
                .put("id", instance.ref().instanceId())
                .put("resource_id", instance.ref().instanceId())
                .put("resource_name", instance.profile().name())
                .put("region_code", instance.profile().regionId())
                .put("service_type_code", SERVICE_TYPE)
                .put("service_type_name", "IoTDA")
                .put("resource_type_code", RESOURCE_TYPE)
                .put("resource_type_name", "IoTDA instance")
                .put("resource_spec_code", flavor.type())
                .put("project_id", instance.ref().projectId())
                .put("is_main_resource", 1)
                .put("status", resourceStatus(instance, now))
                .put("effective_time", ApiTime.format(subscription.startTime()))
                .put("expire_time", ApiTime.format(subscription.expireTime()))
                .put("expire_policy", subscription.autoRenew() ? 3 : 0)
                .put("product_spec_desc", flavor.size() == null ? flavor.type() : flavor.type() + " x" + flavor.size())
                .put("update_time", ApiTime.format(instance.updateTime()));
        if (flavor.size() != null) {
            node.put("spec_size", flavor.size());
        }
        return node;
    }

    /** BSS's resource status: 2 in use, 4 frozen, 5 expired (in its grace period). */
    static int resourceStatus(Instance instance, Instant now) {
        if (instance.status() == InstanceStatus.FROZEN) {
            return 4;
        }
        return instance.subscription().expiredAt(now) ? 5 : 2;
    }

    /** RenewalResources' and CancelResourcesSubscription's answer: the orders made, in the order asked. */
    private static ApiResponse orderIds(List<Order> orders) {
        ObjectNode answer = JsonTrees.object();
        orders.forEach(order -> answer.withArray("order_ids").add(order.orderId().value()));
        return ApiResponse.ok(JsonTrees.write(answer));
    }

    /** A period type as BSS numbers it. */
    private static PeriodType bssPeriodType(long number) {
        if (number == 2) {
            return PeriodType.MONTH;
        }
        if (number == 3) {
            return PeriodType.YEAR;
        }
        throw Rejected.invalid("period_type must be 2 (month) or 3 (year)");
    }

    /** BSS's period type: 2 month, 3 year. */
    private static int periodType(PeriodType type) {
        return type == PeriodType.YEAR ? 3 : 2;
    }

    /** BSS's error body for a refusal; an authentication failure as API Gateway's in front of BSS answers it. */
    static ApiResponse error(Rejected rejected) {
        String detail = rejected.facts().isEmpty() ? "" : String.valueOf(rejected.facts().get(0));
        return switch (rejected.reason()) {
            case UNAUTHORIZED -> bssError(401, "APIGW.0301", "Incorrect IAM authentication information: " + detail);
            case FORBIDDEN -> bssError(403, "CBC.0151", "Access denied: " + detail + ".");
            case RESOURCE_NOT_FOUND -> bssError(400, "CBC.99003012", "Resource " + detail
                    + " does not exist for this customer.");
            case NOT_SUBSCRIBED -> bssError(400, "CBC.0101", "Invalid parameter: the resource is billed " + detail
                    + "; renewal and auto-renewal are for a paid yearly/monthly subscription.");
            case SUBSCRIPTION_ENDED -> bssError(400, "CBC.0101", "Invalid parameter: the resource's retention period "
                    + "ended at " + detail + "; it can no longer be renewed.");
            case ORDER_IN_PROGRESS -> bssError(400, "CBC.0101", "Invalid parameter: the resource has the unfinished "
                    + "order " + detail + "; pay or cancel it first.");
            case ORDER_NOT_FOUND, ORDER_AMBIGUOUS -> bssError(400, "CBC.30000010",
                    "Invalid order " + detail + ": it does not exist for this customer.");
            case ORDER_NOT_CANCELLABLE, ORDER_FINISHED -> bssError(400, "CBC.99005010", "The order " + detail
                    + " cannot be cancelled in its status " + rejected.facts().get(1) + ".");
            case CONCURRENT_CHANGE -> bssError(400, "CBC.99003106", "The order's status changed; query it again.");
            case ORDER_NOT_PAYABLE -> bssError(400, "CBC.99003106", "The order " + detail + " is "
                    + rejected.facts().get(1) + ", not awaiting payment.");
            case INSUFFICIENT_BALANCE -> bssError(400, "CBC.99005003", "Insufficient balance: the order " + detail
                    + " costs " + rejected.facts().get(1) + ", the balance is " + rejected.facts().get(2) + ".");
            case INVALID_INPUT, MALFORMED_REQUEST, PARAMETER_OUT_OF_RANGE -> bssError(400, "CBC.0100",
                    "Invalid parameter: " + detail + ".");
            default -> ApiGateway.errorResponse(ApiError.of(rejected.reason()), rejected.facts());
        };
    }

    private static ApiResponse bssError(int status, String code, String message) {
        return new ApiResponse(status, JsonTrees.write(JsonTrees.object().put("error_code", code)
                .put("error_msg", message)));
    }
}
