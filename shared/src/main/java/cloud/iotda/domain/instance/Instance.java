package cloud.iotda.domain.instance;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An IoTDA instance: what it is (edition, flavor, status), its {@link Profile}, how it is paid for ({@link Billing})
 * and its orders as its row knows them ({@link OrderState}). {@code version} guards every write: each change yields a
 * copy one version higher. A deleted instance keeps its row ({@code deleteTime} set) so that its orders stay
 * queryable; to every other question it does not exist.
 */
public record Instance(
        InstanceRef ref,
        Edition edition,
        Flavor flavor,
        InstanceStatus status,
        Profile profile,
        Billing billing,
        OrderState orders,
        Instant createTime,
        Instant updateTime,
        Instant deleteTime,
        long version,
        long taskCount) {

    public Instance {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(billing, "billing");
        orders = orders == null ? OrderState.NONE : orders;
    }

    /** A new instance: named after its id, postPaid, ACTIVE, no window, until the builder says otherwise. */
    public static Builder create(InstanceRef ref, Edition edition, Flavor flavor) {
        return new Builder(ref, edition, flavor);
    }

    public boolean isDeleted() {
        return deleteTime != null;
    }

    public ChargeMode chargeMode() {
        return billing.mode();
    }

    public Subscription subscription() {
        return billing.subscription();
    }

    /** The unfinished order that holds this instance, or null. */
    public OrderId orderId() {
        return orders.unfinished();
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

    /** The state an order leaves behind: flavor, billing and status, and the instance's orders. */
    public Instance withOrderState(Flavor newFlavor, Billing newBilling, InstanceStatus newStatus,
                                   OrderState newOrders, Instant now) {
        return next(now, copy -> copy.flavor(newFlavor).billing(newBilling).status(newStatus).orders(newOrders));
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
        Builder copy = new Builder(ref, edition, flavor).profile(profile).billing(billing).status(status)
                .orders(orders);
        copy.createTime = createTime;
        copy.updateTime = updateTime;
        copy.deleteTime = deleteTime;
        copy.version = version;
        copy.taskCount = taskCount;
        return copy;
    }

    /** The instance once its unfinished order completed: ACTIVE, no order. */
    public Instance released(Flavor newFlavor, Billing newBilling, Instant now) {
        return withOrderState(newFlavor, newBilling, InstanceStatus.ACTIVE, orders.released(), now);
    }

    /** The instance once its unfinished order was cancelled: unchanged but for {@code newStatus}, no order. */
    public Instance releasedAs(InstanceStatus newStatus, Instant now) {
        return withOrderState(flavor, billing, newStatus, orders.released(), now);
    }

    public Instance withStatus(InstanceStatus newStatus, Instant now) {
        return next(now, copy -> copy.status(newStatus));
    }

    /**
     * The same instance, no longer answering a retry with {@code ended} (cancelled, failed or lapsed: not something a
     * resent request bought). No new version: it goes with the write that ended the order.
     */
    public Instance withoutRetryOf(OrderId ended) {
        OrderState kept = orders.withoutRetryOf(ended);
        return kept == orders ? this : copy().orders(kept).build();
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
     * When the order processor next has work with the subscription: charging its automatic renewal (from 7 days
     * before expiry, daily while the balance is short, until the retention period ends), freezing it at the end of
     * the grace period, deleting it, frozen, at the end of the retention period; null when there is none
     * (pay-per-use, not yet paid, deleted).
     */
    public Instant subscriptionDueAt(Lapse lapse) {
        if (isDeleted() || !billing.subscribed()) {
            return null;
        }
        Subscription subscription = billing.subscription();
        Instant end = status == InstanceStatus.FROZEN ? subscription.retentionEnd(lapse) : subscription.graceEnd(lapse);
        if (subscription.autoRenew() && subscription.renewalAttemptAt().isBefore(end)) {
            return subscription.renewalAttemptAt();
        }
        return end;
    }

    /**
     * What the processor does with the subscription at {@code now}, if anything is due by then: the step that fell
     * due first.
     */
    public Optional<SubscriptionStep> subscriptionStepAt(Instant now, Lapse lapse) {
        Instant due = subscriptionDueAt(lapse);
        if (due == null || now.isBefore(due)) {
            return Optional.empty();
        }
        Subscription subscription = billing.subscription();
        if (subscription.autoRenew() && due.equals(subscription.renewalAttemptAt())) {
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
        return next(now, copy -> copy.billing(billing.withSubscription(renewed))
                .status(status == InstanceStatus.FROZEN ? InstanceStatus.ACTIVE : status));
    }

    /** Its automatic renewal found too little balance at {@code now}: tried again the next day. */
    public Instance renewalTried(Instant now) {
        requireSubscribed();
        return next(now, copy -> copy.billing(billing.withSubscription(billing.subscription().renewalTried(now))));
    }

    /** The same instance billed as {@code newBilling} (its renewed months unsubscribed). */
    public Instance withBilling(Billing newBilling, Instant now) {
        return next(now, copy -> copy.billing(newBilling));
    }

    /** Auto-renewal switched on or off. */
    public Instance withAutoRenew(boolean on, Instant now) {
        requireSubscribed();
        return next(now, copy -> copy.billing(billing.withSubscription(billing.subscription().withAutoRenew(on))));
    }

    /** At the end of the grace period: FROZEN, no longer holding an order (the processor cancels it). */
    public Instance frozen(Instant now) {
        return next(now, copy -> copy.status(InstanceStatus.FROZEN).orders(orders.released()));
    }

    /** At the end of the retention period: deleted (its orders and tasks stay queryable), holding no order. */
    public Instance expired(Instant now) {
        return next(now, copy -> copy.orders(orders.released()).deletedAt(now));
    }

    private void requireSubscribed() {
        if (!billing.subscribed()) {
            throw Rejected.because(Reason.NOT_SUBSCRIBED, billing.mode().wireName());
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
        return next(now, copy -> copy.profile(profile.with(change)));
    }

    public Instance withTags(Tags newTags, Instant now) {
        requireNotFrozen();
        return next(now, copy -> copy.profile(profile.withTags(newTags)));
    }

    /**
     * Deleted at {@code now}: gone from every answer but the order queries. Only an instance without an unfinished
     * order can be deleted, and, as documented, only a pay-per-use one (a yearly/monthly one is unsubscribed; one
     * whose purchase FAILED was never bought).
     */
    public Instance delete(Instant now) {
        if (orders.unfinished() != null) {
            throw Rejected.because(Reason.ORDER_IN_PROGRESS, orders.unfinished());
        }
        if (billing.mode() == ChargeMode.PRE_PAID && status != InstanceStatus.FAILED) {
            throw Rejected.because(Reason.INSTANCE_NOT_DELETABLE, billing.mode().wireName());
        }
        return next(now, copy -> copy.deletedAt(now));
    }

    /** The values a new instance starts with; {@link #at(Instant)} makes it, at version 0. */
    public static final class Builder {
        private final InstanceRef ref;
        private final Edition edition;
        private Flavor flavor;
        private Profile profile;
        private Billing billing = Billing.POST_PAID;
        private InstanceStatus status = InstanceStatus.ACTIVE;
        private OrderState orders = OrderState.NONE;
        private Instant createTime;
        private Instant updateTime;
        private Instant deleteTime;
        private long version;
        private long taskCount;

        private Builder(InstanceRef ref, Edition edition, Flavor flavor) {
            this.ref = ref;
            this.edition = edition;
            this.flavor = flavor;
            this.profile = Profile.named(ref.instanceId());
        }

        public Builder name(String value) {
            return profile(profile.withName(value));
        }

        public Builder description(String value) {
            return profile(profile.withDescription(value));
        }

        public Builder regionId(String value) {
            return profile(profile.withRegion(value));
        }

        public Builder enterpriseProjectId(String value) {
            return profile(profile.withEnterpriseProject(value));
        }

        public Builder operateWindow(OperateWindow value) {
            return profile(profile.withOperateWindow(value));
        }

        public Builder tags(Tags value) {
            return profile(profile.withTags(value));
        }

        public Builder network(Network value) {
            return profile(profile.withNetwork(value));
        }

        public Builder status(InstanceStatus value) {
            this.status = value;
            return this;
        }

        public Builder postPaid() {
            return billing(Billing.POST_PAID);
        }

        /** Billed yearly/monthly: with its subscription, or none while the order buying it awaits payment. */
        public Builder prePaid(Subscription value) {
            return billing(Billing.prePaid(value));
        }

        /** Created by an unfinished order (a yearly/monthly instance awaiting payment). */
        public Builder heldBy(OrderId value) {
            return orders(new OrderState(value, orders.last()));
        }

        private Builder profile(Profile value) {
            this.profile = value;
            return this;
        }

        private Builder flavor(Flavor value) {
            this.flavor = value;
            return this;
        }

        private Builder billing(Billing value) {
            this.billing = value;
            return this;
        }

        private Builder orders(OrderState value) {
            this.orders = value;
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
            return new Instance(ref, edition, flavor, status, profile, billing, orders, createTime, updateTime,
                    deleteTime, version, taskCount);
        }
    }
}
