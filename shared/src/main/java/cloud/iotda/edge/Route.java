package cloud.iotda.edge;

/** A method and an API Gateway resource path, as written in template.yaml. */
public record Route(String method, String path) {
    public static final String INSTANCE = "/v5/iot/{project_id}/iotda-instances/{instance_id}";

    @Override
    public String toString() {
        return method + " " + path;
    }
}
