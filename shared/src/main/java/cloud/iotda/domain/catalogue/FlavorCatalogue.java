package cloud.iotda.domain.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published flavors, by type, and which of them are sold out. Where they come from (a data file, the
 * operator's settings) is not the catalogue's business.
 */
public final class FlavorCatalogue {
    private final List<FlavorSpec> specs;
    private final Map<String, FlavorSpec> byType;
    private final Set<String> soldOut;

    public FlavorCatalogue(List<FlavorSpec> specs) {
        this(specs, Set.of());
    }

    private FlavorCatalogue(List<FlavorSpec> specs, Set<String> soldOut) {
        Map<String, FlavorSpec> map = new LinkedHashMap<>();
        for (FlavorSpec spec : specs) {
            if (map.put(spec.type(), spec) != null) {
                throw new IllegalArgumentException("the catalogue lists " + spec.type() + " twice");
            }
        }
        this.specs = List.copyOf(specs);
        this.byType = Map.copyOf(map);
        this.soldOut = Set.copyOf(soldOut);
    }

    /** The same flavors, with {@code types} sold out (types the catalogue does not publish are ignored). */
    public FlavorCatalogue withSoldOut(Set<String> types) {
        return new FlavorCatalogue(specs, types);
    }

    public Optional<FlavorSpec> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Every published flavor, in the catalogue's order. */
    public List<FlavorSpec> all() {
        return specs;
    }

    public SaleStatus saleStatus(String type) {
        return soldOut.contains(type) ? SaleStatus.SELLOUT : SaleStatus.NORMAL;
    }
}
