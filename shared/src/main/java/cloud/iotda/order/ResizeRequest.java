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
        JsonFields flavorFields = fields.requiredObject("flavor");
        String type = flavorFields.requiredString("type");
        FlavorSpec spec = catalogue.find(type)
                .orElseThrow(() -> ApiException.invalid("flavor.type " + type + " is not a published flavor"));
        Optional<Long> size = flavorFields.optionalInteger("size");
        Integer units = null;
        if (spec.sized()) {
            long requested = size.orElseThrow(() -> ApiException.invalid(
                    "flavor.size is required for standard edition flavor " + type));
            if (requested < spec.minSize() || requested > spec.maxSize()) {
                throw ApiException.invalid("flavor.size must be " + spec.minSize() + ".." + spec.maxSize() + " for " + type);
            }
            units = (int) requested;
        } else if (size.isPresent()) {
            throw ApiException.invalid("flavor.size must be absent for enterprise edition flavor " + type);
        }
        boolean delay = fields.optionalBoolean("delay", false);
        boolean autoPay = fields.optionalBoolean("is_auto_pay", false);
        return new ResizeRequest(new Flavor(type, units), delay, autoPay);
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
