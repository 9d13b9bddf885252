package cloud.iotda.adapter.catalogue;

import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.PriceList;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published flavors as data, in {@code flavors.json} beside this class (with the billing modes each can be
 * bought with): adding a tier is no code change.
 */
public final class CatalogueFile {
    private CatalogueFile() {
    }

    public static FlavorCatalogue published() {
        List<FlavorSpec> specs = new ArrayList<>();
        for (JsonNode node : Parsed.FILE.get("flavors")) {
            Edition edition = Edition.fromWireName(node.get("edition").asText());
            boolean sized = edition == Edition.STANDARD;
            Set<ChargeMode> modes = EnumSet.noneOf(ChargeMode.class);
            node.get("charge_modes").forEach(mode -> modes.add(ChargeMode.fromWireName(mode.asText())));
            specs.add(new FlavorSpec(node.get("type").asText(), edition,
                    sized ? node.get("min_size").asInt() : 0,
                    sized ? node.get("max_size").asInt() : 0,
                    modes));
        }
        return new FlavorCatalogue(specs);
    }

    /** The yearly/monthly flavors' prices, in the same file: {@code prices.month}, {@code prices.year}. */
    public static PriceList prices() {
        JsonNode file = Parsed.FILE;
        Map<String, PriceList.Prices> prices = new HashMap<>();
        for (JsonNode node : file.get("flavors")) {
            JsonNode price = node.get("prices");
            if (price != null) {
                prices.put(node.get("type").asText(), new PriceList.Prices(amount(price, "month"),
                        amount(price, "year")));
            }
        }
        return new PriceList(file.get("currency").asText(), prices);
    }

    private static Amount amount(JsonNode price, String field) {
        return Amount.parse(price.path(field).asText()).orElseThrow(() -> new IllegalStateException(
                "flavors.json: a price's " + field + " is not " + Amount.RULE + ": " + price));
    }

    /** The file, parsed once when first used (the catalogue and the prices are both read from it at start). */
    private static final class Parsed {
        static final JsonNode FILE = read();
    }

    private static JsonNode read() {
        try (InputStream in = CatalogueFile.class.getResourceAsStream("flavors.json")) {
            if (in == null) {
                throw new IllegalStateException("flavors.json is missing from the classpath");
            }
            return JsonTrees.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
