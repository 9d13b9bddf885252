package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.MISSING;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.port.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderQueriesTest {
    private final TestWorld world = TestWorld.inMemory();
    private final OrderQueries queries = world.service.useCases().orderQueries();

    private List<OrderId> placeResizes(int count) {
        PlaceOrder placeOrder = world.service.useCases().placeOrder();
        List<OrderId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            ids.add(placeOrder.place(ref(STANDARD), new Change.Resize(new Flavor("iotda.standard.s1", 3 + i), false,
                    false)));
        }
        return ids;
    }

    private static List<OrderId> idsOf(Page<Order> page) {
        return page.items().stream().map(Order::orderId).toList();
    }

    @Test
    void listsNewestFirstAPageAtATime() {
        List<OrderId> placed = placeResizes(3);
        Page<Order> first = queries.list(ref(STANDARD), 2, null).value();
        assertEquals(List.of(placed.get(2), placed.get(1)), idsOf(first));
        Page<Order> second = queries.list(ref(STANDARD), 2, new OrderId(first.next())).value();
        assertEquals(List.of(placed.get(0)), idsOf(second));
        assertNull(second.next());
    }

    @Test
    void showsAnOrderOnlyOnItsOwnInstance() {
        OrderId orderId = placeResizes(1).get(0);
        assertEquals(orderId, queries.show(ref(STANDARD), orderId).value().orderId());
        Rejected elsewhere = assertThrows(Rejected.class, () -> queries.show(ref(ENTERPRISE), orderId));
        assertEquals(Reason.ORDER_NOT_FOUND, elsewhere.reason());
        assertEquals(List.of(orderId), elsewhere.facts());
    }

    @Test
    void aMissingInstanceIsNotFoundForBothQueries() {
        OrderId orderId = placeResizes(1).get(0);
        assertEquals(Reason.INSTANCE_NOT_FOUND,
                assertThrows(Rejected.class, () -> queries.list(ref(MISSING), 20, null)).reason());
        assertEquals(Reason.INSTANCE_NOT_FOUND,
                assertThrows(Rejected.class, () -> queries.show(ref(MISSING), orderId)).reason());
    }
}
