package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys of the single table and the mapping between its rows and the domain records. */
public final class Items {
    public static final String META = "#META";
    public static final String ORDER_PREFIX = "ORDER#";
    /** The DueOrders partition of instances whose subscription the processor is to renew, freeze or delete. */
    public static final String SUBSCRIPTION_DUE = "SUBSCRIPTION";
    /** The one item of the processor's progress, and its attribute: the instant of the latest pass. */
    public static final String PROCESSOR_PK = "PROCESSOR";
    public static final String LAST_PASS = "lastPassAt";
    private static final String AUTOMATIC_RENEWAL = "automatic";
    private static final String CONSOLE_RENEWAL = "console";
    /** The one partition of every flavor's sale setting, and the prefix of each setting's sort key. */
    public static final String FLAVOR_SALES_PK = "CATALOGUE";
    public static final String FLAVOR_SALE_PREFIX = "SALE#";
    /** Fixed-width UTC text, so that an index sorts it as time. */
    public static final DateTimeFormatter CREATED_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter DUE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String INSTANCE_PREFIX = "INSTANCE#";
    private static final String TOKEN_PREFIX = "TOKEN#";
    private static final String ACCESS_KEY_PREFIX = "AK#";
    private static final String ORDER_ID_PREFIX = "ORDERID#";
    private static final String PROJECT_PREFIX = "PROJECT#";
    private static final String COUNT_SK = "#INSTANCES";
    /** The entity of a project's count of instances. */
    public static final String PROJECT_COUNT = "PROJECT_COUNT";

    private Items() {
    }

    public static Map<String, AttributeValue> processorKey() {
        return Map.of("pk", AttributeValue.fromS(PROCESSOR_PK), "sk", AttributeValue.fromS(META));
    }

    /** A page position of a query, as text: the string key attributes of its last evaluated key. */
    public static String encodeCursor(Map<String, AttributeValue> key) {
        ObjectNode plain = JsonTrees.object();
        new TreeMap<>(key).forEach((name, value) -> plain.put(name, value.s()));
        return JsonTrees.write(plain);
    }

