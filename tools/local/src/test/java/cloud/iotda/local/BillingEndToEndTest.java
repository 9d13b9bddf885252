package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.local.SignedCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The billing API's order operations as a client of Huawei Cloud calls them: over raw HTTP (the BSS SDK is not
 * served here), signed by the Java core 3.1.143's own signer with {@code GlobalCredentials}, which adds and signs
 * {@code X-Domain-Id}; the demo seed's accounts and orders.
 */
class BillingEndToEndTest {
    private static final Path ROOT = LocalApiEndToEndTest.repoRoot();
    private static final String DOMAIN = "5c1e8a2f9b7d4c3e8f6a1b2d3c4e5f60";
    private static final String UNPAID = "CS2601150900UNPD1";
    private static final String COMPLETED = "CS2601150900HIST1";
    /** The demo seed's second order awaiting payment: s1 x2 to s2 x2 for the month left, 1,600.00. */
    private static final String TO_PAY = "CS2601150900UNPD2";
    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalApi api;
    static SignedCalls calls;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start(new LocalApi.Options(0, 0, null, null, ROOT.resolve("template.yaml")));
        calls = new SignedCalls("http://127.0.0.1:" + api.port());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static GlobalCredentials demo() {
        return SignedCalls.demo();
    }

    private static GlobalCredentials other() {
        return SignedCalls.other();
    }

    private static Answer send(GlobalCredentials credentials, String method, String path, String body)
            throws Exception {
        return calls.send(credentials, method, path, body);
    }

    private static Answer exchange(String method, String path, Map<String, List<String>> headers, String body)
            throws Exception {
        return calls.exchange(method, path, headers, body);
    }

    private static JsonNode details(GlobalCredentials credentials, String orderId) throws Exception {
        return calls.details(credentials, orderId);
    }

    private static void assertRefused(Answer answer, int status, String code) throws Exception {
        SignedCalls.assertRefused(answer, status, code);
    }

    @Test
    void anAccountSeesItsOrderWithTheBillingCentersNumbers() throws Exception {
        JsonNode order = details(demo(), COMPLETED).path("order_info");
        assertEquals(COMPLETED, order.path("order_id").asText());
        assertEquals(DOMAIN, order.path("customer_id").asText());
        assertEquals(5, order.path("status").asInt(), "completed");
        assertEquals(3, order.path("order_type").asInt(), "a change");
        assertEquals(6, details(demo(), UNPAID).path("order_info").path("status").asInt(), "pending payment");
    }

    @Test
    void anotherAccountsOrderIsNotFound() throws Exception {
        assertRefused(send(other(), "GET", "/v2/orders/customer-orders/details/" + COMPLETED, null), 400,
                "CBC.30000010");
        assertRefused(send(other(), "PUT", "/v2/orders/customer-orders/cancel", "{\"order_id\": \"" + UNPAID + "\"}"),
                400, "CBC.30000010");
    }

    @Test
    void anXDomainIdOfAnotherAccountIsRefused() throws Exception {
        GlobalCredentials claimsOther = demo().withDomainId("8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a");
        assertRefused(send(claimsOther, "GET", "/v2/orders/customer-orders/details/" + COMPLETED, null), 403,
                "CBC.0151");
    }

    @Test
    void theDomainFoundThroughIamSignsTheSameRequests() throws Exception {
        GlobalCredentials found = new GlobalCredentials().withAk("DEMOACCOUNTKEY5C1E8A2F")
                .withSk("demo-account-secret-do-not-use-in-production");
        found.withIamEndpoint("http://127.0.0.1:" + api.port());
        found.processAuthParams(new HcClient(HttpConfig.getDefaultHttpConfig().withTimeout(10)).withCredential(found),
                "cn-north-4").join();
        assertEquals(DOMAIN, found.getDomainId());
        assertEquals(COMPLETED, details(found, COMPLETED).path("order_info").path("order_id").asText());
    }

