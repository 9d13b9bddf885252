package cloud.iotda.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Service;
import cloud.iotda.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.AdditionalParams;
import com.huaweicloud.sdk.iotdm.v5.model.BindInstanceTags;
import com.huaweicloud.sdk.iotdm.v5.model.BindInstanceTagsRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ChangeInstanceChargeMode;
import com.huaweicloud.sdk.iotdm.v5.model.ChangeInstanceChargeModeRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ChargeInfo;
import com.huaweicloud.sdk.iotdm.v5.model.CreateInstance;
import com.huaweicloud.sdk.iotdm.v5.model.CreateInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.CreateInstanceResponse;
import com.huaweicloud.sdk.iotdm.v5.model.DeleteInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.Flavor;
import com.huaweicloud.sdk.iotdm.v5.model.IPWhiteList;
import com.huaweicloud.sdk.iotdm.v5.model.IpAllowList;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesResponse;
import com.huaweicloud.sdk.iotdm.v5.model.OperateWindow;
import com.huaweicloud.sdk.iotdm.v5.model.QueryInstanceSimplify;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstance;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceResponse;
import com.huaweicloud.sdk.iotdm.v5.model.Tag;
import com.huaweicloud.sdk.iotdm.v5.model.UnbindInstanceTags;
import com.huaweicloud.sdk.iotdm.v5.model.UnbindInstanceTagsRequest;
import com.huaweicloud.sdk.iotdm.v5.model.UpdateAccessInfo;
import com.huaweicloud.sdk.iotdm.v5.model.UpdateForwardingInfo;
import com.huaweicloud.sdk.iotdm.v5.model.UpdateInstance;
import com.huaweicloud.sdk.iotdm.v5.model.UpdateInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.UpdateInstanceResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official SDK's instance client (huaweicloud-sdk-iotdm 3.1.143, IoTDMClient), unchanged, against the local API:
 * each of its nine operations, signed with the default scheme and with the derived one the real endpoints
 * require, on success and on each documented error; every answer is parsed into the SDK's own model classes, and
 * compared field by field with the raw JSON of the same answer, so that no field is lost or misnamed.
 */
class IoTDMClientTest {
    static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    private static final String TOKEN = "e2e-token-a";
    private static final String MISSING = "0000000a-0000-4000-8000-0000000000ff";
    /** Documented in the API reference (ShowInstance), not yet in SDK 3.1.143's model. */
    private static final Set<String> FIELDS_NEWER_THAN_THE_SDK = Set.of("region_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalApi api;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    /** How the client signs: the SDK's default, or the derived scheme the real IoTDA endpoints require. */
    enum Signing {
        SDK_HMAC_SHA256, V11_HMAC_SHA256
    }

    @BeforeAll
    static void start() throws Exception {
        api = LocalApiEndToEndTest.startOnE2eSeed();
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static IoTDMClient client(Signing signing, String ak, String sk, String regionId) {
        BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(PROJECT);
        var builder = IoTDMClient.newBuilder().withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10));
        if (signing == Signing.V11_HMAC_SHA256) {
            // As the IoTDA documentation sets a client up for its instance endpoints.
            credentials.withDerivedPredicate(BasicCredentials.DEFAULT_DERIVED_PREDICATE);
            builder.withRegion(new Region(regionId, base)).withDerivedAuthServiceName("iotdm");
        } else {
            builder.withEndpoints(List.of(base));
        }
        return builder.withCredential(credentials).build();
    }

    private static IoTDMClient client(Signing signing) {
        return client(signing, "E2EACCESSKEYA", "e2e-secret-key-a", Service.DEFAULT_REGION_ID);
    }

    private static ServiceResponseException refused(int status, String code, Executable call) {
        ServiceResponseException e = assertThrows(ServiceResponseException.class, call::run);
        assertEquals(status, e.getHttpStatusCode(), e.getErrorMsg());
        assertEquals(code, e.getErrorCode(), e.getErrorMsg());
        assertNotNull(e.getRequestId());
        return e;
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }

