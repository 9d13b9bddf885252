package cloud.iotda.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.testing.InMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ListInstanceFlavors and the sale settings: the catalogue in its order, filtered, paged, with sale status. */
class InstanceFlavorsTest {
    private final InMemoryStore store = new InMemoryStore();
    private final InstanceFlavors flavors = new InstanceFlavors(CatalogueFile.published(), store);

    private static List<String> types(InstanceFlavors.FlavorPage page) {
        return page.flavors().stream().map(listed -> listed.spec().type()).toList();
    }

    @Test
    void listsTheWholeCatalogueInItsOrderAllOnSaleUntilSetOtherwise() {
        InstanceFlavors.FlavorPage all = flavors.list(Optional.empty(), Optional.empty(), 0, 500);
        assertEquals(CatalogueFile.published().all().stream().map(FlavorSpec::type).toList(), types(all));
        assertEquals(all.flavors().size(), all.count());
        assertEquals(List.of(SaleStatus.NORMAL), all.flavors().stream().map(InstanceFlavors.Listed::status)
                .distinct().toList());
    }

    @Test
    void filtersByEditionAndPagesByMarkerAndOffsetWithoutLosingOrRepeatingAFlavor() {
        InstanceFlavors.FlavorPage enterprise = flavors.list(Optional.of(Edition.ENTERPRISE), Optional.empty(), 0,
                500);
        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        InstanceFlavors.FlavorPage page;
        do {
            page = flavors.list(Optional.of(Edition.ENTERPRISE), marker, 0, 3);
            assertEquals(enterprise.count(), page.count(), "count is every match, not the page");
            seen.addAll(types(page));
            marker = page.marker();
        } while (page.flavors().size() == 3);
        assertEquals(types(enterprise), seen);
        assertEquals(Optional.empty(), flavors.list(Optional.of(Edition.ENTERPRISE),
                Optional.of(seen.get(seen.size() - 1)), 0, 3).marker(), "an empty page has no marker");
        assertEquals(types(enterprise).subList(2, 4),
                types(flavors.list(Optional.of(Edition.ENTERPRISE), Optional.empty(), 2, 2)));
    }

    @Test
    void aSelloutShowsAndNormalLiftsIt() {
        flavors.setSaleStatus("iotda.standard.s2", SaleStatus.SELLOUT);
        assertEquals(SaleStatus.SELLOUT, flavors.list(Optional.empty(), Optional.empty(), 0, 500).flavors().stream()
                .filter(listed -> listed.spec().type().equals("iotda.standard.s2")).findFirst().orElseThrow()
                .status());
        assertEquals(SaleStatus.SELLOUT, flavors.current().saleStatus("iotda.standard.s2"));
        flavors.setSaleStatus("iotda.standard.s2", SaleStatus.NORMAL);
        assertEquals(SaleStatus.NORMAL, flavors.current().saleStatus("iotda.standard.s2"));
    }

    @Test
    void refusesToSetTheStatusOfAFlavorOutsideTheCatalogueAndWritesNothing() {
        Object before = store.snapshot();
        assertThrows(Rejected.class, () -> flavors.setSaleStatus("iotda.standard.s99", SaleStatus.SELLOUT));
        assertEquals(before, store.snapshot());
    }
}
