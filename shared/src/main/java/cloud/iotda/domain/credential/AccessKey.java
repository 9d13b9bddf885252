package cloud.iotda.domain.credential;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An access key pair. The secret has to be kept as it is, since the server recomputes the client's HMAC with it;
 * it never appears in {@link #toString()}. A user's key ({@code domainId} and {@code userName} set) works in every
 * project of the user's account; a key made for one project ({@code projectId} set, before accounts) only there.
 */
public record AccessKey(String accessKeyId, String secretKey, String projectId, String domainId, String userName,
                        Instant createTime) {
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
        if ((projectId == null) == (domainId == null)) {
            throw new IllegalArgumentException("an access key is a project's or an account user's");
        }
    }

    /** A key for one project, as keys were before accounts. */
    public AccessKey(String accessKeyId, String secretKey, String projectId, Instant createTime) {
        this(accessKeyId, secretKey, projectId, null, null, createTime);
    }

    /** A key of {@code userName} in the account {@code domainId}: it works in every project of the account. */
    public static AccessKey ofUser(String accessKeyId, String secretKey, String domainId, String userName,
                                   Instant createTime) {
        return new AccessKey(accessKeyId, secretKey, null, domainId, userName, createTime);
    }

    public static boolean isValidId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + (projectId != null ? ", project " + projectId
                : ", user " + userName + " of account " + domainId) + "]";
    }
}
