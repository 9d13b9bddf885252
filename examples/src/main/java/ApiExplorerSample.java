import com.huaweicloud.sdk.core.ClientBuilder;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.ChangeInstanceChargeMode;
import com.huaweicloud.sdk.iotdm.v5.model.ChangeInstanceChargeModeRequest;
import com.huaweicloud.sdk.iotdm.v5.model.Flavor;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstance;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.region.IoTDMRegion;

/**
 * A client as Huawei's API Explorer generates one: the access key from CLOUD_SDK_AK and CLOUD_SDK_SK, no project
 * id (the SDK asks IAM for the project of the region) and the region by name ({@code --derived}: signed with the
 * SDK's derived scheme). Where it connects is the SDK's own
 * business: HUAWEICLOUD_SDK_IAM_ENDPOINT and HUAWEICLOUD_SDK_REGION_IOTDM_CN_NORTH_4.
 */
public class ApiExplorerSample {
    public static void main(String[] args) {
        BasicCredentials auth = new BasicCredentials()
                .withAk(System.getenv("CLOUD_SDK_AK"))
                .withSk(System.getenv("CLOUD_SDK_SK"));
        ClientBuilder<IoTDMClient> builder = IoTDMClient.newBuilder();
        if (args.length > 0 && args[0].equals("--derived")) {
            // The SDK's other signing scheme: a key derived for the region and the service.
            auth.withDerivedPredicate(BasicCredentials.DEFAULT_DERIVED_PREDICATE);
            builder.withDerivedAuthServiceName("iotdm");
        }
        IoTDMClient client = builder
                .withCredential(auth)
                .withRegion(IoTDMRegion.valueOf("cn-north-4"))
                .build();
        String standard = "2a2b3c4d-0000-4000-8000-000000000001";
        String resized = "2a2b3c4d-0000-4000-8000-000000000007";
        String payPerUse = "2a2b3c4d-0000-4000-8000-000000000009";
        try {
            System.out.println("show: " + client.showInstance(new ShowInstanceRequest().withInstanceId(standard))
                    .getName());
            System.out.println("list: " + client.listInstances(new ListInstancesRequest().withLimit(1)).getInstances()
                    .size());
            System.out.println("resize: " + client.resizeInstance(new ResizeInstanceRequest()
                    .withInstanceId(resized).withBody(new ResizeInstance()
                            .withFlavor(new Flavor().withType("iotda.standard.s1").withSize(4)))).getOrderId());
            System.out.println("change-charge-mode: " + client.changeInstanceChargeMode(
                    new ChangeInstanceChargeModeRequest().withInstanceId(payPerUse).withBody(
                            new ChangeInstanceChargeMode().withPeriodType("month").withPeriodNum(1)
                                    .withIsAutoRenew(false).withIsAutoPay(true))).getOrderId());
        } catch (ServiceResponseException e) {
            System.out.println(e.getHttpStatusCode() + " " + e.getErrorCode() + " " + e.getErrorMsg());
            System.exit(1);
        }
    }
}
