package cloud.iotda.domain.billing;

import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.PeriodType;
import java.util.Map;

/**
 * What a yearly/monthly flavor costs, as data beside the flavor catalogue: a price for a month and for a year, per
 * unit of a sized (standard) flavor, in one currency. Pay-per-use is billed by use, not ordered: its orders cost
 * nothing here.
 */
public record PriceList(String currency, Map<String, Prices> byFlavor) {
    /** A flavor's price for one month and for one year (one unit of a sized flavor). */
    public record Prices(Amount month, Amount year) {
    }

    public PriceList {
        byFlavor = Map.copyOf(byFlavor);
    }

    /** {@code periods} of {@code type} of {@code flavor}: its unit's price times its size times the periods. */
    public Amount of(Flavor flavor, PeriodType type, int periods) {
        Prices prices = byFlavor.get(flavor.type());
        if (prices == null) {
            throw new IllegalArgumentException("no yearly/monthly price for " + flavor.type());
        }
        Amount unit = type == PeriodType.YEAR ? prices.year() : prices.month();
        long size = flavor.size() == null ? 1 : flavor.size();
        return unit.times(size).times(periods);
    }

    public boolean prices(Flavor flavor) {
        return byFlavor.containsKey(flavor.type());
    }
}
