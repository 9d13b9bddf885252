package cloud.iotda.usecase;

import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.billing.PriceList;
import cloud.iotda.domain.order.Payment;
import cloud.iotda.usecase.port.Credentials;

/**
 * Who pays a project's orders, read afresh for each decision: the account the project belongs to, with its balance
 * as stored now (the write that takes from it checks it again), and the price list.
 */
public final class Payers {
    private final Credentials credentials;
    private final PriceList prices;

    /** @param credentials the store itself, not a cache: a balance is read as it is */
    public Payers(Credentials credentials, PriceList prices) {
        this.credentials = credentials;
        this.prices = prices;
    }

    /**
     * How an order of the project is priced and paid; the account is read only when the order is to be paid at once
     * ({@code paidAtOnce}): an order awaiting payment is priced, not paid.
     */
    public Payment of(String projectId, boolean paidAtOnce) {
        return paidAtOnce ? of(projectId) : new Payment(prices, null);
    }

    public Payment of(String projectId) {
        Account payer = credentials.findProject(projectId).map(Project::domainId)
                .flatMap(credentials::findAccount).orElse(null);
        return new Payment(prices, payer);
    }

    public PriceList prices() {
        return prices;
    }
}
