package cloud.iotda.dynamodb.internal;

import cloud.iotda.api.Json;
import cloud.iotda.auth.CredentialStore.AccessKey;
import cloud.iotda.auth.CredentialStore.StoredToken;
import cloud.iotda.catalogue.Edition;
import cloud.iotda.instance.ChargeMode;
import cloud.iotda.instance.Flavor;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceStatus;
import cloud.iotda.instance.OperateWindow;
import cloud.iotda.instance.PeriodType;
import cloud.iotda.instance.Subscription;
import cloud.iotda.order.Order;
import cloud.iotda.order.OrderStatus;
import cloud.iotda.order.OrderType;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys of the single table and the mapping between its rows and the domain records. */
public final class Items {
    public static final String META = "#META";
    public static final String ORDER_PREFIX = "ORDER#";
    public static final DateTimeFormatter CREATED_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter DUE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Items() {
    }

    /** A page position of a query, as text: the string key attributes of its last evaluated key. */
    public static String encodeCursor(Map<String, AttributeValue> key) {
        Map<String, String> plain = new TreeMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Json.write(plain);
    }

    public static Map<String, AttributeValue> decodeCursor(String cursor) {
        Map<String, AttributeValue> key = new HashMap<>();
        try {
            Json.mapper().readTree(cursor).fields().forEachRemaining(e ->
                    key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText())));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cursor: " + cursor, e);
        }
        return key;
    }

    public static String instancePk(String projectId, String instanceId) {
        return "INSTANCE#" + projectId + "#" + instanceId;
    }

    public static String accessKeyPk(String accessKeyId) {
        return "AK#" + accessKeyId;
    }

    public static AccessKeyItem toItem(AccessKey key) {
        AccessKeyItem item = new AccessKeyItem();
        item.setPk(accessKeyPk(key.accessKeyId()));
        item.setSk(META);
        item.setEntity("ACCESS_KEY");
        item.setProjectId(key.projectId());
        item.setSecretKey(key.secretKey());
        item.setCreateTime(key.createTime().toString());
        return item;
    }

    public static AccessKey fromItem(AccessKeyItem item) {
        return new AccessKey(item.getPk().substring("AK#".length()), item.getSecretKey(), item.getProjectId(),
                Instant.parse(item.getCreateTime()));
    }

    public static String tokenPk(byte[] tokenSha256) {
        return "TOKEN#" + HexFormat.of().formatHex(tokenSha256);
    }

    public static InstanceItem toItem(Instance instance) {
        InstanceItem item = new InstanceItem();
        item.setPk(instancePk(instance.projectId(), instance.instanceId()));
        item.setSk(META);
        item.setEntity("INSTANCE");
        item.setProjectId(instance.projectId());
        item.setInstanceId(instance.instanceId());
        item.setName(instance.name());
        item.setDescription(instance.description());
        item.setInstanceType(instance.edition().wireName());
        item.setFlavorType(instance.flavor().type());
        item.setFlavorSize(instance.flavor().size());
        item.setChargeMode(instance.chargeMode().wireName());
        item.setStatus(instance.status().name());
        Subscription subscription = instance.subscription();
        if (subscription != null) {
            item.setPeriodType(subscription.periodType().wireName());
            item.setPeriodNum(subscription.periodNum());
            item.setAutoRenew(subscription.autoRenew());
            item.setExpireTime(subscription.expireTime().toString());
        }
        OperateWindow window = instance.operateWindow();
        if (window != null) {
            item.setWindowStart(OperateWindow.format(window.start()));
            item.setWindowEnd(OperateWindow.format(window.end()));
        }
        item.setOrderId(instance.orderId());
        Instance.LastOrder last = instance.lastOrder();
        if (last != null) {
            item.setLastOrderId(last.orderId());
            item.setLastRequestHash(last.requestHash());
            item.setLastOrderTime(last.time().toString());
        }
        item.setCreateTime(instance.createTime().toString());
        item.setUpdateTime(instance.updateTime().toString());
        item.setVersion(instance.version());
        return item;
    }

    public static Instance fromItem(InstanceItem item) {
        Subscription subscription = item.getPeriodType() == null ? null : new Subscription(
                PeriodType.fromWireName(item.getPeriodType()), item.getPeriodNum(),
                Boolean.TRUE.equals(item.getAutoRenew()), Instant.parse(item.getExpireTime()));
        OperateWindow window = item.getWindowStart() == null ? null : new OperateWindow(
                OperateWindow.parseTime(item.getWindowStart()), OperateWindow.parseTime(item.getWindowEnd()));
        Instance.LastOrder last = item.getLastOrderId() == null ? null : new Instance.LastOrder(
                item.getLastOrderId(), item.getLastRequestHash(), Instant.parse(item.getLastOrderTime()));
        return new Instance(item.getProjectId(), item.getInstanceId(), item.getName(), item.getDescription(),
                Edition.fromWireName(item.getInstanceType()),
                new Flavor(item.getFlavorType(), item.getFlavorSize()),
                ChargeMode.fromWireName(item.getChargeMode()),
                InstanceStatus.valueOf(item.getStatus()),
                subscription, window, item.getOrderId(), last,
                Instant.parse(item.getCreateTime()), Instant.parse(item.getUpdateTime()),
                item.getVersion());
    }

    public static OrderItem toItem(Order order) {
        OrderItem item = new OrderItem();
        item.setPk(instancePk(order.projectId(), order.instanceId()));
        item.setSk(ORDER_PREFIX + order.orderId());
        item.setEntity("ORDER");
        item.setOrderId(order.orderId());
        item.setProjectId(order.projectId());
        item.setInstanceId(order.instanceId());
        item.setType(order.type().name());
        item.setStatus(order.status().name());
        item.setRequest(order.request());
        item.setRequestHash(order.requestHash());
        item.setCreateTime(order.createTime().toString());
        item.setUpdateTime(order.updateTime().toString());
        item.setExecuteAfter(order.executeAfter() == null ? null : order.executeAfter().toString());
        item.setOrderKey(order.orderId());
        item.setCreatedKey(CREATED_FORMAT.format(order.createTime()) + "#" + order.orderId());
        Instant dueAt = order.dueAt();
        if (dueAt != null) {
            item.setDueKind(order.status().name());
            // Fixed-width UTC text, so that the index sorts it as time.
            item.setDueAt(DUE_FORMAT.format(dueAt));
        }
        return item;
    }

    public static Order fromItem(OrderItem item) {
        return new Order(item.getOrderId(), item.getProjectId(), item.getInstanceId(),
                OrderType.valueOf(item.getType()), OrderStatus.valueOf(item.getStatus()),
                item.getRequest(), item.getRequestHash(),
                Instant.parse(item.getCreateTime()), Instant.parse(item.getUpdateTime()),
                item.getExecuteAfter() == null ? null : Instant.parse(item.getExecuteAfter()));
    }

    public static TokenItem toItem(StoredToken token) {
        TokenItem item = new TokenItem();
        item.setPk(tokenPk(token.tokenSha256()));
        item.setSk(META);
        item.setEntity("TOKEN");
        item.setProjectId(token.projectId());
        item.setExpiresAt(token.expiresAt().toString());
        item.setTtl(token.expiresAt().getEpochSecond());
        return item;
    }

    public static StoredToken fromItem(TokenItem item) {
        return new StoredToken(HexFormat.of().parseHex(item.getPk().substring("TOKEN#".length())), item.getProjectId(),
                Instant.parse(item.getExpiresAt()));
    }
}
