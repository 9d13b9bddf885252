package cloud.iotda.edge.auth;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.edge.ApiRequest;
import java.util.List;

/** Runs the first scheme whose credentials the request carries, then checks that they grant the path's project. */
public final class Authenticator {
    private final List<AuthScheme> schemes;

    public Authenticator(List<AuthScheme> schemes) {
        this.schemes = List.copyOf(schemes);
    }

    public Principal authorize(ApiRequest request, String projectId) {
        AuthScheme scheme = schemes.stream()
                .filter(candidate -> candidate.presentIn(request))
                .findFirst()
                .orElseThrow(() -> Rejected.because(Reason.UNAUTHORIZED, "no credentials were sent"));
        Principal principal = scheme.authenticate(request);
        if (!principal.projectId().equals(projectId)) {
            throw Rejected.because(Reason.FORBIDDEN, "the credentials do not grant access to project " + projectId);
        }
        return principal;
    }
}
