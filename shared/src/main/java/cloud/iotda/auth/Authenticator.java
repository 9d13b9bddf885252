package cloud.iotda.auth;

import cloud.iotda.api.ApiRequest;
import cloud.iotda.api.ErrorCode;
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
                .orElseThrow(() -> ErrorCode.UNAUTHORIZED.exception("no credentials were sent"));
        Principal principal = scheme.authenticate(request);
        if (!principal.projectId().equals(projectId)) {
            throw ErrorCode.FORBIDDEN.exception("the credentials do not grant access to project " + projectId);
        }
        return principal;
    }
}