    @Test
    void onlyAnOrderAwaitingPaymentIsCancelledAndItsInstanceIsReleased() throws Exception {
        assertRefused(send(demo(), "PUT", "/v2/orders/customer-orders/cancel",
                "{\"order_id\": \"" + COMPLETED + "\"}"), 400, "CBC.99005010");
        assertRefused(send(demo(), "PUT", "/v2/orders/customer-orders/cancel", "{\"order_id\": \"nope\"}"), 400,
                "CBC.0100");
        Answer cancelled = send(demo(), "PUT", "/v2/orders/customer-orders/cancel",
                "{\"order_id\": \"" + UNPAID + "\"}");
        assertEquals(204, cancelled.statusCode(), cancelled.body());
        assertEquals(4, details(demo(), UNPAID).path("order_info").path("status").asInt(), "cancelled");
        Answer instance = exchange("GET",
                "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b/iotda-instances/2a2b3c4d-0000-4000-8000-000000000015",
                Map.of("X-Auth-Token", List.of("demo-token-0e3f2c8a")), null);
        JsonNode shown = JSON.readTree(instance.body());
        assertEquals("ACTIVE", shown.path("status").asText(), "released unchanged: " + shown);
        assertTrue(shown.path("order_id").isMissingNode(), "no longer held: " + shown);
        assertRefused(send(demo(), "PUT", "/v2/orders/customer-orders/cancel", "{\"order_id\": \"" + UNPAID + "\"}"),
                400, "CBC.99005010");
    }

    /** What the operator CLI prints for {@code args} on this API's table. */
    private static String admin(String... args) {
        return AdminRun.ok(api.dynamoEndpoint(), args).strip();
    }

    private static String balance(String account) {
        String shown = admin("accounts", "show", account);
        return shown.split(" ")[3];
    }

    private static Answer pay(GlobalCredentials credentials, String version, String orderId) throws Exception {
        String body = version.equals("v3") ? "{\"order_id\": \"" + orderId + "\", \"use_coupon\": \"NO\", "
                + "\"use_discount\": \"NO\"}" : "{\"order_id\": \"" + orderId + "\"}";
        return send(credentials, "POST", "/" + version + "/orders/customer-orders/pay", body);
    }

    /**
     * PayOrders takes the order's amount from the account's balance and runs the order; with too little balance it
     * answers CBC.99005003 and takes nothing; a paid order is not paid again; another account's is not found.
     */
    @Test
    void payingAnOrderTakesItsAmountFromTheAccountsBalance() throws Exception {
        JsonNode order = details(demo(), TO_PAY).path("order_info");
        assertEquals(1600.0, order.path("official_amount").asDouble(), order.toString());
        assertEquals("CNY", order.path("currency").asText());
        assertTrue(order.path("pending_payment_end_time").isTextual(), "awaiting payment until: " + order);
        assertRefused(pay(other(), "v3", TO_PAY), 400, "CBC.30000010");
        assertRefused(send(demo(), "POST", "/v3/orders/customer-orders/pay", "{\"order_id\": \"" + TO_PAY
                + "\", \"use_coupon\": \"YES\", \"use_discount\": \"NO\"}"), 400, "CBC.0100");
        String before = balance("demo");

        Answer paid = pay(demo(), "v3", TO_PAY);
        assertEquals(204, paid.statusCode(), paid.body());
        assertEquals(new BigDecimal(before).subtract(new BigDecimal("1600.00")).toPlainString(),
                balance("demo"), "1,600.00 taken");
        JsonNode after = details(demo(), TO_PAY).path("order_info");
        assertEquals(5, after.path("status").asInt(), "completed: " + after);
        assertTrue(after.path("pending_payment_end_time").isMissingNode(), after.toString());
        assertRefused(pay(demo(), "v2", TO_PAY), 400, "CBC.99003106");
        assertEquals(new BigDecimal(before).subtract(new BigDecimal("1600.00")).toPlainString(),
                balance("demo"), "paid once");
    }

    /** With too little balance: an auto-paid order awaits payment; PayOrders refuses it until a top-up. */
    @Test
    void tooLittleBalanceLeavesAnOrderAwaitingPaymentUntilATopUp() throws Exception {
        String otherProject = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        // The other account's instance turned monthly with is_auto_pay: its balance (nothing) cannot pay.
        Answer created = exchange("POST", "/v5/iot/" + otherProject + "/iotda-instances",
                Map.of("X-Auth-Token", List.of("demo-token-9f8e7d6c"), "Content-Type", List.of("application/json")),
                "{\"instance_type\":\"standard\",\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":1},"
                        + "\"name\":\"unfunded\",\"charge_info\":{\"charge_mode\":\"prePaid\","
                        + "\"period_type\":\"month\",\"period_num\":1,\"is_auto_pay\":true}}");
        assertEquals(200, created.statusCode(), created.body());
        String orderId = JSON.readTree(created.body()).path("order_id").asText();
        JsonNode order = details(other(), orderId).path("order_info");
        assertEquals(6, order.path("status").asInt(), "awaiting payment: " + order);
        assertEquals(800.0, order.path("official_amount").asDouble(), order.toString());

