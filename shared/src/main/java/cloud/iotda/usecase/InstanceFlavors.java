package cloud.iotda.usecase;

import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.usecase.port.FlavorSales;
import java.util.List;
import java.util.Optional;

/**
 * ListInstanceFlavors and the operator's sale settings: the published catalogue as it stands now, with each flavor's
 * sale status.
 */
public final class InstanceFlavors {
    public static final int MAX_LIMIT = 500;
    public static final int MAX_OFFSET = 500;

    private final FlavorCatalogue catalogue;
    private final FlavorSales sales;

    public InstanceFlavors(FlavorCatalogue catalogue, FlavorSales sales) {
        this.catalogue = catalogue;
        this.sales = sales;
    }

    /** A flavor and whether it is on sale. */
    public record Listed(FlavorSpec spec, SaleStatus status) {
    }

    /**
     * One page, in the catalogue's order: how many match in all, and the marker (the type of the page's last
     * flavor; empty for an empty page), as ListInstances pages.
     */
    public record FlavorPage(int count, Optional<String> marker, List<Listed> flavors) {
    }

    /** The published catalogue, every flavor on sale: for what a sale setting cannot change. */
    public FlavorCatalogue published() {
        return catalogue;
    }

    /** The catalogue with the sale settings as they stand: what an order is decided on. */
    public FlavorCatalogue current() {
        return catalogue.withSoldOut(sales.soldOut(true));
    }

    /** Whether {@code marker} is a marker this list hands out: a published flavor type. */
    public boolean isMarker(String marker) {
        return catalogue.find(marker).isPresent();
    }

    public FlavorPage list(Optional<Edition> edition, Optional<String> marker, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET
                || marker.filter(m -> !isMarker(m)).isPresent()) {
            throw new IllegalArgumentException("limit " + limit + ", offset " + offset + ", marker " + marker);
        }
        // A listing may show a setting a moment late (an eventually consistent read, half the cost); an order never.
        FlavorCatalogue now = catalogue.withSoldOut(sales.soldOut(false));
        List<Listed> matching = now.all().stream()
                .filter(spec -> edition.map(spec.edition()::equals).orElse(true))
                .map(spec -> new Listed(spec, now.saleStatus(spec.type())))
                .toList();
        int start = marker.map(m -> indexOf(matching, m) + 1).orElse(0);
        List<Listed> page = matching.subList(Math.min(matching.size(), start + offset),
                Math.min(matching.size(), start + offset + limit));
        return new FlavorPage(matching.size(),
                page.isEmpty() ? Optional.empty() : Optional.of(page.get(page.size() - 1).spec().type()), page);
    }

    /** Where the marker's flavor stands among the matching ones; one of another edition pages from its place. */
    private int indexOf(List<Listed> matching, String marker) {
        List<String> order = catalogue.all().stream().map(FlavorSpec::type).toList();
        int position = order.indexOf(marker);
        int before = 0;
        for (Listed listed : matching) {
            if (order.indexOf(listed.spec().type()) <= position) {
                before++;
            }
        }
        return before - 1;
    }

    /** The operator's setting; an unpublished flavor is refused and nothing is written. */
    public void setSaleStatus(String flavorType, SaleStatus status) {
        if (catalogue.find(flavorType).isEmpty()) {
            throw Rejected.invalid("flavor " + flavorType + " is not in the published catalogue");
        }
        sales.setSaleStatus(flavorType, status);
    }
}
