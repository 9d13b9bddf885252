package cloud.iotda.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where credentials live. Tokens are kept only as their SHA-256. A secret key has to be kept as it is, since the
 * server recomputes the client's HMAC with it; it is never logged or returned.
 */
public interface CredentialStore {

    Optional<StoredToken> findToken(byte[] tokenSha256);

    void saveToken(StoredToken token);

    /** @return whether a token with that hash existed */
    boolean deleteToken(byte[] tokenSha256);

    Optional<AccessKey> findAccessKey(String accessKeyId);

    void saveAccessKey(AccessKey key);

    /** @return whether the key existed */
    boolean deleteAccessKey(String accessKeyId);

    record StoredToken(byte[] tokenSha256, String projectId, Instant expiresAt) {
    }

    record AccessKey(String accessKeyId, String secretKey, String projectId, Instant createTime) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + ", project " + projectId + "]";
        }
    }
}
