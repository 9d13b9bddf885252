package cloud.iotda.domain.order;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.task.TargetConfig;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A new instance and, when it is bought yearly/monthly, the order that buys it. Pay-per-use: ACTIVE at once, no
 * order. Yearly/monthly paid from the balance: ACTIVE with its subscription, the order COMPLETED, and the charge
 * that takes its amount (null when it costs nothing or no account's balance pays). Otherwise (not paid at once, or
 * too little balance) the instance is CREATING until its order is paid, and FAILED if the order is cancelled or
 * expires unpaid.
 */
public record Creation(Instance instance, Optional<Order> order, Task task, Charge charge) {

    /**
     * What CreateInstance asks for. {@code instanceId} is empty for a new id (the API), or chosen by the operator CLI,
     * which alone also sets {@code operateWindow}.
     */
    public record Request(String projectId, Optional<String> instanceId, String name, String description,
                          Edition edition, Flavor flavor, ChargeInfo charge, String enterpriseProjectId, Tags tags,
                          Network network, OperateWindow operateWindow) {
    }

    public static Creation of(Request request, InstanceRef ref, String regionId, FlavorCatalogue catalogue,
                              Payment payment, Supplier<OrderId> orderIds, UUID taskRandom, Instant now) {
        FlavorSpec spec = catalogue.find(request.flavor().type())
                .filter(found -> found.edition() == request.edition())
                .orElseThrow(() -> new IllegalArgumentException("not a " + request.edition() + " flavor: "
                        + request.flavor()));
        if (catalogue.saleStatus(spec.type()) == SaleStatus.SELLOUT) {
            throw Rejected.because(Reason.FLAVOR_SOLD_OUT, spec.type());
        }
        ChargeInfo charge = request.charge();
        if (!spec.supports(charge.mode())) {
            throw Rejected.because(Reason.FLAVOR_NOT_BILLABLE, spec.type(), charge.mode().wireName());
        }
        Instance.Builder instance = Instance.create(ref, request.edition(), request.flavor())
                .name(request.name())
                .description(request.description())
                .operateWindow(request.operateWindow())
                .regionId(regionId)
                .enterpriseProjectId(request.enterpriseProjectId())
                .tags(request.tags())
                .network(request.network());
        // The instance's first task: CREATE, done at once unless the order buying it awaits payment.
        TaskId taskId = TaskId.of(1, taskRandom);
        TargetConfig target = new TargetConfig(request.flavor(), charge.mode());
        if (charge.mode() == ChargeMode.POST_PAID) {
            return new Creation(instance.postPaid().at(now).withTasks(1), Optional.empty(),
                    Task.done(taskId, ref, TaskType.CREATE, target, null, now), null);
        }
        OrderId orderId = orderIds.get();
        Change.Create change = new Change.Create(charge);
        Amount amount = payment.priceOfNew(request.flavor(), charge);
        Charge taken = amount.isZero() ? null : payment.charge(amount);
        if (charge.autoPay() && (taken != null || amount.isZero() || payment.free())) {
            Order completed = new Order(orderId, ref, change, OrderStatus.COMPLETED, change.fingerprint(),
                    now, now, null, taskId, amount);
            return new Creation(instance.prePaid(charge.subscriptionFrom(now)).at(now).withTasks(1),
                    Optional.of(completed), Task.done(taskId, ref, TaskType.CREATE, target, orderId, now), taken);
        }
        Order unpaid = new Order(orderId, ref, change, OrderStatus.PENDING_PAYMENT, change.fingerprint(),
                now, now, null, taskId, amount);
        return new Creation(instance.prePaid(null).status(InstanceStatus.CREATING).heldBy(orderId).at(now)
                .withTasks(1), Optional.of(unpaid), Task.pending(taskId, ref, TaskType.CREATE, target, orderId, null,
                now), null);
    }
}
