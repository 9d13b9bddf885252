package cloud.iotda.auth;

import java.time.Instant;
import java.util.Optional;

/** Where credentials live; tokens only as their SHA-256. */
public interface CredentialStore {

    Optional<StoredToken> findToken(byte[] tokenSha256);

    void saveToken(StoredToken token);

    record StoredToken(byte[] tokenSha256, String projectId, Instant expiresAt) {
    }
}
