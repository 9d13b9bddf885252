import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.iotdm.v5.IoTDMClient;
import com.huaweicloud.sdk.iotdm.v5.model.Flavor;
import com.huaweicloud.sdk.iotdm.v5.model.ListInstancesRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstance;
import com.huaweicloud.sdk.iotdm.v5.model.ResizeInstanceRequest;
import com.huaweicloud.sdk.iotdm.v5.model.ShowInstanceRequest;

public class FirstCall {
    public static void main(String[] args) {
        IoTDMClient client = IoTDMClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk("DEMOACCESSKEY0E3F2C8A")
                        .withSk("demo-secret-key-do-not-use-in-production")
                        .withProjectId("0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b")
                        .withDerivedPredicate(BasicCredentials.DEFAULT_DERIVED_PREDICATE))
                .withRegion(new Region("cn-north-4", "http://127.0.0.1:3000"))
                .withDerivedAuthServiceName("iotdm")
                .build();
        String enterprise = "2a2b3c4d-0000-4000-8000-000000000002";
        System.out.println("instances: " + client.listInstances(new ListInstancesRequest().withLimit(10)).getCount());
        String orderId = client.resizeInstance(new ResizeInstanceRequest().withInstanceId(enterprise)
                .withBody(new ResizeInstance().withFlavor(
                        new Flavor().withType("iotda.enterprise.2000tps.10wonlinedevice"))))
                .getOrderId();
        System.out.println("order: " + orderId);
        System.out.println("status: " + client.showInstance(new ShowInstanceRequest().withInstanceId(enterprise))
                .getStatus());
    }
}
