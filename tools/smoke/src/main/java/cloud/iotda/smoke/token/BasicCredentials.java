package cloud.iotda.smoke.token;

import cloud.iotda.smoke.AuthTokenCredentials;

/** A token as an {@code IoTDMClient}'s credential (named as the SDK's client builder requires, see the base). */
public final class BasicCredentials extends AuthTokenCredentials {
    public BasicCredentials(String token, String project) {
        super(token, project);
    }

    @Override
    public BasicCredentials deepClone() {
        return new BasicCredentials(token(), getProjectId());
    }
}