    /** The answer of a GET as raw JSON, with a token (no SDK in between). */
    private static JsonNode raw(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Auth-Token", TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Every field of the raw answer is in the SDK's parsed model with the same value (but the documented extras). */
    private static void assertNoFieldLost(JsonNode raw, Object sdkModel) {
        JsonNode parsed = JSON.valueToTree(sdkModel);
        Iterator<String> names = raw.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (FIELDS_NEWER_THAN_THE_SDK.contains(name)) {
                continue;
            }
            JsonNode value = raw.get(name);
            if (value.isNull()) {
                assertTrue(parsed.path(name).isMissingNode() || parsed.path(name).isNull(), name);
            } else {
                assertEquals(value, parsed.get(name), "field " + name + " of " + raw);
            }
        }
    }

    private static String path(String instanceId) {
        return "/v5/iot/" + PROJECT + "/iotda-instances" + (instanceId == null ? "" : "/" + instanceId);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CreateInstanceResponse createStandard(IoTDMClient client, String name) {
        return client.createInstance(new CreateInstanceRequest().withBody(new CreateInstance()
                .withInstanceType("standard")
                .withFlavor(new Flavor().withType("iotda.standard.s1").withSize(2))
                .withName(name)
                .withDescription("line-7")
                .withEnterpriseProjectId("0")
                .withTags(List.of(new Tag().withKey("team").withValue("plant")))
                .withChargeInfo(new ChargeInfo().withChargeMode("postPaid"))));
    }

    private static CreateInstanceResponse createEnterprise(IoTDMClient client, String name) {
        return client.createInstance(new CreateInstanceRequest().withBody(new CreateInstance()
                .withInstanceType("enterprise")
                .withFlavor(new Flavor().withType("iotda.enterprise.1000tps.10wonlinedevice"))
                .withName(name)
                .withChargeInfo(new ChargeInfo().withChargeMode("prePaid").withPeriodType("month").withPeriodNum(1))
                .withAdditionalParams(new AdditionalParams().withVpcId("vpc-1").withSubnetId("subnet-1")
                        .withSecurityGroupId("sg-1"))));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void createInstanceAnswersTheSdksFieldsForBothBillingModes(Signing signing) throws Exception {
        IoTDMClient client = client(signing);
        String name = unique("sdk-std");
        CreateInstanceResponse standard = createStandard(client, name);
        assertEquals(200, standard.getHttpStatusCode());
        assertTrue(standard.getInstanceId().matches("[a-f0-9-]{36}"), standard.getInstanceId());
        assertEquals("ACTIVE", standard.getStatus());
        assertEquals(name, standard.getName());
        assertEquals("postPaid", standard.getChargeInfo().getChargeMode());
        assertEquals("0", standard.getEnterpriseProjectId());
        assertEquals("plant", standard.getTags().get(0).getValue());
        assertNull(standard.getOrderId(), "pay-per-use: no order");

        CreateInstanceResponse enterprise = createEnterprise(client, unique("sdk-ent"));
        assertEquals("CREATING", enterprise.getStatus(), "yearly/monthly without auto-pay awaits payment");
        assertTrue(enterprise.getOrderId().matches("CS\\d{10}[A-Z0-9]{5}"), enterprise.getOrderId());
        assertEquals("vpc-1", enterprise.getAdditionalParams().getVpcId());
        assertEquals(1, enterprise.getChargeInfo().getPeriodNum());
        ShowInstanceResponse shown = client.showInstance(new ShowInstanceRequest()
                .withInstanceId(enterprise.getInstanceId()));
        assertEquals(enterprise.getOrderId(), shown.getOrderId());
        assertNoFieldLost(raw(path(enterprise.getInstanceId())), shown);
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void createInstanceRefusesWhatTheDocumentationForbids(Signing signing) {
        IoTDMClient client = client(signing);
        refused(400, "IOTDA.060007", () -> client.createInstance(new CreateInstanceRequest().withBody(
                new CreateInstance().withInstanceType("enterprise").withName(unique("x"))
                        .withFlavor(new Flavor().withType("iotda.enterprise.1000tps.10wonlinedevice"))
                        .withChargeInfo(new ChargeInfo().withChargeMode("postPaid")))));
        refused(400, "IOTDA.000006", () -> client.createInstance(new CreateInstanceRequest().withBody(
                new CreateInstance().withInstanceType("standard").withName("has space")
                        .withFlavor(new Flavor().withType("iotda.standard.s1").withSize(2))
                        .withChargeInfo(new ChargeInfo().withChargeMode("postPaid")))));
        refused(403, "IOTDA.000004", () -> createStandard(client(signing, "E2EACCESSKEYB", "e2e-secret-key-b",
                Service.DEFAULT_REGION_ID), unique("x")));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void showInstanceParsesWithNoFieldLostAndKnowsNoOtherInstance(Signing signing) throws Exception {
        IoTDMClient client = client(signing);
        String id = createStandard(client, unique("sdk-show")).getInstanceId();
        ShowInstanceResponse shown = client.showInstance(new ShowInstanceRequest().withInstanceId(id));
        assertEquals("standard", shown.getInstanceType());
        assertTrue(shown.getCreateTime().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), shown.getCreateTime());
        assertEquals(1, shown.getTags().size());
        JsonNode raw = raw(path(id));
        assertEquals(Service.DEFAULT_REGION_ID, raw.get("region_id").asText());
        assertNoFieldLost(raw, shown);
        refused(404, "IOTDA.060000", () -> client.showInstance(new ShowInstanceRequest().withInstanceId(MISSING)));
        refused(400, "IOTDA.000006", () -> client.showInstance(new ShowInstanceRequest().withInstanceId("NOT-HEX")));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void listInstancesPagesWithMarkerAndFilters(Signing signing) throws Exception {
        IoTDMClient client = client(signing);
        String tag = unique("sdk-list").replace("-", "_");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, createStandard(client, tag + "_" + i).getInstanceId());
        }
        ListInstancesResponse first = client.listInstances(new ListInstancesRequest().withName(tag).withLimit(2)
                .withInstanceType("standard"));
        assertEquals(3, first.getCount());
        assertEquals(created.subList(0, 2), first.getInstances().stream().map(QueryInstanceSimplify::getInstanceId)
                .toList(), "newest first");
        ListInstancesResponse rest = client.listInstances(new ListInstancesRequest().withName(tag).withLimit(2)
                .withMarker(first.getMarker()));
        assertEquals(created.subList(2, 3), rest.getInstances().stream().map(QueryInstanceSimplify::getInstanceId)
                .toList());
        assertEquals(1, client.listInstances(new ListInstancesRequest().withName(tag).withOffset(2))
                .getInstances().size());
        JsonNode raw = raw(path(null) + "?name=" + tag + "&limit=2");
        assertNoFieldLost(raw.get("instances").get(0), first.getInstances().get(0));
        assertEquals(raw.get("marker").asText(), first.getMarker());
        refused(400, "IOTDA.000017", () -> client.listInstances(new ListInstancesRequest().withLimit(501)));
        refused(400, "IOTDA.000006", () -> client.listInstances(new ListInstancesRequest().withInstanceType("basic")));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void updateInstanceSetsWhatTheEditionAllows(Signing signing) throws Exception {
        IoTDMClient client = client(signing);
        String standard = createStandard(client, unique("sdk-upd")).getInstanceId();
        UpdateInstanceResponse updated = client.updateInstance(new UpdateInstanceRequest().withInstanceId(standard)
                .withBody(new UpdateInstance().withName("renamed").withOperateWindow(
                        new OperateWindow().withStartTime("22:00").withEndTime("23:30"))));
        assertEquals("renamed", updated.getName());
        assertEquals("22:00", updated.getOperateWindow().getStartTime());
        assertNoFieldLost(raw(path(standard)), updated);
        refused(400, "IOTDA.000006", () -> client.updateInstance(new UpdateInstanceRequest().withInstanceId(standard)
                .withBody(new UpdateInstance().withForwardingInfo(new UpdateForwardingInfo().withEnableSnat(true)))));

        String enterprise = createEnterprise(client, unique("sdk-upd-ent")).getInstanceId();
        UpdateInstanceResponse network = client.updateInstance(new UpdateInstanceRequest().withInstanceId(enterprise)
                .withBody(new UpdateInstance()
                        .withForwardingInfo(new UpdateForwardingInfo().withEnableSnat(true))
                        .withAccessInfo(new UpdateAccessInfo().withAccessType("APP_HTTPS")
                                .withDomainName("iot.example.com")
                                .withIpWhitelist(new IPWhiteList().withEnable(true).withAllowList(List.of(
                                        new IpAllowList().withAddress("10.0.0.0/8").withDescription("office")))))));
        assertEquals("iot.example.com", network.getAccessInfos().get(0).getDomainName());
        assertEquals("10.0.0.0/8", network.getAccessInfos().get(0).getIpWhitelist().getAllowList().get(0).getAddress());
        assertTrue(network.getAdditionalParams().getForwardingInfo().getEnableSnat());
        assertNoFieldLost(raw(path(enterprise)), network);
        refused(400, "IOTDA.000006", () -> client.updateInstance(new UpdateInstanceRequest().withInstanceId(enterprise)
                .withBody(new UpdateInstance().withForwardingInfo(new UpdateForwardingInfo().withEnableSnat(false)))));
        refused(400, "IOTDA.000006", () -> client.updateInstance(new UpdateInstanceRequest().withInstanceId(enterprise)
                .withBody(new UpdateInstance().withAccessInfo(new UpdateAccessInfo().withAccessType("APP_HTTPS")
                        .withPublicAddressesEnable(true)))));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void tagsAreBoundAndUnboundWithinTheirLimit(Signing signing) throws Exception {
        IoTDMClient client = client(signing);
        String id = createStandard(client, unique("sdk-tags")).getInstanceId();
        assertEquals(200, client.bindInstanceTags(new BindInstanceTagsRequest().withInstanceId(id).withBody(
                new BindInstanceTags().withTags(List.of(new Tag().withKey("env").withValue("prod"),
                        new Tag().withKey("team").withValue("field"))))).getHttpStatusCode());
        ShowInstanceResponse shown = client.showInstance(new ShowInstanceRequest().withInstanceId(id));
        assertEquals(List.of("team=field", "env=prod"), shown.getTags().stream()
                .map(tag -> tag.getKey() + "=" + tag.getValue()).toList());
        assertEquals(200, client.unbindInstanceTags(new UnbindInstanceTagsRequest().withInstanceId(id).withBody(
                new UnbindInstanceTags().withTags(List.of(new Tag().withKey("team"))))).getHttpStatusCode());
        assertEquals(List.of("env"), client.showInstance(new ShowInstanceRequest().withInstanceId(id)).getTags()
                .stream().map(Tag::getKey).toList());
        List<Tag> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(new Tag().withKey("k" + i).withValue("v"));
        }
        refused(400, "IOTDA.060013", () -> client.bindInstanceTags(new BindInstanceTagsRequest().withInstanceId(id)
                .withBody(new BindInstanceTags().withTags(twenty))));
        refused(400, "IOTDA.000006", () -> client.bindInstanceTags(new BindInstanceTagsRequest().withInstanceId(id)
                .withBody(new BindInstanceTags().withTags(List.of(new Tag().withKey(" leading").withValue("v"))))));
        refused(404, "IOTDA.060000", () -> client.unbindInstanceTags(new UnbindInstanceTagsRequest()
                .withInstanceId(MISSING).withBody(new UnbindInstanceTags().withTags(List.of(new Tag().withKey("k"))))));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void resizeAndChangeChargeModeAnswerOrders(Signing signing) {
        IoTDMClient client = client(signing);
        String id = createStandard(client, unique("sdk-order")).getInstanceId();
        refused(400, "IOTDA.060003", () -> client.resizeInstance(new ResizeInstanceRequest().withInstanceId(id)
                .withBody(new ResizeInstance().withFlavor(new Flavor().withType("iotda.standard.s1").withSize(2)))));
        String charged = client.changeInstanceChargeMode(new ChangeInstanceChargeModeRequest().withInstanceId(id)
                .withBody(new ChangeInstanceChargeMode().withPeriodType("year").withPeriodNum(1)))
                .getOrderId();
        assertTrue(charged.matches("CS\\d{10}[A-Z0-9]{5}"), charged);
        String retried = client.changeInstanceChargeMode(new ChangeInstanceChargeModeRequest().withInstanceId(id)
                .withBody(new ChangeInstanceChargeMode().withPeriodType("year").withPeriodNum(1)))
                .getOrderId();
        assertEquals(charged, retried, "an identical retry answers the same order");
        refused(400, "IOTDA.060002", () -> client.resizeInstance(new ResizeInstanceRequest().withInstanceId(id)
                .withBody(new ResizeInstance().withFlavor(new Flavor().withType("iotda.standard.s2").withSize(4)))));

        String other = createStandard(client, unique("sdk-order")).getInstanceId();
        String resized = client.resizeInstance(new ResizeInstanceRequest().withInstanceId(other).withBody(
                new ResizeInstance().withFlavor(new Flavor().withType("iotda.standard.s2").withSize(4))))
                .getOrderId();
        assertTrue(resized.matches("CS\\d{10}[A-Z0-9]{5}"), resized);
        assertEquals("iotda.standard.s2", client.showInstance(new ShowInstanceRequest().withInstanceId(other))
                .getFlavor().getType(), "a resize without a window applies at once");
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void deleteInstanceRemovesAPayPerUseInstanceButKeepsItsOrders(Signing signing) throws Exception {
        IoTDMClient client = client(signing);
        String id = createStandard(client, unique("sdk-del")).getInstanceId();
        client.resizeInstance(new ResizeInstanceRequest().withInstanceId(id).withBody(
                new ResizeInstance().withFlavor(new Flavor().withType("iotda.standard.s1").withSize(3))));
        assertEquals(204, client.deleteInstance(new DeleteInstanceRequest().withInstanceId(id)).getHttpStatusCode());
        refused(404, "IOTDA.060000", () -> client.showInstance(new ShowInstanceRequest().withInstanceId(id)));
        refused(404, "IOTDA.060000", () -> client.deleteInstance(new DeleteInstanceRequest().withInstanceId(id)));
        assertFalse(client.listInstances(new ListInstancesRequest()).getInstances().stream()
                .anyMatch(instance -> instance.getInstanceId().equals(id)));
        assertEquals(1, raw(path(id) + "/orders").get("orders").size(), "its orders stay queryable");

        String enterprise = createEnterprise(client, unique("sdk-del-ent")).getInstanceId();
        refused(400, "IOTDA.060002",
                () -> client.deleteInstance(new DeleteInstanceRequest().withInstanceId(enterprise)));
    }

    @ParameterizedTest
    @EnumSource(Signing.class)
    void credentialsAreCheckedAsTheRealEndpointChecksThem(Signing signing) {
        refused(401, "IOTDA.000002", () -> client(signing, "E2EACCESSKEYA", "not-the-secret", Service.DEFAULT_REGION_ID)
                .listInstances(new ListInstancesRequest()));
        refused(401, "IOTDA.000002", () -> client(signing, "NOSUCHKEY", "whatever", Service.DEFAULT_REGION_ID)
                .listInstances(new ListInstancesRequest()));
        refused(403, "IOTDA.000004", () -> client(signing, "E2EACCESSKEYB", "e2e-secret-key-b",
                Service.DEFAULT_REGION_ID).listInstances(new ListInstancesRequest()));
        if (signing == Signing.V11_HMAC_SHA256) {
            ServiceResponseException wrongRegion = refused(401, "IOTDA.000002", () -> client(signing, "E2EACCESSKEYA",
                    "e2e-secret-key-a", "cn-south-1").listInstances(new ListInstancesRequest()));
            assertTrue(wrongRegion.getErrorMsg().contains("scoped to region cn-south-1, not cn-north-4"),
                    wrongRegion.getErrorMsg());
        }
    }

    @Test
    void everyOperationOfTheSdksClientIsRoutedByTheTemplate() throws Exception {
        Template template = Template.load(LocalApiEndToEndTest.repoRoot().resolve("template.yaml"));
        Set<String> routed = new TreeSet<>();
        template.functions().values().forEach(f -> f.events().forEach(e -> routed.add(e.method() + " " + e.path())));
        String instance = "/v5/iot/{project_id}/iotda-instances/{instance_id}";
        String instances = "/v5/iot/{project_id}/iotda-instances";
        for (String route : List.of("GET " + instances, "POST " + instances,
                "GET " + instance, "PUT " + instance, "DELETE " + instance, "POST " + instance + "/bind-tags",
                "POST " + instance + "/unbind-tags", "POST " + instance + "/resize",
                "POST " + instance + "/change-charge-mode")) {
            assertTrue(routed.contains(route), route + " in " + routed);
        }
    }
}
