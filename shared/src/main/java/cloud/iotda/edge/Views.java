package cloud.iotda.edge;

import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.InstanceFlavors;
import cloud.iotda.usecase.InstanceQueries;
import cloud.iotda.usecase.InstanceTasks;
import cloud.iotda.usecase.OrderProcessor;
import cloud.iotda.usecase.OrderQueries;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Domain values as the API answers them, with the field names and formats of the official API. */
public final class Views {
    private Views() {
    }

    /** What one run of the order processor did, as the processor function answers and logs it. */
    public static ObjectNode report(OrderProcessor.Report report) {
        return JsonTrees.object()
                .put("executed", report.executed())
                .put("deferred", report.deferred())
                .put("expired", report.expired())
                .put("skipped", report.skipped())
                .put("failed", report.failed())
                .put("tasks_failed", report.tasksFailed())
                .put("renewed", report.renewed())
                .put("renewals_unpaid", report.renewalsUnpaid())
                .put("frozen", report.frozen())
                .put("deleted", report.deleted())
                .put("oldest_due_seconds", report.oldestDue().toSeconds());
    }

    /** ShowInstance and UpdateInstance: every field the service knows; optional ones only where set. */
    public static ObjectNode instance(Instance instance) {
        ObjectNode node = JsonTrees.object()
                .put("instance_type", instance.edition().wireName())
                .put("instance_id", instance.ref().instanceId())
                .put("charge_mode", instance.chargeMode().wireName())
                .put("name", instance.profile().name());
        node.set("flavor", flavor(instance.flavor()));
        node.put("status", instance.status().name());
        putIfSet(node, "region_id", instance.profile().regionId());
        node.put("description", instance.profile().description());
        Network network = instance.profile().network();
        if (!network.accesses().isEmpty()) {
            ArrayNode accesses = node.putArray("access_infos");
            network.accesses().forEach(access -> accesses.add(access(access)));
        }
        node.put("create_time", ApiTime.format(instance.createTime()));
        node.put("update_time", ApiTime.format(instance.updateTime()));
        putIfSet(node, "enterprise_project_id", instance.profile().enterpriseProjectId());
        node.set("tags", tags(instance.profile().tags()));
        if (instance.orderId() != null) {
            node.put("order_id", instance.orderId().value());
        }
        if (instance.profile().operateWindow() != null) {
            node.putObject("operate_window")
                    .put("start_time", OperateWindow.format(instance.profile().operateWindow().start()))
                    .put("end_time", OperateWindow.format(instance.profile().operateWindow().end()));
        }
        if (instance.edition() == Edition.ENTERPRISE) {
            ObjectNode params = placement(network);
            params.putObject("forwarding_info").put("enable_snat", network.snatEnabled());
            node.set("additional_params", params);
        }
        return node;
    }

    /** One item of ListInstances ({@code QueryInstanceSimplify}). */
    public static ObjectNode listedInstance(Instance instance) {
        ObjectNode node = JsonTrees.object()
                .put("instance_type", instance.edition().wireName())
                .put("instance_id", instance.ref().instanceId())
                .put("name", instance.profile().name())
                .put("charge_mode", instance.chargeMode().wireName());
        node.set("flavor", flavor(instance.flavor()));
        node.put("status", instance.status().name())
                .put("create_time", ApiTime.format(instance.createTime()))
                .put("update_time", ApiTime.format(instance.updateTime()));
        putIfSet(node, "enterprise_project_id", instance.profile().enterpriseProjectId());
        return node;
    }

    public static ObjectNode instanceList(InstanceQueries.InstanceList list) {
        ObjectNode node = JsonTrees.object().put("count", list.count());
        node.put("marker", list.marker().orElse(null));
        ArrayNode items = node.putArray("instances");
        list.instances().forEach(instance -> items.add(listedInstance(instance)));
        return node;
    }

