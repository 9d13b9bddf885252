package cloud.iotda.auth;

/** Who is calling: the project their credentials belong to, and which scheme proved it. */
public record Principal(String projectId, String scheme) {
}
