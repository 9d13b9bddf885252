package cloud.iotda.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.testing.TestWorld;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Passwords as kept: a slow salted hash that matches its password only, and reads back as written. */
class PasswordHashTest {
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesItsPasswordOnly() {
        PasswordHash hash = PasswordHash.of("correct horse", SALT);
        assertTrue(hash.matches("correct horse"));
        assertFalse(hash.matches("correct horsf"));
        assertFalse(hash.matches(""));
        assertFalse(hash.matches("x".repeat(PasswordHash.MAX_PASSWORD_CHARS + 1)));
        assertEquals(PasswordHash.ITERATIONS, hash.iterations());
    }

    @Test
    void theSaltMakesEqualPasswordsHashApart() {
        byte[] other = SALT.clone();
        other[0] ^= 1;
        assertNotEquals(PasswordHash.of("pw", SALT).encoded(), PasswordHash.of("pw", other).encoded());
    }

    @Test
    void readsBackAsWrittenAndKeepsItsIterations() {
        PasswordHash hash = PasswordHash.of("a secret phrase", SALT);
        PasswordHash read = PasswordHash.decode(hash.encoded());
        assertTrue(read.matches("a secret phrase"));
        assertFalse(hash.encoded().contains("secret"));
        assertEquals(hash.toString(), read.toString());
    }

    @Test
    void theTestWorldsPrecomputedHashIsItsPassword() {
        assertTrue(PasswordHash.decode(TestWorld.PASSWORD_HASH).matches(TestWorld.PASSWORD));
    }
}