    public static Map<String, AttributeValue> decodeCursor(String cursor) {
        Map<String, AttributeValue> key = new HashMap<>();
        try {
            JsonTrees.read(cursor).fields().forEachRemaining(e ->
                    key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText())));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cursor: " + cursor, e);
        }
        return key;
    }

    public static final String TASK_PREFIX = "TASK#";

    /** A task's sort key: its place in its instance's history, so a reverse Query gives the newest first. */
    public static String taskSk(long sequence) {
        return TASK_PREFIX + String.format("%08x", sequence);
    }

    public static TaskItem toItem(Task task) {
        TaskItem item = new TaskItem();
        item.setPk(instancePk(task.instance()));
        item.setSk(taskSk(task.taskId().sequence().orElseThrow()));
        item.setEntity("TASK");
        item.setTaskId(task.taskId().value());
        item.setProjectId(task.instance().projectId());
        item.setInstanceId(task.instance().instanceId());
        item.setType(task.type().name());
        item.setStatus(task.status().name());
        item.setStatusDetail(task.statusDetail());
        item.setCreateTime(task.createTime().toString());
        item.setStartTime(task.startTime() == null ? null : task.startTime().toString());
        item.setEndTime(task.endTime() == null ? null : task.endTime().toString());
        TargetConfig target = task.targetConfig();
        if (target != null && target.flavor() != null) {
            item.setTargetFlavorType(target.flavor().type());
            item.setTargetFlavorSize(target.flavor().size());
        }
        if (target != null && target.chargeMode() != null) {
            item.setTargetChargeMode(target.chargeMode().wireName());
        }
        if (task.operateWindow() != null) {
            item.setWindowStart(OperateWindow.format(task.operateWindow().start()));
            item.setWindowEnd(OperateWindow.format(task.operateWindow().end()));
        }
        item.setOrderId(task.orderId() == null ? null : task.orderId().value());
        item.setTtl(task.createTime().plus(Task.KEPT_FOR).getEpochSecond());
        return item;
    }

    public static Task fromItem(TaskItem item) {
        Flavor flavor = item.getTargetFlavorType() == null ? null
                : new Flavor(item.getTargetFlavorType(), item.getTargetFlavorSize());
        ChargeMode mode = item.getTargetChargeMode() == null ? null
                : ChargeMode.fromWireName(item.getTargetChargeMode());
        OperateWindow window = item.getWindowStart() == null ? null : new OperateWindow(
                OperateWindow.parseTime(item.getWindowStart()), OperateWindow.parseTime(item.getWindowEnd()));
        return new Task(new TaskId(item.getTaskId()), new InstanceRef(item.getProjectId(), item.getInstanceId()),
                TaskType.valueOf(item.getType()), TaskStatus.valueOf(item.getStatus()), item.getStatusDetail(),
                Instant.parse(item.getCreateTime()),
                item.getStartTime() == null ? null : Instant.parse(item.getStartTime()),
                item.getEndTime() == null ? null : Instant.parse(item.getEndTime()),
                flavor == null && mode == null ? null : new TargetConfig(flavor, mode), window,
                item.getOrderId() == null ? null : new OrderId(item.getOrderId()));
    }

    public static FlavorSaleItem toItem(String flavorType, SaleStatus status) {
        FlavorSaleItem item = new FlavorSaleItem();
        item.setPk(FLAVOR_SALES_PK);
        item.setSk(FLAVOR_SALE_PREFIX + flavorType);
        item.setEntity("FLAVOR_SALE");
        item.setStatus(status.wireName());
        return item;
    }

    public static String instancePk(InstanceRef ref) {
        return INSTANCE_PREFIX + ref.projectId() + "#" + ref.instanceId();
    }

    public static String orderSk(OrderId orderId) {
        return ORDER_PREFIX + orderId.value();
    }

    /** The key of a project's count of instances, by edition (attributes named by the edition). */
    public static Map<String, AttributeValue> projectCountKey(String projectId) {
        return Map.of("pk", AttributeValue.fromS(PROJECT_PREFIX + projectId), "sk", AttributeValue.fromS(COUNT_SK));
    }

    public static InstanceCount instanceCount(Map<String, AttributeValue> item) {
        return new InstanceCount(number(item.get(Edition.STANDARD.wireName())),
                number(item.get(Edition.ENTERPRISE.wireName())));
    }

    private static long number(AttributeValue value) {
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** The key of an order id's own item, which makes the id unique across the table. */
    public static Map<String, AttributeValue> orderIdKey(OrderId orderId) {
        return Map.of("pk", AttributeValue.fromS(ORDER_ID_PREFIX + orderId.value()), "sk", AttributeValue.fromS(META));
    }

    /** An order id's own item: it names the order's instance, so the order is found by its id alone. */
    public static Map<String, AttributeValue> orderIdItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(orderIdKey(order.orderId()));
        item.put("entity", AttributeValue.fromS("ORDER_ID"));
        item.put("projectId", AttributeValue.fromS(order.instance().projectId()));
        item.put("instanceId", AttributeValue.fromS(order.instance().instanceId()));
        return item;
    }

    public static InstanceRef instanceOfOrderId(Map<String, AttributeValue> item) {
        return new InstanceRef(item.get("projectId").s(), item.get("instanceId").s());
    }

    public static String accessKeyPk(String accessKeyId) {
        return ACCESS_KEY_PREFIX + accessKeyId;
    }

    public static String tokenPk(byte[] tokenSha256) {
        return TOKEN_PREFIX + HexFormat.of().formatHex(tokenSha256);
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
        return new AccessKey(item.getPk().substring(ACCESS_KEY_PREFIX.length()), item.getSecretKey(),
                item.getProjectId(), Instant.parse(item.getCreateTime()));
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
        return new StoredToken(HexFormat.of().parseHex(item.getPk().substring(TOKEN_PREFIX.length())),
                item.getProjectId(), Instant.parse(item.getExpiresAt()));
    }

    public static InstanceItem toItem(Instance instance) {
        InstanceItem item = new InstanceItem();
        item.setPk(instancePk(instance.ref()));
        item.setSk(META);
        item.setEntity("INSTANCE");
        item.setProjectId(instance.ref().projectId());
        item.setInstanceId(instance.ref().instanceId());
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
            item.setSubscriptionStart(subscription.startTime().toString());
            item.setSubscriptionMonths(subscription.months());
        }
        OperateWindow window = instance.operateWindow();
        if (window != null) {
            item.setWindowStart(OperateWindow.format(window.start()));
            item.setWindowEnd(OperateWindow.format(window.end()));
        }
        item.setOrderId(instance.orderId() == null ? null : instance.orderId().value());
        Instance.LastOrder last = instance.lastOrder();
        if (last != null) {
            item.setLastOrderId(last.orderId().value());
            item.setLastRequestHash(last.fingerprint());
            item.setLastOrderTime(last.time().toString());
        }
        item.setRegionId(instance.regionId());
        item.setEnterpriseProjectId(instance.enterpriseProjectId());
        item.setTags(instance.tags().isEmpty() ? null : instance.tags().list().stream().map(Items::toItem).toList());
        Network network = instance.network();
        if (!network.isEmpty()) {
            item.setVpcId(network.vpcId());
            item.setSubnetId(network.subnetId());
            item.setSecurityGroupId(network.securityGroupId());
            item.setCipheringAlgorithm(network.cipheringAlgorithm());
            item.setSnatEnabled(network.snatEnabled() ? Boolean.TRUE : null);
            item.setAccesses(network.accesses().isEmpty() ? null
                    : network.accesses().stream().map(Items::toItem).toList());
        }
        item.setCreateTime(instance.createTime().toString());
        item.setUpdateTime(instance.updateTime().toString());
        if (instance.isDeleted()) {
            item.setDeleteTime(instance.deleteTime().toString());
        } else {
            // Only live instances are in the ByProject index (ListInstances).
            item.setProjectKey(instance.ref().projectId());
            item.setListedAt(instance.recordId());
        }
        item.setVersion(instance.version());
        item.setTaskCount(instance.taskCount());
        Instant subscriptionDue = instance.subscriptionDueAt();
        if (subscriptionDue != null) {
            item.setDueKind(SUBSCRIPTION_DUE);
            item.setDueAt(DUE_FORMAT.format(subscriptionDue));
        }
        return item;
    }

    private static TagItem toItem(Tag tag) {
        TagItem item = new TagItem();
        item.setKey(tag.key());
        item.setValue(tag.value());
        return item;
    }

    private static AccessItem toItem(Network.Access access) {
        AccessItem item = new AccessItem();
        item.setType(access.type().name());
        item.setDomainName(access.domainName());
        if (access.whitelist() != null) {
            item.setWhitelistEnabled(access.whitelist().enabled());
            item.setAllowedAddresses(access.whitelist().addresses().stream().map(address -> {
                AllowedAddressItem allowed = new AllowedAddressItem();
                allowed.setAddress(address.address());
                allowed.setDescription(address.description());
                return allowed;
            }).toList());
        }
        return item;
    }

    private static Network networkOf(InstanceItem item) {
        List<Network.Access> accesses = item.getAccesses() == null ? List.of() : item.getAccesses().stream()
                .map(access -> new Network.Access(Network.AccessType.valueOf(access.getType()), access.getDomainName(),
                        whitelistOf(access)))
                .toList();
        return new Network(item.getVpcId(), item.getSubnetId(), item.getSecurityGroupId(),
                item.getCipheringAlgorithm(), Boolean.TRUE.equals(item.getSnatEnabled()), accesses);
    }

    private static Network.Whitelist whitelistOf(AccessItem access) {
        if (access.getWhitelistEnabled() == null) {
            return null;
        }
        List<Network.AllowedAddress> allowed = access.getAllowedAddresses() == null ? List.of()
                : access.getAllowedAddresses().stream()
                        .map(address -> new Network.AllowedAddress(address.getAddress(), address.getDescription()))
                        .toList();
        return new Network.Whitelist(access.getWhitelistEnabled(), allowed);
    }

    public static Instance fromItem(InstanceItem item) {
        Subscription subscription = subscriptionOf(item);
        OperateWindow window = item.getWindowStart() == null ? null : new OperateWindow(
                OperateWindow.parseTime(item.getWindowStart()), OperateWindow.parseTime(item.getWindowEnd()));
        Instance.LastOrder last = item.getLastOrderId() == null ? null : new Instance.LastOrder(
                new OrderId(item.getLastOrderId()), item.getLastRequestHash(), Instant.parse(item.getLastOrderTime()));
        Tags tags = item.getTags() == null ? Tags.NONE
                : new Tags(item.getTags().stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toList());
        return new Instance(new InstanceRef(item.getProjectId(), item.getInstanceId()), item.getName(),
                item.getDescription(), Edition.fromWireName(item.getInstanceType()),
                new Flavor(item.getFlavorType(), item.getFlavorSize()), ChargeMode.fromWireName(item.getChargeMode()),
                subscription, InstanceStatus.valueOf(item.getStatus()), window, item.getRegionId(),
                item.getEnterpriseProjectId(), tags, networkOf(item),
                item.getOrderId() == null ? null : new OrderId(item.getOrderId()), last,
                Instant.parse(item.getCreateTime()), Instant.parse(item.getUpdateTime()),
                item.getDeleteTime() == null ? null : Instant.parse(item.getDeleteTime()), item.getVersion(),
                item.getTaskCount() == null ? 0 : item.getTaskCount());
    }

    private static Subscription subscriptionOf(InstanceItem item) {
        if (item.getPeriodType() == null) {
            return null;
        }
        PeriodType type = PeriodType.fromWireName(item.getPeriodType());
        boolean autoRenew = Boolean.TRUE.equals(item.getAutoRenew());
        return item.getSubscriptionStart() == null
                ? Subscription.expiringAt(type, item.getPeriodNum(), autoRenew, Instant.parse(item.getExpireTime()))
                : new Subscription(type, item.getPeriodNum(), autoRenew, Instant.parse(item.getSubscriptionStart()),
                        item.getSubscriptionMonths());
    }

    public static OrderItem toItem(Order order) {
        OrderItem item = new OrderItem();
        item.setPk(instancePk(order.instance()));
        item.setSk(orderSk(order.orderId()));
        item.setEntity("ORDER");
        item.setOrderId(order.orderId().value());
        item.setProjectId(order.instance().projectId());
        item.setInstanceId(order.instance().instanceId());
        item.setType(order.type().name());
        item.setStatus(order.status().name());
        Change change = order.change();
        item.setAutoPay(change.autoPay());
        if (change instanceof Change.Resize resize) {
            item.setFlavorType(resize.flavor().type());
            item.setFlavorSize(resize.flavor().size());
            item.setDelay(resize.delay());
        } else if (change instanceof Change.ChargeModeChange chargeMode) {
            item.setPeriodType(chargeMode.periodType().wireName());
            item.setPeriodNum(chargeMode.periodNum());
            item.setAutoRenew(chargeMode.autoRenew());
        } else if (change instanceof Change.Renew renew) {
            item.setPeriodType(renew.periodType().wireName());
            item.setPeriodNum(renew.periodNum());
            item.setRenewal(renew.automatic() ? AUTOMATIC_RENEWAL : CONSOLE_RENEWAL);
        } else {
            ChargeInfo charge = ((Change.Create) change).charge();
            item.setPeriodType(charge.periodType().wireName());
            item.setPeriodNum(charge.periodNum());
            item.setAutoRenew(charge.autoRenew());
        }
        item.setRequestHash(order.fingerprint());
        item.setCreateTime(order.createTime().toString());
        item.setUpdateTime(order.updateTime().toString());
        item.setExecuteAfter(order.executeAfter() == null ? null : order.executeAfter().toString());
        item.setTaskId(order.taskId() == null ? null : order.taskId().value());
        item.setOrderKey(order.orderId().value());
        item.setCreatedKey(CREATED_FORMAT.format(order.createTime()) + "#" + order.orderId());
        Instant dueAt = order.dueAt();
        if (dueAt != null) {
            item.setDueKind(order.status().name());
            item.setDueAt(DUE_FORMAT.format(dueAt));
        }
        return item;
    }

    public static Order fromItem(OrderItem item) {
        return new Order(new OrderId(item.getOrderId()), new InstanceRef(item.getProjectId(), item.getInstanceId()),
                changeOf(item), OrderStatus.valueOf(item.getStatus()), item.getRequestHash(),
                Instant.parse(item.getCreateTime()), Instant.parse(item.getUpdateTime()),
                item.getExecuteAfter() == null ? null : Instant.parse(item.getExecuteAfter()),
                item.getTaskId() == null ? null : new TaskId(item.getTaskId()));
    }

    private static Change changeOf(OrderItem item) {
        OrderType type = OrderType.valueOf(item.getType());
        if (item.getFlavorType() == null && item.getPeriodType() == null && item.getRequest() != null) {
            return legacyChange(type, item.getRequest());
        }
        boolean autoPay = Boolean.TRUE.equals(item.getAutoPay());
        if (type == OrderType.RESIZE) {
            return new Change.Resize(new Flavor(item.getFlavorType(), item.getFlavorSize()),
                    Boolean.TRUE.equals(item.getDelay()), autoPay);
        }
        if (type == OrderType.RENEW) {
            return new Change.Renew(PeriodType.fromWireName(item.getPeriodType()), item.getPeriodNum(),
                    AUTOMATIC_RENEWAL.equals(item.getRenewal()));
        }
        if (type == OrderType.CREATE_INSTANCE) {
            return new Change.Create(ChargeInfo.prePaid(PeriodType.fromWireName(item.getPeriodType()),
                    item.getPeriodNum(), Boolean.TRUE.equals(item.getAutoRenew()), autoPay));
        }
        return new Change.ChargeModeChange(PeriodType.fromWireName(item.getPeriodType()), item.getPeriodNum(),
                Boolean.TRUE.equals(item.getAutoRenew()), autoPay);
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
