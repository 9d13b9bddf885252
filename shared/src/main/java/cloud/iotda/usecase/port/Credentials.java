package cloud.iotda.usecase.port;

import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import java.util.Optional;

/** Where credentials live: tokens by their SHA-256 only, access keys by id. */
public interface Credentials {

    Optional<StoredToken> findToken(byte[] tokenSha256);

    void saveToken(StoredToken token);

    /** @return whether a token with that hash existed */
    boolean deleteToken(byte[] tokenSha256);

    Optional<AccessKey> findAccessKey(String accessKeyId);

    void saveAccessKey(AccessKey key);

    /** @return whether the key existed */
    boolean deleteAccessKey(String accessKeyId);
}
