package cloud.iotda.order;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.Json;
import cloud.iotda.api.JsonFields;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.catalogue.FlavorSpec;
import cloud.iotda.instance.Flavor;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

public record ResizeRequest(Flavor flavor, boolean delay, boolean autoPay) implements ChangeRequest {

    public static ResizeRequest parse(ObjectNode body, FlavorCatalogue catalogue) {
        JsonFields fields = JsonFields.of(body);
        Flavor flavor = parseFlavor(fields.requiredObject("flavor"), catalogue);
        boolean delay = fields.optionalBoolean("delay", false);
        boolean autoPay = fields.optionalBoolean("is_auto_pay", false);
        return new ResizeRequest(flavor, delay, autoPay);
    }

    /** A published flavor with a size that fits it; messages name the fields under the object's own path. */
    public static Flavor parseFlavor(JsonFields flavorFields, FlavorCatalogue catalogue) {
        String type = flavorFields.requiredString("type");
        String typePath = flavorFields.path("type");
        String sizePath = flavorFields.path("size");
        FlavorSpec spec = catalogue.find(type)
                .orElseThrow(() -> ApiException.invalid(typePath + " " + type + " is not a published flavor"));
        Optional<Long> size = flavorFields.optionalInteger("size");
        if (!spec.sized()) {
            if (size.isPresent()) {
                throw ApiException.invalid(sizePath + " must be absent for enterprise edition flavor " + type);
            }
            return new Flavor(type, null);
        }
        long requested = size.orElseThrow(() -> ApiException.invalid(
                sizePath + " is required for standard edition flavor " + type));
        if (requested < spec.minSize() || requested > spec.maxSize()) {
            throw ApiException.invalid(sizePath + " must be " + spec.minSize() + ".." + spec.maxSize() + " for " + type);
        }
        return new Flavor(type, (int) requested);
    }

    @Override
    public OrderType type() {
        return OrderType.RESIZE;
    }

    @Override
    public ObjectNode normalized() {
        ObjectNode node = Json.object();
        ObjectNode flavorNode = node.putObject("flavor").put("type", flavor.type());
        if (flavor.size() != null) {
            flavorNode.put("size", flavor.size());
        }
        node.put("delay", delay).put("is_auto_pay", autoPay);
        return node;
    }
}
