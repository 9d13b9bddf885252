package cloud.iotda.usecase;

import static cloud.iotda.testing.TestWorld.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.OrderType;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.usecase.port.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new instance: pay-per-use is ACTIVE at once; yearly/monthly is an order, paid from the balance or awaited. */
class CreateInstanceTest {
    private static final Flavor ENTERPRISE_FLAVOR = new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null);
    private final TestWorld world = TestWorld.inMemory();
    private final CreateInstance create = world.service.useCases().createInstance();

    private static Creation.Request request(Edition edition, Flavor flavor, ChargeInfo charge) {
        return new Creation.Request(PROJECT, Optional.empty(), "plant-a", "line-7", edition, flavor, charge, "0",
                new Tags(List.of(new Tag("team", "plant"))), Network.NONE, null);
    }

    @Test
    void createsAPayPerUseInstanceActiveWithoutAnOrder() {
        Creation created = create.create(request(Edition.STANDARD, TestWorld.S1_X2, ChargeInfo.postPaid()));
        Instance stored = world.instance(created.instance().ref().instanceId());
        assertEquals(created.instance(), stored);
        assertEquals(InstanceStatus.ACTIVE, stored.status());
        assertEquals(ChargeMode.POST_PAID, stored.chargeMode());
        assertEquals(TestWorld.REGION, stored.profile().regionId());
        assertEquals("plant", stored.profile().tags().list().get(0).value());
        assertTrue(created.order().isEmpty());
        assertTrue(world.ordersOf(stored.ref().instanceId()).isEmpty());
        String uuidV4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertTrue(stored.ref().instanceId().matches(uuidV4), stored.ref().instanceId());
    }

    @Test
    void createsAYearlyInstanceThatAwaitsPaymentOfItsOrder() {
        Creation created = create.create(request(Edition.ENTERPRISE, ENTERPRISE_FLAVOR,
                ChargeInfo.prePaid(PeriodType.YEAR, 1, false, false)));
        Instance stored = world.instance(created.instance().ref().instanceId());
        Order order = created.order().orElseThrow();
        assertEquals(InstanceStatus.CREATING, stored.status());
        assertEquals(order.orderId(), stored.orderId(), "the instance is held by its order");
        assertNull(stored.subscription(), "no subscription before payment");
        assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
        assertEquals(OrderType.CREATE_INSTANCE, order.type());
        assertEquals(List.of(order), world.ordersOf(stored.ref().instanceId()));
    }

    @Test
    void payingTheOrderStartsTheSubscriptionAndCancellingFailsTheInstance() {
        ChargeInfo monthly = ChargeInfo.prePaid(PeriodType.MONTH, 2, false, false);
        Creation paid = create.create(request(Edition.ENTERPRISE, ENTERPRISE_FLAVOR, monthly));
        Creation cancelled = create.create(request(Edition.ENTERPRISE, ENTERPRISE_FLAVOR, monthly));
        world.clock.advance(Duration.ofHours(1));

        world.service.lifecycle().pay(paid.order().orElseThrow().orderId());
        world.service.lifecycle().cancel(cancelled.order().orElseThrow().orderId());

        Instance active = world.instance(paid.instance().ref().instanceId());
        assertEquals(InstanceStatus.ACTIVE, active.status());
        assertNull(active.orderId());
        assertEquals(Instant.parse("2026-03-15T11:00:00Z"), active.subscription().expireTime(),
                "two calendar months from payment");
        assertEquals(InstanceStatus.FAILED, world.instance(cancelled.instance().ref().instanceId()).status());
    }

    @Test
    void autoPayBuysTheSubscriptionAtOnce() {
        Creation created = create.create(request(Edition.ENTERPRISE, ENTERPRISE_FLAVOR,
                ChargeInfo.prePaid(PeriodType.MONTH, 1, true, true)));
        Instance stored = world.instance(created.instance().ref().instanceId());
        assertEquals(InstanceStatus.ACTIVE, stored.status());
        assertTrue(stored.subscription().autoRenew());
        assertEquals(OrderStatus.COMPLETED, created.order().orElseThrow().status());
        assertNull(stored.orderId());
    }

    @Test
    void refusesABillingModeTheFlavorDoesNotOffer() {
        Object before = world.state();
        Rejected s0Yearly = assertThrows(Rejected.class, () -> create.create(request(Edition.STANDARD,
                new Flavor("iotda.standard.s0", 1), ChargeInfo.prePaid(PeriodType.MONTH, 1, false, true))));
        assertEquals(Reason.FLAVOR_NOT_BILLABLE, s0Yearly.reason());
        Rejected enterprisePayPerUse = assertThrows(Rejected.class, () -> create.create(request(Edition.ENTERPRISE,
                ENTERPRISE_FLAVOR, ChargeInfo.postPaid())));
        assertEquals(Reason.FLAVOR_NOT_BILLABLE, enterprisePayPerUse.reason());
        assertEquals(before, world.state(), "nothing is written");
    }

    @Test
    void refusesASoldOutFlavorAndWritesNothing() {
        world.sales.setSaleStatus(ENTERPRISE_FLAVOR.type(), SaleStatus.SELLOUT);
        Object before = world.state();
        Rejected soldOut = assertThrows(Rejected.class, () -> create.create(request(Edition.ENTERPRISE,
                ENTERPRISE_FLAVOR, ChargeInfo.prePaid(PeriodType.MONTH, 1, false, true))));
        assertEquals(Reason.FLAVOR_SOLD_OUT, soldOut.reason());
        assertEquals(List.of(ENTERPRISE_FLAVOR.type()), soldOut.facts());
        assertEquals(before, world.state(), "nothing is written");
    }

    @Test
    void anIdChosenByTheOperatorIsTakenOnlyOnce() {
        Creation.Request chosen = new Creation.Request(PROJECT, Optional.of(TestWorld.STANDARD), "dup", null,
                Edition.STANDARD, TestWorld.S1_X2, ChargeInfo.postPaid(), null, Tags.NONE, Network.NONE, null);
        Object before = world.state();
        assertThrows(Conflict.class, () -> create.create(chosen));
        assertEquals(before, world.state());
    }
}
