package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.ENTERPRISE;
import static cloud.iotda.testing.TestWorld.MISSING;
import static cloud.iotda.testing.TestWorld.PROJECT;
import static cloud.iotda.testing.TestWorld.S0;
import static cloud.iotda.testing.TestWorld.STANDARD;
import static cloud.iotda.testing.TestWorld.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.order.Change;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only a pay-per-use instance without an unfinished order goes; its orders stay. */
class DeleteInstanceTest {
    private final TestWorld world = TestWorld.inMemory();
    private final DeleteInstance delete = world.service.useCases().deleteInstance();
    private final PlaceOrder place = world.service.useCases().placeOrder();
    private final InstanceQueries queries = world.service.useCases().instanceQueries();

    private void assertRefused(Reason reason, String instanceId) {
        Object before = world.state();
        Rejected refused = assertThrows(Rejected.class, () -> delete.delete(ref(instanceId)));
        assertEquals(reason, refused.reason());
        assertEquals(before, world.state(), "nothing is written");
    }

    @Test
    void deletedInstanceIsGoneFromShowAndListButItsOrdersStay() {
        OrderId resized = place.place(ref(STANDARD), new Change.Resize(new Flavor("iotda.standard.s1", 3), false,
                false));
        world.clock.advance(Duration.ofMinutes(1));
        delete.delete(ref(STANDARD));

        assertTrue(world.instance(STANDARD).isDeleted());
        assertEquals(TestWorld.START.plus(Duration.ofMinutes(1)), world.instance(STANDARD).deleteTime());
        assertEquals(Reason.INSTANCE_NOT_FOUND,
                assertThrows(Rejected.class, () -> queries.show(ref(STANDARD))).reason());
        assertTrue(queries.list(PROJECT, new InstanceQueries.ListQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 500)).instances().stream()
                .noneMatch(instance -> instance.ref().instanceId().equals(STANDARD)));
        assertEquals(resized, world.service.orderQueries().show(ref(STANDARD), resized).value().orderId());
    }

    @Test
    void aDeletedInstanceCannotBeDeletedAgain() {
        delete.delete(ref(S0));
        assertRefused(Reason.INSTANCE_NOT_FOUND, S0);
    }

    @Test
    void refusesAYearlyMonthlyInstance() {
        assertRefused(Reason.INSTANCE_NOT_DELETABLE, ENTERPRISE);
    }

    @Test
    void refusesAnInstanceWithAnUnfinishedOrder() {
        place.place(ref(STANDARD), new Change.ChargeModeChange(PeriodType.MONTH, 1, false, false));
        assertRefused(Reason.ORDER_IN_PROGRESS, STANDARD);
    }

    @Test
    void refusesAnUnknownInstance() {
        assertRefused(Reason.INSTANCE_NOT_FOUND, MISSING);
    }
}
