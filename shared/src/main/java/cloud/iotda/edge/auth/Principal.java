package cloud.iotda.edge.auth;

/** Who is calling: the project their credentials belong to. */
public record Principal(String projectId) {
}
