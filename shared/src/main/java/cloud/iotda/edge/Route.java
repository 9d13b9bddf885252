package cloud.iotda.edge;

/** A method and an API Gateway resource path, as written in template.yaml. */
public record Route(String method, String path) {
    public static final String INSTANCES = "/v5/iot/{project_id}/iotda-instances";
    public static final String INSTANCE = INSTANCES + "/{instance_id}";
    public static final String AUTO_RENEW = "/v2/orders/subscriptions/resources/autorenew/{resource_id}";

    @Override
    public String toString() {
        return method + " " + path;
    }
}
