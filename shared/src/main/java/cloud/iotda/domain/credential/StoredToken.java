package cloud.iotda.domain.credential;

import java.time.Instant;

/** A token as kept: only its SHA-256, the project it grants and when it stops granting it. */
public record StoredToken(byte[] tokenSha256, String projectId, Instant expiresAt) {
}
