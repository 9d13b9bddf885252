package cloud.iotda.domain.credential;

import java.time.Instant;

/**
 * An access key pair. The secret has to be kept as it is, since the server recomputes the client's HMAC with it;
 * it never appears in {@link #toString()}.
 */
public record AccessKey(String accessKeyId, String secretKey, String projectId, Instant createTime) {
    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + ", project " + projectId + "]";
    }
}
