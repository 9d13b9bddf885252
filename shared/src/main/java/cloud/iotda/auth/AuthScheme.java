package cloud.iotda.auth;

import cloud.iotda.api.ApiRequest;

/** One way of proving identity (a token, a signed request). The {@link Authenticator} picks the scheme a request uses. */
public interface AuthScheme {

    /** Whether the request carries this scheme's credentials at all. */
    boolean presentIn(ApiRequest request);

    /**
     * Verifies the credentials.
     *
     * @throws cloud.iotda.api.ApiException UNAUTHORIZED if they are malformed, unknown or expired
     */
    Principal authenticate(ApiRequest request);
}
