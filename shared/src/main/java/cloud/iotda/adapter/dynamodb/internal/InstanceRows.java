package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.instance.Billing;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Profile;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An instance's row (its partition's {@code #META}) and its project's count of instances. A live instance carries
 * the ByProject index's keys (ListInstances); one with a subscription to renew, freeze or delete the DueOrders
 * index's, in the partition {@link #SUBSCRIPTION_DUE}.
 */
public final class InstanceRows {
    public static final String ENTITY = "INSTANCE";
    public static final String SUBSCRIPTION_DUE = "SUBSCRIPTION";
    public static final String PROJECT_KEY = "projectKey";
    public static final String LISTED_AT = "listedAt";
    public static final String VERSION = "version";
    public static final String DELETE_TIME = "deleteTime";
    /** The entity of a project's count of instances, by edition (an attribute per edition). */
    public static final String PROJECT_COUNT = "PROJECT_COUNT";

    private InstanceRows() {
    }

    /** The mapping of instance rows whose subscriptions lapse as {@code lapse} says (it decides their due time). */
    public static RowSchema<Instance> schema(Lapse lapse) {
        return RowSchema.of(Instance.class, instance -> toItem(instance, lapse), InstanceRows::fromItem,
                new RowSchema.Index(Keys.BY_PROJECT, PROJECT_KEY, LISTED_AT),
                new RowSchema.Index(Keys.DUE_ORDERS, Keys.DUE_KIND, Keys.DUE_AT));
    }

    public static Key key(InstanceRef ref) {
        return Keys.key(Keys.instancePk(ref), Keys.META);
    }

    public static Map<String, AttributeValue> countKey(String projectId) {
        return Keys.attributes(Keys.key("PROJECT#" + projectId, "#INSTANCES"));
    }

    public static InstanceCount count(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        return new InstanceCount(row.number(Edition.STANDARD.wireName(), 0),
                row.number(Edition.ENTERPRISE.wireName(), 0));
    }

    public static Map<String, AttributeValue> toItem(Instance instance, Lapse lapse) {
        Row row = Row.of(Keys.instancePk(instance.ref()), Keys.META, ENTITY)
                .put("projectId", instance.ref().projectId())
                .put("instanceId", instance.ref().instanceId())
                .put("name", instance.profile().name())
                .put("description", instance.profile().description())
                .put("instanceType", instance.edition().wireName())
                .put("flavorType", instance.flavor().type())
                .put("flavorSize", instance.flavor().size())
                .put("chargeMode", instance.chargeMode().wireName())
                .put("status", instance.status().name())
                .put("regionId", instance.profile().regionId())
                .put("enterpriseProjectId", instance.profile().enterpriseProjectId())
                .put("tags", instance.profile().tags().list().stream()
                        .map(tag -> Row.empty().put("key", tag.key()).put("value", tag.value())).toList())
                .put("createTime", instance.createTime())
                .put("updateTime", instance.updateTime())
                .put(DELETE_TIME, instance.deleteTime())
                .put(VERSION, instance.version())
                .put("taskCount", instance.taskCount());
        Subscription subscription = instance.subscription();
        if (subscription != null) {
            row.put("periodType", subscription.periodType().wireName())
                    .put("periodNum", subscription.periodNum())
                    .put("autoRenew", subscription.autoRenew())
                    .put("expireTime", subscription.expireTime())
                    .put("subscriptionStart", subscription.startTime())
                    .put("subscriptionMonths", subscription.months())
                    .put("renewalTriedAt", subscription.renewalTriedAt());
        }
        OperateWindow window = instance.profile().operateWindow();
        if (window != null) {
            row.put("windowStart", OperateWindow.format(window.start()))
                    .put("windowEnd", OperateWindow.format(window.end()));
        }
        if (instance.orderId() != null) {
            row.put("orderId", instance.orderId().value());
        }
        OrderState.LastOrder last = instance.orders().last();
        if (last != null) {
            row.put("lastOrderId", last.orderId().value()).put("lastRequestHash", last.fingerprint())
                    .put("lastOrderTime", last.time());
        }
        putNetwork(row, instance.profile().network());
        if (!instance.isDeleted()) {
            row.put(PROJECT_KEY, instance.ref().projectId()).put(LISTED_AT, instance.recordId());
        }
        Instant due = instance.subscriptionDueAt(lapse);
        if (due != null) {
            row.put(Keys.DUE_KIND, SUBSCRIPTION_DUE).put(Keys.DUE_AT, Keys.DUE_FORMAT.format(due));
        }
        return row.item();
    }

    private static void putNetwork(Row row, Network network) {
        if (network.isEmpty()) {
            return;
        }
        row.put("vpcId", network.vpcId())
                .put("subnetId", network.subnetId())
                .put("securityGroupId", network.securityGroupId())
                .put("cipheringAlgorithm", network.cipheringAlgorithm())
                .put("snatEnabled", network.snatEnabled() ? Boolean.TRUE : null)
                .put("accesses", network.accesses().stream().map(access -> {
                    Row document = Row.empty().put("type", access.type().name())
                            .put("domainName", access.domainName());
                    if (access.whitelist() != null) {
                        document.put("whitelistEnabled", access.whitelist().enabled())
                                .put("allowedAddresses", access.whitelist().addresses().stream()
                                        .map(allowed -> Row.empty().put("address", allowed.address())
                                                .put("description", allowed.description()))
                                        .toList());
                    }
                    return document;
                }).toList());
    }

    public static Instance fromItem(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        OperateWindow window = row.has("windowStart") ? new OperateWindow(
                OperateWindow.parseTime(row.text("windowStart")), OperateWindow.parseTime(row.text("windowEnd")))
                : null;
        OrderState.LastOrder last = row.has("lastOrderId") ? new OrderState.LastOrder(
                new OrderId(row.text("lastOrderId")), row.text("lastRequestHash"), row.instant("lastOrderTime"))
                : null;
        Tags tags = row.has("tags") ? new Tags(row.documents("tags").stream()
                .map(tag -> new Tag(tag.text("key"), tag.text("value"))).toList()) : Tags.NONE;
        Profile profile = new Profile(row.text("name"), row.text("description"), row.text("regionId"),
                row.text("enterpriseProjectId"), window, tags, network(row));
        return new Instance(new InstanceRef(row.text("projectId"), row.text("instanceId")),
                Edition.fromWireName(row.text("instanceType")),
                new Flavor(row.text("flavorType"), row.integer("flavorSize")),
                InstanceStatus.valueOf(row.text("status")), profile,
                new Billing(ChargeMode.fromWireName(row.text("chargeMode")), subscription(row)),
                new OrderState(row.has("orderId") ? new OrderId(row.text("orderId")) : null, last),
                row.instant("createTime"), row.instant("updateTime"), row.instant(DELETE_TIME),
                row.number(VERSION, 0), row.number("taskCount", 0));
    }

    private static Subscription subscription(Row row) {
        if (!row.has("periodType")) {
            return null;
        }
        PeriodType type = PeriodType.fromWireName(row.text("periodType"));
        int periodNum = row.integer("periodNum");
        boolean autoRenew = row.flag("autoRenew");
        // Rows written before subscriptions kept their start know only when they expire.
        return row.has("subscriptionStart")
                ? new Subscription(type, periodNum, autoRenew, row.instant("subscriptionStart"),
                        row.integer("subscriptionMonths"), row.instant("renewalTriedAt"))
                : Subscription.expiringAt(type, periodNum, autoRenew, row.instant("expireTime"));
    }

    private static Network network(Row row) {
        return new Network(row.text("vpcId"), row.text("subnetId"), row.text("securityGroupId"),
                row.text("cipheringAlgorithm"), row.flag("snatEnabled"), row.documents("accesses").stream()
                        .map(access -> new Network.Access(Network.AccessType.valueOf(access.text("type")),
                                access.text("domainName"), whitelist(access)))
                        .toList());
    }

    private static Network.Whitelist whitelist(Row access) {
        return access.has("whitelistEnabled") ? new Network.Whitelist(access.flag("whitelistEnabled"),
                access.documents("allowedAddresses").stream()
                        .map(allowed -> new Network.AllowedAddress(allowed.text("address"),
                                allowed.text("description")))
                        .toList())
                : null;
    }
}
