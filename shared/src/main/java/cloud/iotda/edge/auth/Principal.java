package cloud.iotda.edge.auth;

/**
 * Who is calling and what their credentials grant: one project ({@code projectId}: a project-scoped token, or a key
 * made for one project), every project of an account ({@code everyProject}: an account user's access key), or the
 * account's global services only (a token scoped to the domain). {@code domainId} is the account, if the
 * credentials belong to one.
 */
public record Principal(String projectId, String domainId, boolean everyProject) {

    /** Credentials for one project and nothing else, as before accounts. */
    public static Principal ofProject(String projectId) {
        return new Principal(projectId, null, false);
    }
}
