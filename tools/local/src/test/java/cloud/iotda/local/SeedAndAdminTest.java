package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.json.JsonTrees;
import cloud.iotda.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed files are refused whole with the entry and field named; the operator CLI answers bad input with exit code 2. */
class SeedAndAdminTest {
    @TempDir
    Path dir;

    static LocalDynamo dynamo;

    @BeforeAll
    static void startDynamo() throws Exception {
        dynamo = LocalDynamo.start(0, null);
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) {
            root = root.getParent();
        }
        dynamo.ensureTable(Template.load(root.resolve("template.yaml")));
    }

    /** A test that moved the local world's clock leaves real time to the next. */
    @AfterEach
    void clockBackToRealTime() {
        new LocalClock(dynamo.client(), LocalDynamo.TABLE, Clock.systemUTC()).reset();
    }

    @AfterAll
    static void stopDynamo() throws Exception {
        dynamo.close();
    }

    private String seedError(String json) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, json);
        return assertThrows(Seed.InvalidSeed.class, () -> Seed.load(file, LocalDynamo.REGION)).getMessage();
    }

    private static final String GOOD_INSTANCE =
            "{\"project_id\":\"p\",\"instance_id\":\"ab\",\"instance_type\":\"standard\","
                    + "\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2}}";

    @Test
    void seedWithABadSizeNamesTheEntryAndField() throws Exception {
        String message = seedError("{\"instances\":[" + GOOD_INSTANCE + ",{\"project_id\":\"p\",\"instance_id\":\"cd\","
                + "\"instance_type\":\"standard\",\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":0}}]}");
        assertTrue(message.endsWith("instances[1].flavor.size must be 1..200 for iotda.standard.s1"), message);
    }

    @Test
    void seedWithABadWindowOrKeyPairIsRefused() throws Exception {
        assertTrue(seedError("{\"instances\":[{\"project_id\":\"p\",\"instance_id\":\"ab\","
                + "\"instance_type\":\"standard\",\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},"
                + "\"operate_window\":{\"start_time\":\"25:00\",\"end_time\":\"04:00\"}}]}")
                .endsWith("instances[0].operate_window.start_time must be HH:mm (UTC)"));
        assertTrue(seedError("{\"credentials\":[{\"project_id\":\"p\",\"access_key\":\"AK\"}]}")
                .endsWith("credentials[0].secret_key is required when access_key is given"));
        assertTrue(seedError("{\"instances\":[" + GOOD_INSTANCE + "," + GOOD_INSTANCE + "]}")
                .endsWith("instances[1].instance_id ab is listed twice"));
        assertTrue(seedError("not json").contains("cannot be read as JSON"));
    }

    @Test
    void seedAccountsAreCheckedWholeWithTheirPlaceNamed() throws Exception {
        String account = "{\"name\":\"demo\",\"domain_id\":\"" + "a".repeat(32) + "\"";
        assertTrue(seedError("{\"accounts\":[{\"name\":\"demo\",\"domain_id\":\"xyz\"}]}")
                .endsWith("accounts[0].domain_id must be 32 lowercase hex digits"));
        assertTrue(seedError("{\"accounts\":[" + account + ",\"projects\":[{\"project_id\":\"" + "b".repeat(32)
                + "\",\"name\":\"North 4\"}]}]}").endsWith("accounts[0].projects[0].name must be a region id such as "
                + "cn-north-4"));
        assertTrue(seedError("{\"accounts\":[" + account + ",\"users\":[{\"name\":\"u\",\"password\":\"\"}]}]}")
                .endsWith("accounts[0].users[0].password must be 1..128 characters"));
        assertTrue(seedError("{\"accounts\":[" + account + ",\"users\":[{\"name\":\"u\",\"password\":\"p\","
                + "\"token\":\"t\"}]}]}").endsWith("accounts[0].projects must hold the project a user's token is for"));
    }

    @Test
    void demoSeedIsValid() {
        Seed demo = Seed.load(null, LocalDynamo.REGION);
        assertEquals(18, demo.instances().size());
        assertEquals(List.of("CS2601150900HIST1", "CS2601150900FAIL1", "CS2601150900UNPD1", "CS2601150900UNPD2",
                "CS2601150900UNPD3"),
                demo.orders().stream().map(o -> o.orderId().value()).toList());
    }

    private static String orderEntry(String instanceId, String orderId, String body) {
        return "{\"instances\":[" + GOOD_INSTANCE + "],\"orders\":[{\"project_id\":\"p\",\"instance_id\":\""
                + instanceId + "\",\"order_id\":\"" + orderId + "\",\"operation\":\"resize\",\"body\":" + body
                + "}]}";
    }

    @Test
    void seedOrdersAreDecidedByTheApisRulesBeforeAnythingIsWritten() throws Exception {
        String resize = "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}";
        assertTrue(seedError(orderEntry("zz", "CS2601150900HIST1", resize))
                .endsWith("orders[0].instance_id zz is not an instance of this seed's project p"));
        assertTrue(seedError(orderEntry("ab", "CS123", resize))
                .endsWith("orders[0].order_id CS123 must be " + cloud.iotda.domain.OrderId.DESCRIPTION));
        String unchanged = seedError(orderEntry("ab", "CS2601150900HIST1",
                "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2}}"));
        assertTrue(unchanged.contains("orders[0].body is refused for ab: "), unchanged);
        String badSize = seedError(orderEntry("ab", "CS2601150900HIST1",
                "{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":0}}"));
        assertTrue(badSize.endsWith("orders[0].body: flavor.size must be 1..200 for iotda.standard.s2"), badSize);
    }

    private AdminRun admin(String... args) {
        return AdminRun.of(dynamo.endpoint(), args);
    }

    @Test
    void adminCreatesAndListsInstancesAndRefusesBadInputWithExitCode2() {
        AdminRun created = admin("instances", "create", "--project", "p1", "--instance", "abc1", "--type", "standard",
                "--flavor", "iotda.standard.s2", "--size", "3", "--window", "22:00-01:00");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().contains("\"operate_window\":{\"start_time\":\"22:00\",\"end_time\":\"01:00\"}"),
                created.out());

        AdminRun badSize = admin("instances", "create", "--project", "p1", "--instance", "abc2", "--type", "standard",
                "--flavor", "iotda.standard.s2", "--size", "201");
        assertEquals(2, badSize.code());
        assertEquals("iotda-admin: flavor.size must be 1..200 for iotda.standard.s2", badSize.err().strip());
        AdminRun duplicate = admin("instances", "create", "--project", "p1", "--instance", "abc1", "--type", "standard",
                "--flavor", "iotda.standard.s1", "--size", "1");
        assertEquals(2, duplicate.code());

        AdminRun listed = admin("instances", "list", "--project", "p1");
        assertEquals(1, listed.out().lines().count(), "the refused instances were not written: " + listed.out());
        assertTrue(listed.out().contains("\"size\":3"));
        assertEquals(2, admin("instances", "create", "--project", "p1").code());
        assertEquals(2, admin("nonsense", "command").code());
        assertEquals(2, admin("instances", "list", "--bogus", "x").code());
    }

    /** The one subscription line {@code subscriptions list --project P} prints for a project with one instance. */
    private JsonNode subscriptionOf(String project) throws Exception {
        AdminRun listed = admin("subscriptions", "list", "--project", project);
        assertEquals(0, listed.code(), listed.err());
        assertEquals(1, listed.out().lines().count(), listed.out());
        return JsonTrees.read(listed.out().strip());
    }

    @Test
    void adminRenewsAndSwitchesAutoRenewalRefusingBadPeriodsWithoutWriting() throws Exception {
        assertEquals(0, admin("instances", "create", "--project", "ps", "--instance", "5b01", "--type", "standard",
                "--flavor", "iotda.standard.s1", "--size", "2", "--charge-mode", "prePaid").code());
        JsonNode before = subscriptionOf("ps");
        assertEquals("active", before.get("phase").asText());
        assertFalse(before.get("is_auto_renew").asBoolean());

        AdminRun tooLong = admin("subscriptions", "renew", "5b01", "--period", "month:12");
        assertEquals(2, tooLong.code());
        assertEquals("iotda-admin: period_num must be 1..11 when period_type is month", tooLong.err().strip());
        assertEquals(2, admin("subscriptions", "renew", "5b01", "--period", "year:4").code());
        assertEquals(2, admin("subscriptions", "renew", "5b01", "--period", "week:1").code());
        assertEquals(2, admin("subscriptions", "renew", "5b01").code());
        assertEquals(2, admin("subscriptions", "renew", "ffff", "--period", "month:1").code());
        assertEquals(before, subscriptionOf("ps"), "refused renewals wrote nothing");

        AdminRun renewed = admin("subscriptions", "renew", "5b01", "--period", "year:1");
        assertEquals(0, renewed.code(), renewed.err());
        JsonNode order = JsonTrees.read(renewed.out().lines().findFirst().orElseThrow());
        assertEquals("RENEW", order.get("type").asText());
        assertEquals("COMPLETED", order.get("status").asText());
        Instant expired = Instant.parse(before.get("expire_time").asText());
        assertEquals(expired.atZone(ZoneOffset.UTC).plusYears(1).toInstant(),
                Instant.parse(subscriptionOf("ps").get("expire_time").asText()));

        AdminRun on = admin("subscriptions", "auto-renew", "5b01", "on");
        assertEquals(0, on.code(), on.err());
        assertTrue(subscriptionOf("ps").get("is_auto_renew").asBoolean());
        assertEquals(2, admin("subscriptions", "auto-renew", "5b01", "maybe").code());
        assertEquals(0, admin("subscriptions", "list", "--project", "ps", "--expiring-within", "7d").out()
                .lines().count(), "it expires in more than a year");
        assertEquals(2, admin("subscriptions", "list", "--expiring-within", "a week").code());
        AdminRun payPerUse = admin("subscriptions", "renew", "abc1", "--project", "p1", "--period", "month:1");
        assertEquals(2, payPerUse.code());
    }

    @Test
    void processNowAtAnInstantWalksASubscriptionThroughGraceRetentionAndDeletion() throws Exception {
        assertEquals(0, admin("instances", "create", "--project", "pt", "--instance", "5b02", "--type", "standard",
                "--flavor", "iotda.standard.s1", "--size", "2", "--charge-mode", "prePaid").code());
        Instant expiry = Instant.parse(subscriptionOf("pt").get("expire_time").asText());

        AdminRun grace = admin("orders", "process-now", "--at", expiry.toString());
        assertEquals(0, grace.code(), grace.err());
        assertEquals("ACTIVE", subscriptionOf("pt").get("status").asText());
        AdminRun frozen = admin("orders", "process-now", "--at", expiry.plus(Duration.ofDays(15)).toString());
        assertTrue(JsonTrees.read(frozen.out()).get("frozen").asInt() >= 1, frozen.out());
        assertEquals("FROZEN", subscriptionOf("pt").get("status").asText());
        AdminRun deleted = admin("orders", "process-now", "--at", expiry.plus(Duration.ofDays(30)).toString());
        assertTrue(JsonTrees.read(deleted.out()).get("deleted").asInt() >= 1, deleted.out());
        assertEquals("", admin("subscriptions", "list", "--project", "pt").out());

        // The local world's clock went there with the processor, and goes back only by a reset.
        AdminRun back = admin("orders", "process-now", "--at", expiry.toString());
        assertEquals(2, back.code());
        assertTrue(back.err().contains("it does not go back to " + expiry), back.err());
        assertEquals(2, admin("orders", "process-now", "--at", "tomorrow").code());
    }

    @Test
    void adminRefusesAsTheApiWouldWithItsMessageAndCode() {
        AdminRun unknown = admin("orders", "pay", "CS2601150900ZZZZZ");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("iotda-admin: The order CS2601150900ZZZZZ ")
                && unknown.err().strip().endsWith("(IOTDA.060009)"), unknown.err());
    }

    @Test
    void theLoserOfAPayAndACancelGetsTheOrdersRefusalAndExitCode2() throws Exception {
        AdminRun created = admin("instances", "create", "--project", "pr", "--instance", "5b03", "--type", "standard",
                "--flavor", "iotda.standard.s1", "--size", "2", "--charge-mode", "prePaid");
        assertEquals(0, created.code(), created.err());
        // Bought and paid at once, as the winner of a race would leave it: the loser's step finds it finished.
        String orderId = JsonTrees.read(admin("orders", "list", "--project", "pr", "--instance", "5b03").out())
                .get("order_id").asText();
        AdminRun pay = admin("orders", "pay", orderId);
        assertEquals(2, pay.code());
        assertTrue(pay.err().strip().endsWith("(IOTDA.060010)"), pay.err());
        AdminRun cancel = admin("orders", "cancel", orderId);
        assertEquals(2, cancel.code());
        assertTrue(cancel.err().strip().endsWith("(IOTDA.060011)"), cancel.err());
    }

    @Test
    void adminListsFlavorsAndSetsTheirSaleStatusRefusingWhatIsNotInTheCatalogue() {
        AdminRun set = admin("flavors", "set-status", "iotda.standard.s4", "sellout");
        assertEquals(0, set.code(), set.err());
        assertEquals("iotda.standard.s4 sellout", set.out().strip());
        AdminRun listed = admin("flavors", "list");
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("{\"instance_type\":\"standard\",\"type\":\"iotda.standard.s4\","
                + "\"status\":\"sellout\",\"charge_modes\":[\"postPaid\",\"prePaid\"]}"), listed.out());
        assertEquals(0, admin("flavors", "set-status", "iotda.standard.s4", "normal").code());
        assertEquals(2, admin("flavors", "set-status", "iotda.standard.s99", "sellout").code());
        assertEquals(2, admin("flavors", "set-status", "iotda.standard.s4", "gone").code());
        assertEquals(2, admin("flavors", "set-status", "iotda.standard.s4").code());
        assertTrue(admin("flavors", "list").out().lines().noneMatch(line -> line.contains("sellout")),
                "refused settings wrote nothing");
    }

    @Test
    void adminIssuesAndRevokesTokensAndKeys() {
        AdminRun issued = admin("tokens", "issue", "--project", "p2");
        assertEquals(0, issued.code(), issued.err());
        String token = issued.out().strip();
        assertTrue(token.length() >= 40, token);
        assertEquals(0, admin("tokens", "revoke", token).code());
        assertEquals(2, admin("tokens", "revoke", token).code(), "already revoked");
        assertEquals(2, admin("tokens", "issue", "--project", "p2", "--expires", "2020-01-01T00:00:00Z").code());

        AdminRun key = admin("keys", "create", "--project", "p2");
        assertEquals(0, key.code(), key.err());
        String accessKey = key.out().lines().findFirst().orElseThrow().substring("access_key ".length());
        assertEquals(0, admin("keys", "revoke", accessKey).code());
        assertEquals(2, admin("keys", "revoke", accessKey).code());
    }
}
