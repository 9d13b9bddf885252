package cloud.iotda.domain.credential;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An access key pair. The secret has to be kept as it is, since the server recomputes the client's HMAC with it;
 * it never appears in {@link #toString()}.
 */
public record AccessKey(String accessKeyId, String secretKey, String projectId, Instant createTime) {
    /**
     * What an access key id can be: letters and digits, as the cloud's (20 upper-case ones) and ours are, with room
     * to spare; well inside DynamoDB's 2,048 bytes of a partition key, so a client's id never reaches DynamoDB in a
     * form it refuses.
     */
    public static final int MAX_ID_LENGTH = 128;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1," + MAX_ID_LENGTH + "}");
    public static final String ID_RULE = "1.." + MAX_ID_LENGTH + " letters and digits";

    public AccessKey {
        if (!isValidId(accessKeyId)) {
            throw new IllegalArgumentException("an access key id is " + ID_RULE);
        }
    }

    public static boolean isValidId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + ", project " + projectId + "]";
    }
}
