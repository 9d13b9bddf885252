package cloud.iotda.domain.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The published flavors, by type. Where they come from (a data file) is not the catalogue's business. */
public final class FlavorCatalogue {
    private final Map<String, FlavorSpec> byType;

    public FlavorCatalogue(List<FlavorSpec> specs) {
        Map<String, FlavorSpec> map = new LinkedHashMap<>();
        for (FlavorSpec spec : specs) {
            if (map.put(spec.type(), spec) != null) {
                throw new IllegalArgumentException("the catalogue lists " + spec.type() + " twice");
            }
        }
        this.byType = Map.copyOf(map);
    }

    public Optional<FlavorSpec> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