    /** ListInstanceFlavors' answer: the SDK's InstanceFlavor items and its Page. */
    public static ObjectNode flavorPage(InstanceFlavors.FlavorPage page) {
        ObjectNode node = JsonTrees.object();
        ArrayNode flavors = node.putArray("flavors");
        for (InstanceFlavors.Listed listed : page.flavors()) {
            ObjectNode flavor = flavors.addObject()
                    .put("instance_type", listed.spec().edition().wireName())
                    .put("type", listed.spec().type())
                    .put("status", listed.status().wireName());
            ArrayNode modes = flavor.putArray("charge_modes");
            for (ChargeMode mode : ChargeMode.values()) {
                if (listed.spec().supports(mode)) {
                    modes.add(mode.wireName());
                }
            }
        }
        node.putObject("page").put("count", page.count()).put("marker", page.marker().orElse(null));
        return node;
    }

    /** A task as the newest SDKs' InstanceTask has it; times with milliseconds, as documented for tasks. */
    public static ObjectNode task(Task task) {
        ObjectNode node = JsonTrees.object()
                .put("task_id", task.taskId().value())
                .put("type", task.type().name())
                .put("status", task.status().name())
                .put("status_detail", task.statusDetail())
                .put("create_time", ApiTime.formatMillis(task.createTime()))
                .put("start_time", ApiTime.formatMillis(task.startTime()))
                .put("end_time", ApiTime.formatMillis(task.endTime()));
        TargetConfig target = task.targetConfig();
        if (target != null) {
            ObjectNode config = node.putObject("target_config");
            if (target.flavor() != null) {
                config.set("flavor", flavor(target.flavor()));
            }
            if (target.chargeMode() != null) {
                config.put("charge_mode", target.chargeMode().wireName());
            }
        }
        if (task.operateWindow() != null) {
            node.putObject("operate_window")
                    .put("start_time", OperateWindow.format(task.operateWindow().start()))
                    .put("end_time", OperateWindow.format(task.operateWindow().end()));
        }
        if (task.orderId() != null) {
            node.put("order_id", task.orderId().value());
        }
        return node;
    }

    /** ShowInstanceTask's answer: the task and its progress. */
    public static ObjectNode shownTask(Task task) {
        return task(task).put("progress", task.progress());
    }

    /** ListInstanceTasks' answer: the SDK's tasks and Page. */
    public static ObjectNode taskPage(InstanceTasks.TaskPage page) {
        ObjectNode node = JsonTrees.object();
        ArrayNode tasks = node.putArray("tasks");
        page.tasks().forEach(task -> tasks.add(task(task)));
        node.putObject("page").put("count", page.count()).put("marker", page.marker().orElse(null));
        return node;
    }

    /** CreateInstance's answer: the instance as created, with the billing asked for and its order, if any. */
    public static ObjectNode creation(Creation creation, ChargeInfo charge) {
        Instance instance = creation.instance();
        ObjectNode node = JsonTrees.object()
                .put("instance_type", instance.edition().wireName())
                .put("instance_id", instance.ref().instanceId())
                .put("name", instance.profile().name());
        node.set("flavor", flavor(instance.flavor()));
        node.put("status", instance.status().name());
        node.set("charge_info", chargeInfo(charge));
        node.put("description", instance.profile().description());
        putIfSet(node, "enterprise_project_id", instance.profile().enterpriseProjectId());
        node.set("tags", tags(instance.profile().tags()));
        creation.order().ifPresent(order -> node.put("order_id", order.orderId().value()));
        if (instance.edition() == Edition.ENTERPRISE) {
            node.set("additional_params", placement(instance.profile().network()));
        }
        return node;
    }

    public static ObjectNode order(Order order) {
        ObjectNode node = JsonTrees.object()
                .put("order_id", order.orderId().value())
                .put("type", order.type().name())
                .put("status", order.status().name());
        node.set("request", change(order.change()));
        node.put("create_time", ApiTime.format(order.createTime()));
        node.put("update_time", ApiTime.format(order.updateTime()));
        node.put("execute_after", ApiTime.format(order.executeAfter()));
        node.put("task_id", order.taskId() == null ? null : order.taskId().value());
        return node;
    }

