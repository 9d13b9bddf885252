package cloud.iotda.edge.auth.internal;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key, then expand it to the length asked for. */
public final class Hkdf {
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    public static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        try {
            Mac extract = Mac.getInstance(HMAC);
            extract.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            byte[] pseudorandomKey = extract.doFinal(inputKey);
            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(pseudorandomKey, HMAC));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            byte[] block = new byte[0];
            for (int counter = 1; output.size() < length; counter++) {
                expand.update(block);
                expand.update(info);
                expand.update((byte) counter);
                block = expand.doFinal();
                output.write(block, 0, block.length);
            }
            return Arrays.copyOf(output.toByteArray(), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
