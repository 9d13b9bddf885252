package cloud.iotda.domain.catalogue;

import cloud.iotda.domain.instance.Edition;

/**
 * One published specification. Standard flavors are sized in units ({@code minSize..maxSize});
 * enterprise flavors carry no size.
 */
public record FlavorSpec(String type, Edition edition, int minSize, int maxSize, boolean prepaidSupported) {

    public boolean sized() {
        return edition == Edition.STANDARD;
    }

    public boolean allowsSize(long size) {
        return size >= minSize && size <= maxSize;
    }
}
