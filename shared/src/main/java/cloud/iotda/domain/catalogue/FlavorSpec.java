package cloud.iotda.domain.catalogue;

import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import java.util.Set;

/**
 * One published specification. Standard flavors are sized in units ({@code minSize..maxSize}); enterprise flavors
 * carry no size. {@code chargeModes} are the billing modes the flavor can be bought with.
 */
public record FlavorSpec(String type, Edition edition, int minSize, int maxSize, Set<ChargeMode> chargeModes) {

    public FlavorSpec {
        chargeModes = Set.copyOf(chargeModes);
    }

    public boolean sized() {
        return edition == Edition.STANDARD;
    }

    public boolean allowsSize(long size) {
        return size >= minSize && size <= maxSize;
    }

    public boolean supports(ChargeMode mode) {
        return chargeModes.contains(mode);
    }
}
