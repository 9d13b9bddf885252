package cloud.iotda.domain.instance;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An IoTDA instance. {@code orderId} is the unfinished order, if any; {@code lastOrder} remembers the request that
 * created the latest order so that a retry gets the same answer. {@code version} guards every write: each change
 * yields a copy one version higher. A deleted instance keeps its row ({@code deleteTime} set) so that its orders
 * stay queryable; to every other question it does not exist.
 */
public record Instance(
        InstanceRef ref,
        String name,
        String description,
        Edition edition,
        Flavor flavor,
        ChargeMode chargeMode,
        Subscription subscription,
        InstanceStatus status,
        OperateWindow operateWindow,
        String regionId,
        String enterpriseProjectId,
        Tags tags,
        Network network,
        OrderId orderId,
        LastOrder lastOrder,
        Instant createTime,
        Instant updateTime,
        Instant deleteTime,
        long version,
        long taskCount) {

    /** How long an identical request is answered with the order it created instead of a new one. */
    public static final Duration RETRY_WINDOW = Duration.ofMinutes(10);

    /** The latest order this instance took, with the fingerprint of the request that placed it. */
    public record LastOrder(OrderId orderId, String fingerprint, Instant time) {
    }

    public Instance {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(chargeMode, "chargeMode");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? Tags.NONE : tags;
        network = network == null ? Network.NONE : network;
    }

    /** A new instance: named after its id, postPaid, ACTIVE, no window, until the builder says otherwise. */
    public static Builder create(InstanceRef ref, Edition edition, Flavor flavor) {
        return new Builder(ref, edition, flavor);
    }

    public boolean isDeleted() {
        return deleteTime != null;
    }

    /**
     * The id ListInstances pages by: 12 hex digits of the creation time in milliseconds and 12 of a hash of the
     * instance id, so that newer records have greater ids, as the API documents for its markers, and a marker still
     * places a page after its record was deleted.
     */
    public String recordId() {
        return String.format("%012x", createTime.toEpochMilli())
                + HexFormat.of().formatHex(Sha256.of(ref.instanceId())).substring(0, 12);
    }

    /**
     * What this version does to the count of its project's instances that are not deleted: 1 for a new instance,
     * -1 for one this very change deleted (deletion sets both times to its instant, and a deleted instance is never
     * changed again), 0 otherwise.
     */
    public int projectCountChange() {
        if (version == 0) {
            return isDeleted() ? 0 : 1;
        }
        return isDeleted() && deleteTime.equals(updateTime) ? -1 : 0;
    }

    /** The order an identical request ({@code fingerprint}) placed within {@link #RETRY_WINDOW} of {@code now}. */
    public Optional<OrderId> orderOfRetry(String fingerprint, Instant now) {
        boolean retry = lastOrder != null && lastOrder.fingerprint().equals(fingerprint)
                && !now.isAfter(lastOrder.time().plus(RETRY_WINDOW));
        return retry ? Optional.of(lastOrder.orderId()) : Optional.empty();
    }

    /** The state an order leaves behind: flavor, billing and status, the unfinished order and the retry memo. */
    public Instance withOrderState(Flavor newFlavor, ChargeMode newMode, Subscription newSubscription,
                                   InstanceStatus newStatus, OrderId unfinishedOrderId, LastOrder newLastOrder,
                                   Instant now) {
        return next(now, copy -> copy.flavor(newFlavor).billing(newMode, newSubscription).status(newStatus)
                .heldBy(unfinishedOrderId).lastOrder(newLastOrder));
    }

    /** The one copy: {@code change} made to this instance, one version higher, updated at {@code now}. */
    private Instance next(Instant now, UnaryOperator<Builder> change) {
        Builder copy = change.apply(copy());
        copy.updateTime = now;
        copy.version = version + 1;
        return copy.build();
    }

    /** Every field of this instance, to change some: the copy is this instance until it is changed. */
    private Builder copy() {
        Builder copy = new Builder(ref, edition, flavor).name(name).description(description)
                .billing(chargeMode, subscription).status(status).operateWindow(operateWindow).regionId(regionId)
                .enterpriseProjectId(enterpriseProjectId).tags(tags).network(network).heldBy(orderId)
                .lastOrder(lastOrder);
        copy.createTime = createTime;
        copy.updateTime = updateTime;
        copy.deleteTime = deleteTime;
        copy.version = version;
        copy.taskCount = taskCount;
        return copy;
    }

    /** The instance once its unfinished order completed: ACTIVE, no order. */
    public Instance released(Flavor newFlavor, ChargeMode newMode, Subscription newSubscription, Instant now) {
        return withOrderState(newFlavor, newMode, newSubscription, InstanceStatus.ACTIVE, null, lastOrder, now);
    }

    /** The instance once its unfinished order was cancelled: unchanged but for {@code newStatus}, no order. */
    public Instance releasedAs(InstanceStatus newStatus, Instant now) {
        return withOrderState(flavor, chargeMode, subscription, newStatus, null, lastOrder, now);
    }

    public Instance withStatus(InstanceStatus newStatus, Instant now) {
        return next(now, copy -> copy.status(newStatus));
    }

    /**
     * The same instance, no longer answering a retry with {@code ended} (cancelled, failed or lapsed: not something a
     * resent request bought). No new version: it goes with the write that ended the order.
     */
    public Instance withoutRetryOf(OrderId ended) {
        if (lastOrder == null || !lastOrder.orderId().equals(ended)) {
            return this;
        }
        return copy().lastOrder(null).build();
    }

    /**
     * The same instance having made {@code added} more tasks: the next task's place in its history is
     * {@code taskCount() + 1}. No new version: it goes with the change that made the tasks.
     */
    public Instance withTasks(int added) {
        Builder copy = copy();
        copy.taskCount = taskCount + added;
        return copy.build();
    }

    /**
     * When the order processor next has work with the subscription: renewing it at expiry when it renews
     * automatically, else freezing it at the end of the grace period, or deleting it, frozen, at the end of the
     * retention period; null when there is none (pay-per-use, not yet paid, deleted).
     */
    public Instant subscriptionDueAt() {
        if (isDeleted() || chargeMode != ChargeMode.PRE_PAID || subscription == null) {
            return null;
        }
        if (subscription.autoRenew()) {
            return subscription.expireTime();
        }
        return status == InstanceStatus.FROZEN ? subscription.retentionEnd() : subscription.graceEnd();
    }

    /** What the processor does with the subscription at {@code now}, if anything is due by then. */
    public Optional<SubscriptionStep> subscriptionStepAt(Instant now) {
        Instant due = subscriptionDueAt();
        if (due == null || now.isBefore(due)) {
            return Optional.empty();
        }
        if (subscription.autoRenew()) {
            return Optional.of(SubscriptionStep.RENEW);
        }
        return Optional.of(status == InstanceStatus.FROZEN ? SubscriptionStep.DELETE : SubscriptionStep.FREEZE);
    }

    /**
     * The subscription renewed to {@code renewed}: nothing else changes, but a FROZEN instance works again (it is
     * unfrozen). The unfinished order it holds, if any, it still holds.
     */
    public Instance renewed(Subscription renewed, Instant now) {
        requireSubscribed();
        return next(now, copy -> copy.billing(chargeMode, renewed)
                .status(status == InstanceStatus.FROZEN ? InstanceStatus.ACTIVE : status));
    }

    /** Auto-renewal switched on or off. */
    public Instance withAutoRenew(boolean on, Instant now) {
        requireSubscribed();
        return next(now, copy -> copy.billing(chargeMode, subscription.withAutoRenew(on)));
    }

    /** At the end of the grace period: FROZEN, no longer holding an order (the processor cancels it). */
    public Instance frozen(Instant now) {
        return next(now, copy -> copy.status(InstanceStatus.FROZEN).heldBy(null));
    }

    /** At the end of the retention period: deleted (its orders and tasks stay queryable), holding no order. */
    public Instance expired(Instant now) {
        return next(now, copy -> copy.heldBy(null).deletedAt(now));
    }

    private void requireSubscribed() {
        if (chargeMode != ChargeMode.PRE_PAID || subscription == null) {
            throw Rejected.because(Reason.NOT_SUBSCRIBED, chargeMode.wireName());
        }
    }

    /** A frozen instance is not changed, but for a renewal (reads still work). */
    private void requireNotFrozen() {
        if (status == InstanceStatus.FROZEN) {
            throw Rejected.because(Reason.INSTANCE_NOT_ACTIVE, status);
        }
    }

    public Instance withProfile(ProfileChange change, Instant now) {
        requireNotFrozen();
        Network changedNetwork = network;
        if (change.enableSnat()) {
            changedNetwork = changedNetwork.withSnatEnabled();
        }
        if (change.access().isPresent()) {
            changedNetwork = changedNetwork.with(change.access().get());
        }
        Network network = changedNetwork;
        return next(now, copy -> copy.name(change.name().orElse(name))
                .description(change.description().orElse(description))
                .operateWindow(change.operateWindow().orElse(operateWindow)).network(network));
    }

    public Instance withTags(Tags newTags, Instant now) {
        requireNotFrozen();
        return next(now, copy -> copy.tags(newTags));
    }

    /**
     * Deleted at {@code now}: gone from every answer but the order queries. Only an instance without an unfinished
     * order can be deleted, and, as documented, only a pay-per-use one (a yearly/monthly one is unsubscribed; one
     * whose purchase FAILED was never bought).
     */
    public Instance delete(Instant now) {
        if (orderId != null) {
            throw Rejected.because(Reason.ORDER_IN_PROGRESS, orderId);
        }
        if (chargeMode == ChargeMode.PRE_PAID && status != InstanceStatus.FAILED) {
            throw Rejected.because(Reason.INSTANCE_NOT_DELETABLE, chargeMode.wireName());
        }
        return deletedAt(now);
    }

    private Instance deletedAt(Instant now) {
        return next(now, copy -> copy.deletedAt(now));
    }

    /** The values a new instance starts with; {@link #at(Instant)} makes it, at version 0. */
    public static final class Builder {
        private final InstanceRef ref;
        private final Edition edition;
        private Flavor flavor;
        private String name;
        private String description;
        private ChargeMode chargeMode = ChargeMode.POST_PAID;
        private Subscription subscription;
        private InstanceStatus status = InstanceStatus.ACTIVE;
        private OperateWindow operateWindow;
        private String regionId;
        private String enterpriseProjectId;
        private Tags tags = Tags.NONE;
        private Network network = Network.NONE;
        private OrderId orderId;
        private LastOrder lastOrder;
        private Instant createTime;
        private Instant updateTime;
        private Instant deleteTime;
        private long version;
        private long taskCount;

        private Builder(InstanceRef ref, Edition edition, Flavor flavor) {
            this.ref = ref;
            this.edition = edition;
            this.flavor = flavor;
            this.name = ref.instanceId();
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder status(InstanceStatus value) {
            this.status = value;
            return this;
        }

        public Builder operateWindow(OperateWindow value) {
            this.operateWindow = value;
            return this;
        }

        public Builder regionId(String value) {
            this.regionId = value;
            return this;
        }

        public Builder enterpriseProjectId(String value) {
            this.enterpriseProjectId = value;
            return this;
        }

        public Builder tags(Tags value) {
            this.tags = value;
            return this;
        }

        public Builder network(Network value) {
            this.network = value;
            return this;
        }

        public Builder postPaid() {
            this.chargeMode = ChargeMode.POST_PAID;
            this.subscription = null;
            return this;
        }

        /** Billed yearly/monthly: with its subscription, or none while the order buying it awaits payment. */
        public Builder prePaid(Subscription value) {
            this.chargeMode = ChargeMode.PRE_PAID;
            this.subscription = value;
            return this;
        }

        /** Created by an unfinished order (a yearly/monthly instance awaiting payment). */
        public Builder heldBy(OrderId value) {
            this.orderId = value;
            return this;
        }

        private Builder flavor(Flavor value) {
            this.flavor = value;
            return this;
        }

        private Builder billing(ChargeMode mode, Subscription value) {
            this.chargeMode = mode;
            this.subscription = value;
            return this;
        }

        private Builder lastOrder(LastOrder value) {
            this.lastOrder = value;
            return this;
        }

        private Builder deletedAt(Instant value) {
            this.deleteTime = value;
            return this;
        }

        public Instance at(Instant now) {
            createTime = now;
            updateTime = now;
            return build();
        }

        private Instance build() {
            return new Instance(ref, name, description, edition, flavor, chargeMode, subscription, status,
                    operateWindow, regionId, enterpriseProjectId, tags, network, orderId, lastOrder, createTime,
                    updateTime, deleteTime, version, taskCount);
        }
    }
}
