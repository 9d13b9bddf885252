package cloud.iotda.usecase.port;

import cloud.iotda.domain.catalogue.SaleStatus;
import java.util.Set;

/** The operator's sale settings of the catalogue's flavors, changed at run time without a deploy. */
public interface FlavorSales {

    /** The flavor types set to {@link SaleStatus#SELLOUT}; every other flavor is on sale. */
    Set<String> soldOut();

    void setSaleStatus(String flavorType, SaleStatus status);
}
