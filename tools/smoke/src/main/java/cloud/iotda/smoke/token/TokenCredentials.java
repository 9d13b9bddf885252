package cloud.iotda.smoke.token;

import com.huaweicloud.sdk.core.auth.ICredential;

/** A token as the credential of an IoTDA client. */
public final class TokenCredentials {
    private TokenCredentials() {
    }

    public static ICredential of(String token, String project) {
        return new BasicCredentials(token, project);
    }
}
