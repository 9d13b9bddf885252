package cloud.iotda.domain.instance;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IoTDA instance. {@code orderId} is the unfinished order, if any; {@code lastOrder} remembers the request that
 * created the latest order so that a retry gets the same answer. {@code version} guards every write: each change
 * yields a copy one version higher.
 */
public record Instance(
        InstanceRef ref,
        String name,
        String description,
        Edition edition,
        Flavor flavor,
        ChargeMode chargeMode,
        InstanceStatus status,
        Subscription subscription,
        OperateWindow operateWindow,
        OrderId orderId,
        LastOrder lastOrder,
        Instant createTime,
        Instant updateTime,
        long version) {

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
    }

    /** A new instance: named after its id, postPaid, ACTIVE, no window, until the builder says otherwise. */
    public static Builder create(InstanceRef ref, Edition edition, Flavor flavor) {
        return new Builder(ref, edition, flavor);
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
        return new Instance(ref, name, description, edition, newFlavor, newMode, newStatus, newSubscription,
                operateWindow, unfinishedOrderId, newLastOrder, createTime, now, version + 1);
    }

    /** The instance once its unfinished order is over (completed or cancelled): ACTIVE, no order. */
    public Instance released(Flavor newFlavor, ChargeMode newMode, Subscription newSubscription, Instant now) {
        return withOrderState(newFlavor, newMode, newSubscription, InstanceStatus.ACTIVE, null, lastOrder, now);
    }

    /** Released with nothing changed: what a cancelled order leaves. */
    public Instance released(Instant now) {
        return released(flavor, chargeMode, subscription, now);
    }

    public Instance withStatus(InstanceStatus newStatus, Instant now) {
        return withOrderState(flavor, chargeMode, subscription, newStatus, orderId, lastOrder, now);
    }

    public Instance withProfile(ProfileChange change, Instant now) {
        return new Instance(ref, change.name().orElse(name), change.description().orElse(description), edition,
                flavor, chargeMode, status, subscription, change.operateWindow().orElse(operateWindow), orderId,
                lastOrder, createTime, now, version + 1);
    }

    /** The values a new instance starts with; {@link #at(Instant)} makes it, at version 0. */
    public static final class Builder {
        private final InstanceRef ref;
        private final Edition edition;
        private final Flavor flavor;
        private String name;
        private String description;
        private ChargeMode chargeMode = ChargeMode.POST_PAID;
        private InstanceStatus status = InstanceStatus.ACTIVE;
        private Subscription subscription;
        private OperateWindow operateWindow;

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

        public Builder postPaid() {
            this.chargeMode = ChargeMode.POST_PAID;
            this.subscription = null;
            return this;
        }

        public Builder prePaid(Subscription value) {
            this.chargeMode = ChargeMode.PRE_PAID;
            this.subscription = Objects.requireNonNull(value, "subscription");
            return this;
        }

        public Instance at(Instant now) {
            return new Instance(ref, name, description, edition, flavor, chargeMode, status, subscription,
                    operateWindow, null, null, now, now, 0);
        }
    }
}
