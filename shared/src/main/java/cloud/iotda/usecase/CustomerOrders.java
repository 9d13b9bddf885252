package cloud.iotda.usecase;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.order.Order;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.Orders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Orders as the billing center shows them to a customer: the orders of the account (domain) whose projects placed
 * them, by id; another account's order, or one of a project that belongs to no account, is not found.
 */
public final class CustomerOrders {
    private final Orders orders;
    private final Credentials credentials;
    private final OrderLifecycle lifecycle;
    private final Payers payers;

    public CustomerOrders(Orders orders, Credentials credentials, OrderLifecycle lifecycle, Payers payers) {
        this.orders = orders;
        this.credentials = credentials;
        this.lifecycle = lifecycle;
        this.payers = payers;
    }

    /** The account's order {@code orderId} (ShowCustomerOrderDetails). */
    public Order show(String domainId, OrderId orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> Rejected.because(Reason.ORDER_NOT_FOUND, orderId));
        String owner = credentials.findProject(order.instance().projectId()).map(Project::domainId).orElse(null);
        if (!Objects.equals(domainId, owner)) {
            throw Rejected.because(Reason.ORDER_NOT_FOUND, orderId);
        }
        return order;
    }

    /**
     * The account's orders created in {@code [from, to]} (either end open when null), of every project of the
     * account, newest first (ListCustomerOrders): a query of each project's orders, not of each instance's.
     */
    public List<Order> list(String domainId, Instant from, Instant to) {
        List<Order> all = new ArrayList<>();
        for (Project project : credentials.projectsOf(domainId)) {
            all.addAll(orders.ofProject(project.projectId(), from, to));
        }
        all.sort(Comparator.comparing(Order::createTime).thenComparing(order -> order.orderId().value())
                .reversed());
        return all;
    }

    /** Pays the account's order awaiting payment from the account's balance (PayOrders). */
    public Order pay(String domainId, OrderId orderId) {
        show(domainId, orderId);
        return lifecycle.payFrom(orderId, payers);
    }

    /** The price list's currency, in which amounts are shown. */
    public String currency() {
        return payers.prices().currency();
    }

    /** Cancels the account's order awaiting payment (CancelCustomerOrder); any other status is refused. */
    public Order cancel(String domainId, OrderId orderId) {
        show(domainId, orderId);
        return lifecycle.cancelUnpaid(orderId);
    }
}
