package cloud.iotda.usecase.port;

import cloud.iotda.domain.catalogue.SaleStatus;
import java.util.Set;

/** The operator's sale settings of the catalogue's flavors, changed at run time without a deploy. */
public interface FlavorSales {

    /**
     * The flavor types set to {@link SaleStatus#SELLOUT}; every other flavor is on sale. {@code latest}: as the last
     * setting left them (what an order is decided on); otherwise possibly a moment behind it, for half the read cost
     * (what a listing shows).
     */
    Set<String> soldOut(boolean latest);

    void setSaleStatus(String flavorType, SaleStatus status);
}
