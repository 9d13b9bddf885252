package cloud.iotda.edge.auth;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Project;
import cloud.iotda.edge.ApiRequest;
import cloud.iotda.usecase.port.Credentials;
import java.util.List;

/**
 * Runs the first scheme whose credentials the request carries, then checks that they grant the path's project: the
 * project itself, or a project of the caller's account in the region this deployment serves.
 */
public final class Authenticator {
    public static final String PROJECT_HEADER = "X-Project-Id";

    private final List<AuthScheme> schemes;
    private final Credentials credentials;
    private final String regionId;

    public Authenticator(List<AuthScheme> schemes, Credentials credentials, String regionId) {
        this.schemes = List.copyOf(schemes);
        this.credentials = credentials;
        this.regionId = regionId;
    }

    /** Who the request's credentials name, whatever they grant (the global services: IAM's own routes). */
    public Principal authenticate(ApiRequest request) {
        AuthScheme scheme = schemes.stream()
                .filter(candidate -> candidate.presentIn(request))
                .findFirst()
                .orElseThrow(() -> Rejected.because(Reason.UNAUTHORIZED, "no credentials were sent"));
        return scheme.authenticate(request);
    }

    public Principal authorize(ApiRequest request, String projectId) {
        Principal principal = authenticate(request);
        String claimed = request.header(PROJECT_HEADER);
        if (claimed != null && !claimed.strip().equals(projectId)) {
            throw forbidden("X-Project-Id names project " + claimed.strip() + ", the path project " + projectId);
        }
        if (principal.projectId() != null) {
            if (!principal.projectId().equals(projectId)) {
                throw forbidden("the credentials do not grant access to project " + projectId);
            }
            if (principal.domainId() == null) {
                return principal;
            }
        } else if (!principal.everyProject()) {
            throw forbidden("a token scoped to an account serves global services only; use a project-scoped token");
        }
        Project project = credentials.findProject(projectId)
                .filter(found -> found.domainId().equals(principal.domainId()))
                .orElseThrow(() -> forbidden("the credentials do not grant access to project " + projectId));
        if (!project.name().equals(regionId)) {
            // As a regional endpoint answers for another region's project: its credentials are fine, the place not.
            throw forbidden("project " + projectId + " is in region " + project.name() + "; this endpoint serves "
                    + regionId);
        }
        return principal;
    }

    private static Rejected forbidden(String detail) {
        return Rejected.because(Reason.FORBIDDEN, detail);
    }
}
