package cloud.iotda.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.api.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "-", "2a2b3c4d-0000-4000-8000-000000000001", "abcdef0123456789abcdef0123456789abcd"})
    void acceptsOneTo36LowercaseHexAndHyphens(String id) {
        assertEquals(id, InstanceIds.require(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2A2B3C4D-0000-4000-8000-000000000001", "abcdef0123456789abcdef0123456789abcde",
            "g", "2a2b 3c4d", "2a2b_3c4d", "../etc", "é"})
    void rejectsAnythingElse(String id) {
        ApiException e = assertThrows(ApiException.class, () -> InstanceIds.require(id));
        assertEquals("Invalid input data: instance_id must be 1..36 characters of a-f, 0-9 and -.", e.getMessage());
    }
}
