package cloud.iotda.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.order.Change;
import cloud.iotda.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The input rules of every body, with their boundary values; every refusal is INVALID_INPUT naming the field. */
class RequestBodiesTest {
    private static final FlavorCatalogue CATALOGUE = CatalogueFile.published();

    private static Change.Resize resize(String json) {
        return RequestBodies.resize(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)), CATALOGUE);
    }

    private static Change.ChargeModeChange chargeMode(String json) {
        return RequestBodies.chargeMode(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProfileChange profile(String json) {
        return RequestBodies.profileChange(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertInvalid(String message, Runnable parse) {
        Rejected e = assertThrows(Rejected.class, parse::run);
        assertEquals(Reason.INVALID_INPUT, e.reason());
        assertEquals(message, e.detail());
    }

    /** A body that cannot be read as JSON at all: IOTDA.000008, not 000006. */
    private static void assertMalformed(String message, Runnable parse) {
        Rejected e = assertThrows(Rejected.class, parse::run);
        assertEquals(Reason.MALFORMED_REQUEST, e.reason());
        assertEquals(message, e.detail());
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "199", "200"})
    void acceptsStandardSizesWithinOneTo200(int size) {
        Change.Resize request = resize("{\"flavor\":{\"type\":\"iotda.standard.s3\",\"size\":" + size + "}}");
        assertEquals(new Flavor("iotda.standard.s3", size), request.flavor());
        assertEquals(false, request.delay());
        assertEquals(false, request.autoPay());
    }

    @ParameterizedTest
    @CsvSource({"0", "201", "-1", "2147483648", "99999999999999999999999"})
    void rejectsStandardSizesOutsideOneTo200(String size) {
        assertInvalid("flavor.size must be 1..200 for iotda.standard.s1",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + size + "}}"));
    }

    @Test
    void rejectsSizeTwoForS0() {
        assertInvalid("flavor.size must be 1..1 for iotda.standard.s0",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s0\",\"size\":2}}"));
    }

    @Test
    void acceptsSizeOneForS0() {
        assertEquals(1, resize("{\"flavor\":{\"type\":\"iotda.standard.s0\",\"size\":1}}").flavor().size());
    }

    @Test
    void requiresSizeForStandardFlavors() {
        assertInvalid("flavor.size is required for standard edition flavor iotda.standard.st",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.st\"}}"));
    }

    @Test
    void rejectsSizeForEnterpriseFlavors() {
        assertInvalid("flavor.size must be absent for enterprise edition flavor "
                        + "iotda.enterprise.1000tps.10wonlinedevice",
                () -> resize("{\"flavor\":{\"type\":\"iotda.enterprise.1000tps.10wonlinedevice\",\"size\":1}}"));
    }

    @Test
    void acceptsEnterpriseFlavorWithoutSize() {
        assertEquals(new Flavor("iotda.enterprise.2000tps.500wonlinedevice", null),
                resize("{\"flavor\":{\"type\":\"iotda.enterprise.2000tps.500wonlinedevice\"}}").flavor());
    }

    @Test
    void requiresFlavor() {
        assertInvalid("flavor is required", () -> resize("{\"delay\":false}"));
    }

    @Test
    void requiresFlavorToBeAnObject() {
        assertInvalid("flavor must be an object", () -> resize("{\"flavor\":\"iotda.standard.s1\"}"));
    }

    @Test
    void requiresFlavorType() {
        assertInvalid("flavor.type is required", () -> resize("{\"flavor\":{\"size\":2}}"));
    }

    @Test
    void rejectsFlavorTypeThatIsNotAString() {
        assertInvalid("flavor.type must be a string", () -> resize("{\"flavor\":{\"type\":7}}"));
    }

    @Test
    void rejectsUnpublishedFlavor() {
        assertInvalid("flavor.type iotda.standard.s9 is not a published flavor",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s9\",\"size\":1}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"2\"", "2.0", "1.5", "true", "[2]"})
    void rejectsSizeThatIsNotAnInteger(String size) {
        assertInvalid("flavor.size must be an integer",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":" + size + "}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"true\"", "1", "0", "\"false\""})
    void rejectsDelayThatIsNotABoolean(String delay) {
        assertInvalid("delay must be a boolean",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"delay\":" + delay + "}"));
    }

    @Test
    void rejectsAutoPayThatIsNotABoolean() {
        assertInvalid("is_auto_pay must be a boolean",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"is_auto_pay\":\"yes\"}"));
    }

    @Test
    void ignoresUnknownFieldsAndReadsBooleans() {
        Change.Resize request = resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2,\"x\":1},"
                + "\"delay\":true,\"is_auto_pay\":true,\"comment\":\"hi\"}");
        assertEquals(true, request.delay());
        assertEquals(true, request.autoPay());
    }

    @Test
    void rejectsDuplicateKeys() {
        assertMalformed("request body has a duplicate field 'flavor'",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},"
                        + "\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":2}}"));
    }

    @Test
    void rejectsDuplicateKeysInsideFlavor() {
        assertMalformed("request body has a duplicate field 'size'",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2,\"size\":3}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]", "\"text\"", "42", "null", "true"})
    void rejectsBodyThatIsNotAnObject(String body) {
        assertInvalid("request body must be a JSON object", () -> resize(body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{", "{\"flavor\":}", "not json", "{} {}", "{\"a\":1}x"})
    void rejectsBodyThatIsNotJson(String body) {
        assertMalformed("request body is not valid JSON", () -> resize(body));
    }

    @Test
    void rejectsEmptyBody() {
        assertInvalid("request body is required", () -> resize(""));
    }

    @Test
    void acceptsBodyOfExactly64KiBAndRejectsOneByteMore() {
        String prefix = "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"pad\":\"";
        String suffix = "\"}";
        String exact = prefix + "x".repeat(Json.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;
        assertEquals(Json.MAX_BODY_BYTES, exact.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(2, resize(exact).flavor().size());
        String over = prefix + "x".repeat(Json.MAX_BODY_BYTES - prefix.length() - suffix.length() + 1) + suffix;
        assertMalformed("request body exceeds 65536 bytes", () -> resize(over));
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertMalformed("request body is nested too deeply", () -> resize(deep));
    }

    @ParameterizedTest
    @CsvSource({"month,1", "month,9", "year,1", "year,3"})
    void acceptsPeriodNumAtTheBoundaries(String type, int num) {
        Change.ChargeModeChange request = chargeMode("{\"period_type\":\"" + type + "\",\"period_num\":" + num + "}");
        assertEquals(PeriodType.fromWireName(type), request.periodType());
        assertEquals(num, request.periodNum());
        assertEquals(false, request.autoRenew());
        assertEquals(false, request.autoPay());
    }

    @ParameterizedTest
    @CsvSource({"0", "10", "-1", "9223372036854775808"})
    void rejectsPeriodNumOutsideOneToNineForMonth(String num) {
        assertInvalid("period_num must be 1..9 when period_type is month",
                () -> chargeMode("{\"period_type\":\"month\",\"period_num\":" + num + "}"));
    }

    @ParameterizedTest
    @CsvSource({"0", "4", "9"})
    void rejectsPeriodNumOutsideOneToThreeForYear(int num) {
        assertInvalid("period_num must be 1..3 when period_type is year",
                () -> chargeMode("{\"period_type\":\"year\",\"period_num\":" + num + "}"));
    }

    @Test
    void rejectsPeriodNumFourForYear() {
        assertInvalid("period_num must be 1..3 when period_type is year",
                () -> chargeMode("{\"period_type\":\"year\",\"period_num\":4}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"1\"", "1.5", "1.0", "true"})
    void rejectsPeriodNumThatIsNotAnInteger(String num) {
        assertInvalid("period_num must be an integer",
                () -> chargeMode("{\"period_type\":\"month\",\"period_num\":" + num + "}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"week\"", "\"Month\"", "\"YEAR\"", "\"\""})
    void rejectsUnknownPeriodType(String type) {
        assertInvalid("period_type must be month or year",
                () -> chargeMode("{\"period_type\":" + type + ",\"period_num\":1}"));
    }

    @Test
    void requiresPeriodType() {
        assertInvalid("period_type is required", () -> chargeMode("{\"period_num\":1}"));
    }

    @Test
    void requiresPeriodNum() {
        assertInvalid("period_num is required", () -> chargeMode("{\"period_type\":\"month\"}"));
    }

    @Test
    void treatsNullAsAbsent() {
        assertInvalid("period_num is required", () -> chargeMode("{\"period_type\":\"month\",\"period_num\":null}"));
        assertEquals(false,
                chargeMode("{\"period_type\":\"month\",\"period_num\":1,\"is_auto_renew\":null}").autoRenew());
    }

    @Test
    void rejectsAutoRenewThatIsNotABoolean() {
        assertInvalid("is_auto_renew must be a boolean",
                () -> chargeMode("{\"period_type\":\"year\",\"period_num\":1,\"is_auto_renew\":\"true\"}"));
    }

    @Test
    void normalizedFormFillsDefaultsInAFixedOrder() {
        assertEquals("{\"period_type\":\"year\",\"period_num\":2,\"is_auto_renew\":false,\"is_auto_pay\":false}",
                JsonTrees.write(Views.change(chargeMode("{\"period_num\":2,\"period_type\":\"year\"}"))));
        assertEquals("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"delay\":false,\"is_auto_pay\":false}",
                JsonTrees.write(Views.change(
                        resize("{\"is_auto_pay\":false,\"flavor\":{\"size\":2,\"type\":\"iotda.standard.s1\"}}"))));
    }

    @Test
    void spellingsOfTheSameRequestAreTheSameChange() {
        assertEquals(resize("{\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":4}}").fingerprint(),
                resize("{\"delay\":false,\"flavor\":{\"size\":4,\"type\":\"iotda.standard.s2\"}}").fingerprint());
    }

    // --- UpdateInstance ---

    @Test
    void readsTheWindowNameAndDescription() {
        ProfileChange change = profile("{\"name\":\"plant-7_east\",\"description\":\"产线A,north&south.\","
                + "\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:30\"}}");
        assertEquals(Optional.of("plant-7_east"), change.name());
        assertEquals(Optional.of("产线A,north&south."), change.description());
        assertEquals(Optional.of(new OperateWindow(LocalTime.of(23, 30), LocalTime.of(0, 30))), change.operateWindow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|at least one of name, description, operate_window, access_info and forwarding_info is required",
        "{\"operate_window\":{\"start_time\":\"25:00\",\"end_time\":\"02:00\"}}|"
                + "operate_window.start_time must be HH:mm (UTC)",
        "{\"operate_window\":{\"start_time\":\"02:00\"}}|operate_window.end_time is required",
        "{\"operate_window\":{\"start_time\":\"02:00\",\"end_time\":\"02:59\"}}|"
                + "operate_window must be at least 1 hour long (end_time is 59 minutes after start_time)",
        "{\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:15\"}}|"
                + "operate_window must be at least 1 hour long (end_time is 45 minutes after start_time)",
        "{\"operate_window\":\"02:00-04:00\"}|operate_window must be an object",
        "{\"name\":\"\"}|name must be 1..64 characters of Chinese characters, letters, digits, _ and -",
        "{\"name\":\"has space\"}|name must be 1..64 characters of Chinese characters, letters, digits, _ and -",
        "{\"name\":7}|name must be a string",
    })
    void rejectsBadUpdatesNamingTheField(String body, String message) {
        assertInvalid(message, () -> profile(body));
    }

    @Test
    void acceptsNameAndDescriptionUpToTheirLimitsAndNotBeyond() {
        assertEquals(64, profile("{\"name\":\"" + "n".repeat(64) + "\"}").name().orElseThrow().length());
        assertThrows(Rejected.class, () -> profile("{\"name\":\"" + "n".repeat(65) + "\"}"));
        assertEquals(256,
                profile("{\"description\":\"" + "d".repeat(256) + "\"}").description().orElseThrow().length());
        assertThrows(Rejected.class, () -> profile("{\"description\":\"" + "d".repeat(257) + "\"}"));
    }

    @Test
    void exactlyOneHourIsEnough() {
        assertEquals(Optional.of(new OperateWindow(LocalTime.of(23, 30), LocalTime.of(0, 30))),
                profile("{\"operate_window\":{\"start_time\":\"23:30\",\"end_time\":\"00:30\"}}").operateWindow());
    }
}