        assertRefused(pay(other(), "v3", orderId), 400, "CBC.99005003");
        assertEquals("0.00", balance("other-demo"), "nothing taken");
        admin("accounts", "top-up", "other-demo", "1000");
        assertEquals(204, pay(other(), "v2", orderId).statusCode());
        assertEquals("200.00", balance("other-demo"));
        assertEquals(5, details(other(), orderId).path("order_info").path("status").asInt());
    }

    /** Whether the instance's subscription renews automatically, as its order list shows it. */
    private static boolean autoRenews(String instanceId) throws Exception {
        Answer orders = exchange("GET", "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b/iotda-instances/" + instanceId
                + "/orders", Map.of("X-Auth-Token", List.of("demo-token-0e3f2c8a")), null);
        return JSON.readTree(orders.body()).path("subscription").path("is_auto_renew").asBoolean();
    }

    /** The subscription as the instance's order list shows it. */
    private static JsonNode subscription(String instanceId) throws Exception {
        Answer orders = exchange("GET", "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b/iotda-instances/" + instanceId
                + "/orders", Map.of("X-Auth-Token", List.of("demo-token-0e3f2c8a")), null);
        return JSON.readTree(orders.body()).path("subscription");
    }

    private static Answer renew(GlobalCredentials credentials, String resourceId, int months, int autoPay)
            throws Exception {
        return send(credentials, "POST", "/v2/orders/subscriptions/resources/renew", "{\"resource_ids\": [\""
                + resourceId + "\"], \"period_type\": 2, \"period_num\": " + months + ", \"expire_policy\": 0, "
                + "\"is_auto_pay\": " + autoPay + "}");
    }

    /**
     * RenewalResources: auto-paid from the balance at once, or awaiting payment until PayOrders pays it; each counts
     * from the expiry; another account's resource is not found.
     */
    @Test
    void renewalsArePaidFromTheBalanceAtOnceOrLaterThroughPayOrders() throws Exception {
        String enterprise = "2a2b3c4d-0000-4000-8000-000000000002";
        String expiry = subscription(enterprise).path("expire_time").asText();
        String before = balance("demo");
        Answer renewed = renew(demo(), enterprise, 1, 1);
        assertEquals(200, renewed.statusCode(), renewed.body());
        String orderId = JSON.readTree(renewed.body()).path("order_ids").path(0).asText();
        JsonNode order = details(demo(), orderId).path("order_info");
        assertEquals(2, order.path("order_type").asInt(), "a renewal: " + order);
        assertEquals(5, order.path("status").asInt(), "paid at once: " + order);
        BigDecimal amount = order.path("official_amount").decimalValue();
        assertTrue(amount.signum() > 0, order.toString());
        assertEquals(new BigDecimal(before).subtract(amount).setScale(2).toPlainString(), balance("demo"));
        assertTrue(subscription(enterprise).path("expire_time").asText().compareTo(expiry) > 0, "renewed");

        String resized = "2a2b3c4d-0000-4000-8000-000000000012";
        String unpaidExpiry = subscription(resized).path("expire_time").asText();
        Answer unpaid = renew(demo(), resized, 2, 0);
        assertEquals(200, unpaid.statusCode(), unpaid.body());
        String unpaidId = JSON.readTree(unpaid.body()).path("order_ids").path(0).asText();
        assertEquals(6, details(demo(), unpaidId).path("order_info").path("status").asInt(), "awaiting payment");
        assertEquals(unpaidExpiry, subscription(resized).path("expire_time").asText(), "not renewed yet");
        assertEquals(204, pay(demo(), "v3", unpaidId).statusCode());
        assertEquals(5, details(demo(), unpaidId).path("order_info").path("status").asInt());
        assertTrue(subscription(resized).path("expire_time").asText().compareTo(unpaidExpiry) > 0, "renewed");

        assertRefused(renew(other(), enterprise, 1, 1), 400, "CBC.99003012");
        assertRefused(renew(demo(), enterprise, 12, 1), 400, "CBC.0100");
    }

    /**
     * CancelResourcesSubscription: the resource is released, the months not begun go back to the balance; only the
     * account's own resources; unsubscribing renewals that do not exist is refused.
     */
    @Test
    void anUnsubscribedResourceIsReleasedAndItsMonthsNotBegunAreGivenBack() throws Exception {
        String resource = "2a2b3c4d-0000-4000-8000-000000000018";
        String path = "/v2/orders/subscriptions/resources/unsubscribe";
        String body = "{\"resource_ids\": [\"" + resource + "\"], \"unsubscribe_type\": 1, "
                + "\"unsubscribe_reason_type\": 5, \"unsubscribe_reason\": \"moving\"}";
        assertRefused(send(other(), "POST", path, body), 400, "CBC.99003012");
        assertRefused(send(demo(), "POST", path, "{\"resource_ids\": [\"2a2b3c4d-0000-4000-8000-000000000011\"], "
                + "\"unsubscribe_type\": 2}"), 400, "CBC.0100");
        String before = balance("demo");

        Answer unsubscribed = send(demo(), "POST", path, body);
        assertEquals(200, unsubscribed.statusCode(), unsubscribed.body());
        String orderId = JSON.readTree(unsubscribed.body()).path("order_ids").path(0).asText();
        JsonNode order = details(demo(), orderId).path("order_info");
        assertEquals(4, order.path("order_type").asInt(), "an unsubscription: " + order);
        assertEquals(5, order.path("status").asInt());
        BigDecimal back = order.path("official_amount").decimalValue();
        assertTrue(back.signum() > 0, "a year or more not begun: " + order);
        assertEquals(new BigDecimal(before).add(back).setScale(2).toPlainString(), balance("demo"));
        Answer shown = exchange("GET", "/v5/iot/0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b/iotda-instances/" + resource,
                Map.of("X-Auth-Token", List.of("demo-token-0e3f2c8a")), null);
        assertEquals(404, shown.statusCode(), "released: " + shown.body());
        assertRefused(send(demo(), "POST", path, body), 400, "CBC.99003012");
    }

    /** ListPayPerUseCustomerResources: each account sees its own yearly/monthly instances, with BSS's numbers. */
    @Test
    void eachAccountListsItsOwnYearlyMonthlyResources() throws Exception {
        String path = "/v2/orders/suscriptions/resources/query";
        Answer mine = send(demo(), "POST", path, "{\"limit\": 100}");
        assertEquals(200, mine.statusCode(), mine.body());
        JsonNode listed = JSON.readTree(mine.body());
        List<String> ids = new ArrayList<>();
        listed.path("data").forEach(resource -> ids.add(resource.path("resource_id").asText()));
        assertEquals(listed.path("total_count").asInt(), ids.size());
        assertTrue(ids.contains("2a2b3c4d-0000-4000-8000-000000000003"), "demo-prepaid: " + ids);
        assertFalse(ids.contains("2a2b3c4d-0000-4000-8000-000000000001"), "pay-per-use is not listed: " + ids);
        JsonNode theirs = JSON.readTree(send(other(), "POST", path, "{}").body());
        theirs.path("data").forEach(resource -> assertFalse(ids.contains(resource.path("resource_id").asText()),
                "another account's: " + theirs));
        assertRefused(send(demo(), "POST", path, "{\"limit\": 0}"), 400, "CBC.0100");
    }

    @Test
    void autoRenewalIsSwitchedOnAndOffForAPaidSubscriptionOfTheAccountOnly() throws Exception {
        String monthly = "2a2b3c4d-0000-4000-8000-000000000003";
        String path = "/v2/orders/subscriptions/resources/autorenew/" + monthly;
        assertEquals(204, send(demo(), "POST", path, null).statusCode());
        assertTrue(autoRenews(monthly), "on");
        assertEquals(204, send(demo(), "POST", path, "{\"auto_renew_times\": 0}").statusCode(), "again: no change");
        assertRefused(send(demo(), "POST", path, "{\"auto_renew_times\": 3}"), 400, "CBC.0100");
        assertRefused(send(other(), "POST", path, null), 400, "CBC.99003012");
        assertRefused(send(other(), "DELETE", path, null), 400, "CBC.99003012");
        assertEquals(204, send(demo(), "DELETE", path, null).statusCode());
        assertFalse(autoRenews(monthly), "off");
        assertRefused(send(demo(), "POST", "/v2/orders/subscriptions/resources/autorenew/"
                + "2a2b3c4d-0000-4000-8000-000000000001", null), 400, "CBC.0101");
    }
}
