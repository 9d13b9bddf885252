package cloud.iotda.domain.credential;

import java.time.Instant;

/**
 * A token as kept: only its SHA-256, what it grants and when it stops granting it. A token IAM issues names its
 * account and user, and is scoped to one project or to the account (domain) for global services; a token the
 * operator issued (before accounts) names its project only.
 */
public record StoredToken(byte[] tokenSha256, String projectId, String domainId, String userName, Instant expiresAt) {

    public StoredToken {
        if (projectId == null && domainId == null) {
            throw new IllegalArgumentException("a token is scoped to a project or an account");
        }
    }

    /** A token for one project, as the operator issues it. */
    public StoredToken(byte[] tokenSha256, String projectId, Instant expiresAt) {
        this(tokenSha256, projectId, null, null, expiresAt);
    }
}
