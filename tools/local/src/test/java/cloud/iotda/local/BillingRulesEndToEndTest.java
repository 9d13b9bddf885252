package cloud.iotda.local;

import static cloud.iotda.local.SignedCalls.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.local.SignedCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing rules in time, seen as a client of Huawei Cloud sees them (requests signed by the core's
 * GlobalCredentials signer) while the operator moves the local world's clock and runs the processor: an order left
 * unpaid lapses after 7 days; auto-renewal is charged 7 days early at 03:00 (UTC+8), and with too little balance the
 * subscription lapses into grace and freezes, then a daily attempt that the balance pays renews it from the old
 * expiry and unfreezes it. Each test starts from the seed and real time.
 */
class BillingRulesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final Map<String, List<String>> OTHER_TOKEN = Map.of("X-Auth-Token", List.of("demo-token-9f8e7d6c"),
            "Content-Type", List.of("application/json"));
    private static final ZoneOffset BILLING_ZONE = ZoneOffset.ofHours(8);

    static LocalApi api;
    static SignedCalls calls;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(new LocalApi.Options(0, 0, null, null,
                LocalApiEndToEndTest.repoRoot().resolve("template.yaml")));
        calls = new SignedCalls("http://127.0.0.1:" + api.port());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void fromTheSeedAndRealTime() {
        admin("reset");
    }

    private static String admin(String... args) {
        return AdminRun.ok(api.dynamoEndpoint(), args).strip();
    }

    private static void processAt(Instant at) {
        admin("clock", "set", at.toString());
        admin("orders", "process-now");
    }

    private static String balanceOfOther() {
        return admin("accounts", "show", "other-demo").split(" ")[3];
    }

    @Test
    void anOrderLeftUnpaidForSevenDaysIsCancelledAndCanNoLongerBePaid() throws Exception {
        String unpaid = "CS2601150900UNPD3";
        JsonNode order = calls.details(SignedCalls.demo(), unpaid).path("order_info");
        assertEquals(6, order.path("status").asInt(), order.toString());
        Instant deadline = Instant.parse(order.path("pending_payment_end_time").asText());
        assertEquals(Instant.parse(order.path("create_time").asText()).plus(Duration.ofDays(7)), deadline);

        processAt(deadline.minusSeconds(60));
        assertEquals(6, calls.details(SignedCalls.demo(), unpaid).path("order_info").path("status").asInt(),
                "payable until then");
        processAt(deadline.plusSeconds(60));
        assertEquals(4, calls.details(SignedCalls.demo(), unpaid).path("order_info").path("status").asInt(),
                "cancelled unpaid");
        assertRefused(calls.send(SignedCalls.demo(), "POST", "/v3/orders/customer-orders/pay", "{\"order_id\": \""
                + unpaid + "\", \"use_coupon\": \"NO\", \"use_discount\": \"NO\"}"), 400, "CBC.99003106");
    }

    /** The instance's subscription as its order list shows it (the project's token). */
    private static JsonNode subscription(String instanceId) throws Exception {
        Answer orders = calls.exchange("GET", "/v5/iot/" + OTHER_PROJECT + "/iotda-instances/" + instanceId
                + "/orders", OTHER_TOKEN, null);
        assertEquals(200, orders.statusCode(), orders.body());
        return JSON.readTree(orders.body()).path("subscription");
    }

    private static String status(String instanceId) throws Exception {
        Answer shown = calls.exchange("GET", "/v5/iot/" + OTHER_PROJECT + "/iotda-instances/" + instanceId,
                OTHER_TOKEN, null);
        return JSON.readTree(shown.body()).path("status").asText();
    }

    /** The account's RENEW orders (order_type 2) through ListCustomerOrders. */
    private static List<JsonNode> renewals() throws Exception {
        Answer listed = calls.send(SignedCalls.other(), "GET", "/v2/orders/customer-orders?order_type=2&limit=100",
                null);
        assertEquals(200, listed.statusCode(), listed.body());
        List<JsonNode> found = new ArrayList<>();
        JSON.readTree(listed.body()).path("order_infos").forEach(found::add);
        return found;
    }

    /** 03:00 (UTC+8) on the 7th day before {@code expiry}: when its auto-renewal is first charged. */
    private static Instant firstAttempt(Instant expiry) {
        return expiry.atZone(BILLING_ZONE).toLocalDate().minusDays(7).atTime(LocalTime.of(3, 0))
                .atZone(BILLING_ZONE).toInstant();
    }

    /** The first 03:00 (UTC+8) after {@code at}. */
    private static Instant next3am(Instant at) {
        ZonedDateTime day = at.atZone(BILLING_ZONE).toLocalDate().atTime(LocalTime.of(3, 0)).atZone(BILLING_ZONE);
        return (day.toInstant().isAfter(at) ? day : day.plusDays(1)).toInstant();
    }

    @Test
    void autoRenewalIsCharged7DaysEarlyAndWithTooLittleBalanceLapsesFreezesAndRenewsOnceADailyAttemptIsPaid()
            throws Exception {
        admin("accounts", "top-up", "other-demo", "800");
        Answer created = calls.exchange("POST", "/v5/iot/" + OTHER_PROJECT + "/iotda-instances", OTHER_TOKEN,
                "{\"instance_type\":\"standard\",\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":1},"
                        + "\"name\":\"renewing\",\"charge_info\":{\"charge_mode\":\"prePaid\",\"period_type\":"
                        + "\"month\",\"period_num\":1,\"is_auto_renew\":true,\"is_auto_pay\":true}}");
        assertEquals(200, created.statusCode(), created.body());
        String instanceId = JSON.readTree(created.body()).path("instance_id").asText();
        assertEquals("0.00", balanceOfOther(), "a month of s1 x1 paid at once");
        admin("accounts", "top-up", "other-demo", "800");
        Instant firstExpiry = Instant.parse(subscription(instanceId).path("expire_time").asText());

        // Charged from 03:00 on the 7th day before expiry, not a minute before.
        processAt(firstAttempt(firstExpiry).minusSeconds(60));
        assertEquals(List.of(), renewals());
        processAt(firstAttempt(firstExpiry));
        List<JsonNode> renewed = renewals();
        assertEquals(1, renewed.size(), renewed.toString());
        assertEquals(5, renewed.get(0).path("status").asInt(), "paid: " + renewed);
        assertEquals("0.00", balanceOfOther(), "taken from the balance");
        Instant secondExpiry = Instant.parse(subscription(instanceId).path("expire_time").asText());
        assertEquals(firstExpiry.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(), secondExpiry);

        // Nothing left to pay the next term with: past expiry it is in grace, still working, then frozen.
        processAt(secondExpiry.plus(Duration.ofHours(1)));
        assertEquals(1, renewals().size(), "the attempts found too little balance");
        assertEquals("grace", subscription(instanceId).path("phase").asText());
        assertEquals("ACTIVE", status(instanceId));
        Instant frozenAt = secondExpiry.plus(Duration.ofDays(15)).plusSeconds(60);
        processAt(frozenAt);
        assertEquals("FROZEN", status(instanceId));
        assertEquals("retention", subscription(instanceId).path("phase").asText());

        // Topped up, the next day's attempt at 03:00 pays it: renewed from the old expiry, unfrozen.
        admin("accounts", "top-up", "other-demo", "800");
        processAt(next3am(frozenAt).minusSeconds(60));
        assertEquals("FROZEN", status(instanceId), "not before the day's attempt");
        processAt(next3am(frozenAt));
        assertEquals(2, renewals().size());
        assertEquals("ACTIVE", status(instanceId), "unfrozen");
        assertEquals(secondExpiry.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(),
                Instant.parse(subscription(instanceId).path("expire_time").asText()), "from the old expiry");
        assertEquals("0.00", balanceOfOther());
        assertTrue(renewals().stream().allMatch(order -> order.path("status").asInt() == 5), renewals().toString());
    }
}
