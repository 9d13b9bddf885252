package cloud.iotda.order;

import cloud.iotda.api.Json;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.instance.ChargeMode;
import cloud.iotda.instance.Flavor;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.Subscription;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;

/** What a completed order does to its instance: the flavor, billing mode and subscription it leaves behind. */
public record OrderEffect(Flavor flavor, ChargeMode chargeMode, Subscription subscription) {

    /** The effect of {@code request} on {@code current}, completed at {@code now} (a subscription starts then). */
    public static OrderEffect of(Instance current, ChangeRequest request, Instant now) {
        if (request instanceof ResizeRequest resize) {
            return new OrderEffect(resize.flavor(), current.chargeMode(), current.subscription());
        }
        ChangeChargeModeRequest change = (ChangeChargeModeRequest) request;
        Instant expires = change.periodType().plus(now.atZone(ZoneOffset.UTC), change.periodNum()).toInstant();
        return new OrderEffect(current.flavor(), ChargeMode.PRE_PAID,
                new Subscription(change.periodType(), change.periodNum(), change.autoRenew(), expires));
    }

    /** The request an order recorded, read back from its normalized JSON. */
    public static ChangeRequest requestOf(Order order, FlavorCatalogue catalogue) {
        ObjectNode body;
        try {
            body = (ObjectNode) Json.mapper().readTree(order.request());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return order.type() == OrderType.RESIZE ? ResizeRequest.parse(body, catalogue) : ChangeChargeModeRequest.parse(body);
    }

    public Instance appliedTo(Instance current, Instant now) {
        return current.released(flavor, chargeMode, subscription, now);
    }
}
