package cloud.iotda.domain.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password as kept: PBKDF2 with HMAC-SHA512 (the JDK's {@code PBKDF2WithHmacSHA512}), a 16-byte random salt, a
 * 64-byte result and {@value #ITERATIONS} iterations, OWASP's figure for this function. The iterations are kept
 * with each hash, so that raising them later leaves stored passwords working. The password itself is never kept.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    public static final int ITERATIONS = 210_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int KEY_BITS = 512;
    /** IAM's passwords are at most 32 characters; more is refused before any hashing. */
    public static final int MAX_PASSWORD_CHARS = 128;

    public PasswordHash {
        if (iterations < 1 || salt.length < 16 || hash.length != KEY_BITS / 8) {
            throw new IllegalArgumentException("a password hash needs iterations, a 16-byte salt and 64 bytes");
        }
    }

    /** The hash of {@code password} with {@code salt} (16 random bytes). */
    public static PasswordHash of(String password, byte[] salt) {
        return of(password, salt, ITERATIONS);
    }

    /** As {@link #of(String, byte[])} with {@code iterations} (tests of the rules around passwords take fewer). */
    public static PasswordHash of(String password, byte[] salt, int iterations) {
        return new PasswordHash(iterations, salt.clone(), derive(password, salt, iterations));
    }

    /** Whether {@code password} is the one hashed, compared in constant time. */
    public boolean matches(String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD_CHARS) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** As stored: {@code pbkdf2-sha512$iterations$salt$hash}, base64. */
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha512$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    public static PasswordHash decode(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha512")) {
            throw new IllegalArgumentException("not a stored password hash");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new PasswordHash(Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
    }

    @Override
    public String toString() {
        return "PasswordHash[pbkdf2-sha512, " + iterations + " iterations]";
    }
}
