package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order's row, in its instance's partition, and its id's own row, which makes the id unique across the table and
 * names the order's instance. The row carries the ByOrderId and ByCreateTime index keys, the ByProject keys of its
 * project's orders, and while the processor has work with it the DueOrders keys, in the partition of its status.
 */
public final class OrderRows {
    public static final String ENTITY = "ORDER";
    public static final String STATUS = "status";
    public static final String CREATED_KEY = "createdKey";
    private static final String AMOUNT = "amount";
    private static final String AUTOMATIC_RENEWAL = "automatic";
    private static final String CONSOLE_RENEWAL = "console";

    private OrderRows() {
    }

    public static final RowSchema<Order> SCHEMA = RowSchema.of(Order.class, OrderRows::toItem, OrderRows::fromItem,
            new RowSchema.Index(Keys.BY_ORDER_ID, "orderKey", null), new RowSchema.Index(Keys.BY_CREATE_TIME, null,
                    CREATED_KEY), new RowSchema.Index(Keys.DUE_ORDERS, Keys.DUE_KIND, Keys.DUE_AT),
            new RowSchema.Index(Keys.BY_PROJECT, InstanceRows.PROJECT_KEY, InstanceRows.LISTED_AT));

    /**
     * The ByProject partition of a project's orders (beside the partition of its live instances, which is the bare
     * project id): the billing API lists an account's orders project by project, newest first.
     */
    public static String projectOrdersKey(String projectId) {
        return "ORDERS#" + projectId;
    }

    public static Key key(InstanceRef instance, OrderId orderId) {
        return Keys.key(Keys.instancePk(instance), Keys.orderSk(orderId));
    }

    /** The key of the id's own row. */
    public static Map<String, AttributeValue> idKey(OrderId orderId) {
        return Keys.attributes(Keys.key("ORDERID#" + orderId.value(), Keys.META));
    }

    public static Map<String, AttributeValue> idItem(Order order) {
        return Row.of("ORDERID#" + order.orderId().value(), Keys.META, "ORDER_ID")
                .put("projectId", order.instance().projectId())
                .put("instanceId", order.instance().instanceId()).item();
    }

    public static InstanceRef instanceOfId(Map<String, AttributeValue> idItem) {
        Row row = Row.read(idItem);
        return new InstanceRef(row.text("projectId"), row.text("instanceId"));
    }

    /** The ByCreateTime index's sort key: the creation time, then the id. */
    public static String createdKey(Order order) {
        return Keys.CREATED_FORMAT.format(order.createTime()) + "#" + order.orderId();
    }

    public static Map<String, AttributeValue> toItem(Order order) {
        Row row = Row.of(Keys.instancePk(order.instance()), Keys.orderSk(order.orderId()), ENTITY)
                .put("orderId", order.orderId().value())
                .put("projectId", order.instance().projectId())
                .put("instanceId", order.instance().instanceId())
                .put("type", order.type().name())
                .put(STATUS, order.status().name())
                .put("autoPay", order.change().autoPay())
                .put("requestHash", order.fingerprint())
                .put("createTime", order.createTime())
                .put("updateTime", order.updateTime())
                .put("executeAfter", order.executeAfter())
                .put("taskId", order.taskId() == null ? null : order.taskId().value())
                .put(AMOUNT, order.amount().isZero() ? null : order.amount().hundredths())
                .put("orderKey", order.orderId().value())
                .put(CREATED_KEY, createdKey(order))
                .put(InstanceRows.PROJECT_KEY, projectOrdersKey(order.instance().projectId()))
                .put(InstanceRows.LISTED_AT, createdKey(order));
        Change change = order.change();
        if (change instanceof Change.Resize resize) {
            row.put("flavorType", resize.flavor().type()).put("flavorSize", resize.flavor().size())
                    .put("delay", resize.delay());
        } else if (change instanceof Change.ChargeModeChange mode) {
            row.put("periodType", mode.periodType().wireName()).put("periodNum", mode.periodNum())
                    .put("autoRenew", mode.autoRenew());
        } else if (change instanceof Change.Renew renew) {
            row.put("periodType", renew.periodType().wireName()).put("periodNum", renew.periodNum())
                    .put("renewal", renew.automatic() ? AUTOMATIC_RENEWAL : CONSOLE_RENEWAL);
        } else if (change instanceof Change.Unsubscribe unsubscribe) {
            row.put("renewalsOnly", unsubscribe.renewalsOnly()).put("months", unsubscribe.months());
        } else {
            ChargeInfo charge = ((Change.Create) change).charge();
            row.put("periodType", charge.periodType().wireName()).put("periodNum", charge.periodNum())
                    .put("autoRenew", charge.autoRenew());
        }
        Instant due = order.dueAt();
        if (due != null) {
            row.put(Keys.DUE_KIND, order.status().name()).put(Keys.DUE_AT, Keys.DUE_FORMAT.format(due));
        }
        return row.item();
    }

    public static Order fromItem(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        return new Order(new OrderId(row.text("orderId")),
                new InstanceRef(row.text("projectId"), row.text("instanceId")), change(row),
                OrderStatus.valueOf(row.text(STATUS)), row.text("requestHash"), row.instant("createTime"),
                row.instant("updateTime"), row.instant("executeAfter"),
                row.has("taskId") ? new TaskId(row.text("taskId")) : null,
                // In hundredths; none on an order that costs nothing, or written before orders had amounts.
                new Amount(row.number(AMOUNT, 0)));
    }

    private static Change change(Row row) {
        OrderType type = OrderType.valueOf(row.text("type"));
        if (type == OrderType.UNSUBSCRIBE) {
            return new Change.Unsubscribe(row.flag("renewalsOnly"), row.integer("months"));
        }
        if (!row.has("flavorType") && !row.has("periodType") && row.has("request")) {
            return legacyChange(type, row.text("request"));
        }
        boolean autoPay = row.flag("autoPay");
        return switch (type) {
            case RESIZE -> new Change.Resize(new Flavor(row.text("flavorType"), row.integer("flavorSize")),
                    row.flag("delay"), autoPay);
            case RENEW -> new Change.Renew(PeriodType.fromWireName(row.text("periodType")), row.integer("periodNum"),
                    AUTOMATIC_RENEWAL.equals(row.text("renewal")));
            case CREATE_INSTANCE -> new Change.Create(ChargeInfo.prePaid(PeriodType.fromWireName(
                    row.text("periodType")), row.integer("periodNum"), row.flag("autoRenew"), autoPay));
            default -> new Change.ChargeModeChange(PeriodType.fromWireName(row.text("periodType")),
                    row.integer("periodNum"), row.flag("autoRenew"), autoPay);
        };
    }

    /** An order row written before changes were stored typed: its normalized request, read as stored. */
    private static Change legacyChange(OrderType type, String request) {
        JsonNode json;
        try {
            json = JsonTrees.read(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean autoPay = json.path("is_auto_pay").asBoolean(false);
        if (type == OrderType.RESIZE) {
            JsonNode flavor = json.path("flavor");
            Integer size = flavor.hasNonNull("size") ? flavor.get("size").asInt() : null;
            return new Change.Resize(new Flavor(flavor.path("type").asText(), size),
                    json.path("delay").asBoolean(false), autoPay);
        }
        return new Change.ChargeModeChange(PeriodType.fromWireName(json.path("period_type").asText()),
                json.path("period_num").asInt(), json.path("is_auto_renew").asBoolean(false), autoPay);
    }
}
