package cloud.iotda.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "-", "2a2b3c4d-0000-4000-8000-000000000001",
        "abcdef0123456789abcdef0123456789abcd"})
    void acceptsOneTo36LowercaseHexAndHyphens(String id) {
        assertTrue(InstanceRef.isValidInstanceId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2A2B3C4D-0000-4000-8000-000000000001", "abcdef0123456789abcdef0123456789abcde",
        "g", "2a2b 3c4d", "2a2b_3c4d", "../etc", "é"})
    void rejectsAnythingElse(String id) {
        assertFalse(InstanceRef.isValidInstanceId(id));
    }
}
