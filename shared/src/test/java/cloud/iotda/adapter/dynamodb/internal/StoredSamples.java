package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Billing;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Profile;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.domain.task.TaskType;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** The rows of rows-as-stored.json, as domain values (RowsTest). */
final class StoredSamples {
    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    static final InstanceRef REF = new InstanceRef("0123456789abcdef0123456789abcdef",
            "a1b2c3d4-0000-4000-8000-000000000001");

    private StoredSamples() {
    }

    static Map<String, Instance> instances() {
        Map<String, Instance> all = new LinkedHashMap<>();
        Network.Whitelist whitelist = new Network.Whitelist(true,
                List.of(new Network.AllowedAddress("192.0.2.0/24", "plant"), new Network.AllowedAddress("::1", null)));
        all.put("instance-everything", new Instance(REF, Edition.ENTERPRISE,
                new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null), InstanceStatus.MODIFYING,
                new Profile("plant-a", "the plant's instance", "cn-north-4", "0",
                        new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 30)),
                        new Tags(List.of(new Tag("team", "plant"), new Tag("empty", null))),
                        new Network("vpc", "subnet", "sg", "SM", true, List.of(
                                new Network.Access(Network.AccessType.APP_HTTPS, "a.example.com", whitelist),
                                new Network.Access(Network.AccessType.DEVICE_MQTT, null, null)))),
                // Its automatic renewal found too little balance on 2026-04-08 at 09:00 (UTC+8): due again at 03:00.
                Billing.prePaid(new Subscription(PeriodType.MONTH, 3, true, T0, 3,
                        Instant.parse("2026-04-08T01:00:00Z"))),
                new OrderState(new OrderId("CS2601151000ABCDE"),
                        new OrderState.LastOrder(new OrderId("CS2601151000ABCDE"), "f00d", T0)),
                T0, T0.plusSeconds(90), null, 7, 3));
        all.put("instance-expiring-only", new Instance(REF, Edition.STANDARD, new Flavor("iotda.standard.s1", 2),
                InstanceStatus.ACTIVE, Profile.named("legacy").withRegion("cn-north-4"),
                Billing.prePaid(Subscription.expiringAt(PeriodType.YEAR, 1, false, T0.plusSeconds(86400 * 365))),
                OrderState.NONE, T0, T0, null, 1, 0));
        all.put("instance-deleted", new Instance(REF, Edition.STANDARD, new Flavor("iotda.standard.s1", 2),
                InstanceStatus.ACTIVE, Profile.named("gone").withRegion("cn-north-4"), Billing.POST_PAID,
                OrderState.NONE, T0, T0.plusSeconds(60), T0.plusSeconds(60), 4, 2));
        return all;
    }

    static Map<String, Order> orders() {
        Map<String, Order> all = new LinkedHashMap<>();
        TaskId task = TaskId.of(3, UUID.fromString("7a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f"));
        Change resize = new Change.Resize(new Flavor("iotda.standard.s1", 3), true, false);
        all.put("order-resize-scheduled", new Order(new OrderId("CS2601151000ABCDE"), REF, resize,
                OrderStatus.SCHEDULED, resize.fingerprint(), T0, T0, T0.plusSeconds(60), task));
        Change mode = new Change.ChargeModeChange(PeriodType.MONTH, 2, true, false);
        all.put("order-charge-mode-unpaid", new Order(new OrderId("CS2601151000BCDEF"), REF, mode,
                OrderStatus.PENDING_PAYMENT, mode.fingerprint(), T0, T0, null, null));
        Change renew = new Change.Renew(PeriodType.YEAR, 1, true);
        all.put("order-renew-completed", new Order(new OrderId("CS2601151000CDEFG"), REF, renew,
                OrderStatus.COMPLETED, renew.fingerprint(), T0, T0.plusSeconds(5), null, null));
        Change unsubscribe = new Change.Unsubscribe(true, 12);
        all.put("order-unsubscribe-renewals", new Order(new OrderId("CS2601151000EFGHI"), REF, unsubscribe,
                OrderStatus.COMPLETED, unsubscribe.fingerprint(), T0, T0, null, null, new Amount(1_920_000)));
        Change create = new Change.Create(ChargeInfo.prePaid(PeriodType.MONTH, 1, false, true));
        all.put("order-create-cancelled", new Order(new OrderId("CS2601151000DEFGH"), REF, create,
                OrderStatus.CANCELLED, create.fingerprint(), T0, T0.plusSeconds(5), null, task));
        return all;
    }

    static Map<String, Task> tasks() {
        Map<String, Task> all = new LinkedHashMap<>();
        TaskId id = TaskId.of(3, UUID.fromString("7a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f"));
        all.put("task-pending-in-window", Task.pending(id, REF, TaskType.MODIFY,
                new TargetConfig(new Flavor("iotda.standard.s1", 3), ChargeMode.PRE_PAID),
                new OrderId("CS2601151000ABCDE"),
                new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 30)), T0));
        all.put("task-failed", new Task(TaskId.of(4, UUID.fromString("8a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f")), REF,
                TaskType.FREEZE, TaskStatus.FAILED, "the subscription expired", T0, T0, T0.plusSeconds(1), null, null,
                null));
        return all;
    }

    static StoredToken token() {
        return new StoredToken(Sha256.of("token"), "0123456789abcdef0123456789abcdef", T0);
    }

    static AccessKey accessKey() {
        return new AccessKey("HPUAEXAMPLE1234567890", "secret", "0123456789abcdef0123456789abcdef", T0);
    }
}
