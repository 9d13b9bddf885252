package cloud.iotda.edge.auth;

import cloud.iotda.edge.ApiRequest;

/**
 * One way of proving identity (a token, a signed request). The {@link Authenticator} picks the scheme a request
 * uses.
 */
public interface AuthScheme {

    /** Whether the request carries this scheme's credentials at all. */
    boolean presentIn(ApiRequest request);

    /**
     * Verifies the credentials.
     *
     * @throws cloud.iotda.domain.Rejected UNAUTHORIZED if they are malformed, unknown or expired
     */
    Principal authenticate(ApiRequest request);
}
