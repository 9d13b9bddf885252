package cloud.iotda.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.ErrorCode;
import cloud.iotda.api.Json;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.instance.Flavor;
import cloud.iotda.instance.PeriodType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The input rules of both operations, with their boundary values; every failure is 400 IOTDA.000006. */
class RequestValidationTest {
    private static final FlavorCatalogue CATALOGUE = FlavorCatalogue.published();

    private static ResizeRequest resize(String json) {
        return ResizeRequest.parse(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)), CATALOGUE);
    }

    private static ChangeChargeModeRequest chargeMode(String json) {
        return ChangeChargeModeRequest.parse(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertInvalid(String message, Runnable parse) {
        ApiException e = assertThrows(ApiException.class, parse::run);
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("Invalid input data: " + message + ".", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "199", "200"})
    void acceptsStandardSizesWithinOneTo200(int size) {
        ResizeRequest request = resize("{\"flavor\":{\"type\":\"iotda.standard.s3\",\"size\":" + size + "}}");
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
        assertInvalid("flavor.size must be absent for enterprise edition flavor iotda.enterprise.1000tps.10wonlinedevice",
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
        ResizeRequest request = resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2,\"x\":1},"
                + "\"delay\":true,\"is_auto_pay\":true,\"comment\":\"hi\"}");
        assertEquals(true, request.delay());
        assertEquals(true, request.autoPay());
    }

    @Test
    void rejectsDuplicateKeys() {
        assertInvalid("request body has a duplicate field 'flavor'",
                () -> resize("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"flavor\":{\"type\":\"iotda.standard.s2\",\"size\":2}}"));
    }

    @Test
    void rejectsDuplicateKeysInsideFlavor() {
        assertInvalid("request body has a duplicate field 'size'",
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
        assertInvalid("request body is not valid JSON", () -> resize(body));
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
        assertInvalid("request body exceeds 65536 bytes", () -> resize(over));
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertInvalid("request body is nested too deeply", () -> resize(deep));
    }

    @ParameterizedTest
    @CsvSource({"month,1", "month,9", "year,1", "year,3"})
    void acceptsPeriodNumAtTheBoundaries(String type, int num) {
        ChangeChargeModeRequest request = chargeMode("{\"period_type\":\"" + type + "\",\"period_num\":" + num + "}");
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
        assertEquals(false, chargeMode("{\"period_type\":\"month\",\"period_num\":1,\"is_auto_renew\":null}").autoRenew());
    }

    @Test
    void rejectsAutoRenewThatIsNotABoolean() {
        assertInvalid("is_auto_renew must be a boolean",
                () -> chargeMode("{\"period_type\":\"year\",\"period_num\":1,\"is_auto_renew\":\"true\"}"));
    }

    @Test
    void normalizedFormFillsDefaultsInAFixedOrder() {
        assertEquals("{\"period_type\":\"year\",\"period_num\":2,\"is_auto_renew\":false,\"is_auto_pay\":false}",
                Json.write(chargeMode("{\"period_num\":2,\"period_type\":\"year\"}").normalized()));
        assertEquals("{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":2},\"delay\":false,\"is_auto_pay\":false}",
                Json.write(resize("{\"is_auto_pay\":false,\"flavor\":{\"size\":2,\"type\":\"iotda.standard.s1\"}}").normalized()));
    }
}
