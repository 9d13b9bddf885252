package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rows of credentials: an access key by its id, a token by the SHA-256 of its text (the token itself is never
 * stored), which DynamoDB's time to live removes once it expired.
 */
public final class CredentialRows {
    private static final String TOKEN_PREFIX = "TOKEN#";
    private static final String ACCESS_KEY_PREFIX = "AK#";

    private CredentialRows() {
    }

    public static final RowSchema<StoredToken> TOKEN = RowSchema.of(StoredToken.class, CredentialRows::toItem,
            CredentialRows::token);
    public static final RowSchema<AccessKey> ACCESS_KEY = RowSchema.of(AccessKey.class, CredentialRows::toItem,
            CredentialRows::accessKey);

    public static Key tokenKey(byte[] tokenSha256) {
        return Keys.key(TOKEN_PREFIX + HexFormat.of().formatHex(tokenSha256), Keys.META);
    }

    public static Map<String, AttributeValue> toItem(StoredToken token) {
        return Row.of(TOKEN_PREFIX + HexFormat.of().formatHex(token.tokenSha256()), Keys.META, "TOKEN")
                .put("projectId", token.projectId())
                .put("domainId", token.domainId())
                .put("userName", token.userName())
                .put("expiresAt", token.expiresAt())
                .put("ttl", token.expiresAt().getEpochSecond()).item();
    }

    public static StoredToken token(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        return new StoredToken(HexFormat.of().parseHex(row.text(Keys.PK).substring(TOKEN_PREFIX.length())),
                row.text("projectId"), row.text("domainId"), row.text("userName"), row.instant("expiresAt"));
    }

    public static Key accessKeyKey(String accessKeyId) {
        return Keys.key(ACCESS_KEY_PREFIX + accessKeyId, Keys.META);
    }

    public static Map<String, AttributeValue> toItem(AccessKey key) {
        return Row.of(ACCESS_KEY_PREFIX + key.accessKeyId(), Keys.META, "ACCESS_KEY")
                .put("projectId", key.projectId())
                .put("domainId", key.domainId())
                .put("userName", key.userName())
                .put("secretKey", key.secretKey())
                .put("createTime", key.createTime()).item();
    }

    public static AccessKey accessKey(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        return new AccessKey(row.text(Keys.PK).substring(ACCESS_KEY_PREFIX.length()), row.text("secretKey"),
                row.text("projectId"), row.text("domainId"), row.text("userName"), row.instant("createTime"));
    }
}
