package cloud.iotda.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What orders cost by the price list (flavors.json), and when a balance pays them. */
class PaymentTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final InstanceRef REF = new InstanceRef("0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b",
            "2a2b3c4d-0000-4000-8000-0000000000aa");
    private static final Account RICH = new Account("5c1e8a2f9b7d4c3e8f6a1b2d3c4e5f60", "demo",
            Amount.parse("100000").orElseThrow());
    private static final Payment PAYMENT = new Payment(CatalogueFile.prices(), RICH);

    private static Instance yearly(Flavor flavor) {
        return Instance.create(REF, Edition.STANDARD, flavor)
                .prePaid(Subscription.startingAt(NOW, PeriodType.YEAR, 1, false)).at(NOW);
    }

    private static Amount amount(String text) {
        return Amount.parse(text).orElseThrow();
    }

    @Test
    void periodsOfAFlavorCostItsUnitPriceTimesItsSizeAndThePeriods() {
        Instance payPerUse = Instance.create(REF, Edition.STANDARD, new Flavor("iotda.standard.s1", 3)).postPaid()
                .at(NOW);
        assertEquals(amount("7200.00"), PAYMENT.priceOf(payPerUse,
                new Change.ChargeModeChange(PeriodType.MONTH, 3, false, false), NOW), "800.00 x 3 units x 3 months");
        assertEquals(amount("24000.00"), PAYMENT.priceOf(payPerUse,
                new Change.ChargeModeChange(PeriodType.YEAR, 1, false, false), NOW), "8,000.00 a unit-year x 3");
        assertEquals(amount("150000.00"), PAYMENT.priceOfNew(new Flavor("iotda.enterprise.1000tps.10wonlinedevice",
                null), ChargeInfo.prePaid(PeriodType.YEAR, 1, false, true)), "an unsized flavor: its price");
        assertEquals(Amount.ZERO, PAYMENT.priceOfNew(new Flavor("iotda.standard.s1", 3), ChargeInfo.postPaid()),
                "pay-per-use is billed by use");
    }

    @Test
    void aLargerFlavorCostsTheMonthlyDifferenceForEachMonthLeftAndASmallerNothing() {
        Instance current = yearly(new Flavor("iotda.standard.s1", 2));
        // s2 x2 is 3,200.00 a month, s1 x2 1,600.00; a year from now is 12 months of 31 days, begun.
        assertEquals(amount("19200.00"), PAYMENT.priceOf(current,
                new Change.Resize(new Flavor("iotda.standard.s2", 2), false, false), NOW));
        assertEquals(amount("1600.00"), PAYMENT.priceOf(current,
                new Change.Resize(new Flavor("iotda.standard.s2", 2), false, false),
                Instant.parse("2027-02-15T00:00:00Z")), "two weeks left: one month");
        assertEquals(Amount.ZERO, PAYMENT.priceOf(current,
                new Change.Resize(new Flavor("iotda.standard.st", 2), false, false), NOW));
    }

    @Test
    void aBalanceChargesWhatItHoldsAndNoMore() {
        Payment poor = new Payment(CatalogueFile.prices(), new Account(RICH.domainId(), "demo", amount("99.99")));
        assertNull(poor.charge(amount("100.00")));
        assertEquals(new Charge(RICH.domainId(), amount("99.99")), poor.charge(amount("99.99")));
        assertNull(new Payment(CatalogueFile.prices(), null).charge(amount("1")), "nobody's balance");
    }

    @Test
    void amountsAreWrittenWithTwoDecimalsAndParsedWithAtMostTwo() {
        assertEquals("1200.50", amount("1200.5").toString());
        assertEquals("0.00", Amount.ZERO.toString());
        assertEquals(true, Amount.parse("1.234").isEmpty());
        assertEquals(true, Amount.parse("-1").isEmpty());
        assertEquals(true, Amount.parse("1e3").isEmpty());
        assertEquals(true, Amount.parse("1000000000").isEmpty(), "beyond 999,999,999.99");
    }
}