    /**
     * An order query's answer with the instance's yearly/monthly subscription, when it has one: expiry, auto-renewal
     * and phase ({@code active}, {@code grace}, {@code retention}, {@code ended}).
     */
    public static ObjectNode withSubscription(ObjectNode answer, Optional<OrderQueries.Standing> standing) {
        standing.ifPresent(found -> answer.putObject("subscription")
                .put("period_type", found.subscription().periodType().wireName())
                .put("period_num", found.subscription().periodNum())
                .put("expire_time", ApiTime.format(found.subscription().expireTime()))
                .put("is_auto_renew", found.subscription().autoRenew())
                .put("phase", found.phase().wireName()));
        return answer;
    }

    /** The request an order records, normalized: every default filled in, fields in a fixed order. */
    public static ObjectNode change(Change change) {
        ObjectNode node = JsonTrees.object();
        if (change instanceof Change.Resize resize) {
            node.set("flavor", flavor(resize.flavor()));
            return node.put("delay", resize.delay()).put("is_auto_pay", resize.autoPay());
        }
        if (change instanceof Change.Create create) {
            node.set("charge_info", chargeInfo(create.charge()));
            return node;
        }
        if (change instanceof Change.Renew renew) {
            return node.put("period_type", renew.periodType().wireName())
                    .put("period_num", renew.periodNum())
                    .put("is_auto_renewal", renew.automatic());
        }
        if (change instanceof Change.Unsubscribe unsubscribe) {
            return node.put("unsubscribe_type", unsubscribe.renewalsOnly() ? 2 : 1)
                    .put("months_unsubscribed", unsubscribe.months());
        }
        Change.ChargeModeChange chargeMode = (Change.ChargeModeChange) change;
        return node.put("period_type", chargeMode.periodType().wireName())
                .put("period_num", chargeMode.periodNum())
                .put("is_auto_renew", chargeMode.autoRenew())
                .put("is_auto_pay", chargeMode.autoPay());
    }

    private static ObjectNode chargeInfo(ChargeInfo charge) {
        ObjectNode node = JsonTrees.object().put("charge_mode", charge.mode().wireName());
        if (charge.mode() == ChargeMode.PRE_PAID) {
            node.put("period_type", charge.periodType().wireName())
                    .put("period_num", charge.periodNum())
                    .put("is_auto_renew", charge.autoRenew())
                    .put("is_auto_pay", charge.autoPay());
        }
        return node;
    }

    private static ObjectNode flavor(Flavor flavor) {
        ObjectNode node = JsonTrees.object().put("type", flavor.type());
        if (flavor.size() != null) {
            node.put("size", flavor.size());
        }
        return node;
    }

    private static ArrayNode tags(Tags tags) {
        ArrayNode node = JsonTrees.array();
        for (Tag tag : tags.list()) {
            node.addObject().put("key", tag.key()).put("value", tag.value());
        }
        return node;
    }

    private static ObjectNode access(Network.Access access) {
        ObjectNode node = JsonTrees.object().put("type", access.type().name());
        putIfSet(node, "domain_name", access.domainName());
        if (access.whitelist() != null) {
            ObjectNode whitelist = node.putObject("ip_whitelist").put("enable", access.whitelist().enabled());
            ArrayNode allowed = whitelist.putArray("allow_list");
            access.whitelist().addresses().forEach(address -> {
                ObjectNode entry = allowed.addObject().put("address", address.address());
                putIfSet(entry, "description", address.description());
            });
        }
        return node;
    }

    private static ObjectNode placement(Network network) {
        ObjectNode node = JsonTrees.object();
        putIfSet(node, "vpc_id", network.vpcId());
        putIfSet(node, "subnet_id", network.subnetId());
        putIfSet(node, "security_group_id", network.securityGroupId());
        putIfSet(node, "ciphering_algorithm", network.cipheringAlgorithm());
        return node;
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
