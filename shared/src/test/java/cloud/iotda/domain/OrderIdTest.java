package cloud.iotda.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdTest {

    @Test
    void newIdsCarryTheUtcTimeAndFiveRandomCharacters() {
        OrderId id = OrderId.next(Instant.parse("2026-01-15T10:07:59Z"), new Random(1));
        assertTrue(id.value().matches("CS2601151007[A-Z0-9]{5}"), id.value());
        assertEquals(17, id.value().length(), "the shape of the published example CS22121614500ABCD");
    }

    @Test
    void newIdsDifferAndSortByTime() {
        Random random = new Random(7);
        Set<OrderId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(OrderId.next(Instant.parse("2026-01-15T10:00:00Z"), random));
        }
        assertEquals(1000, ids.size());
        String earlier = OrderId.next(Instant.parse("2026-01-15T10:00:00Z"), random).value();
        String later = OrderId.next(Instant.parse("2026-01-15T10:01:00Z"), random).value();
        assertTrue(earlier.substring(0, 12).compareTo(later.substring(0, 12)) < 0);
    }

    @Test
    void parsesThePublishedShape() {
        assertEquals(Optional.of(new OrderId("CS22121614500ABCD")), OrderId.parse("CS22121614500ABCD"));
    }

    @Test
    void stillReadsTheEarlierNineteenCharacterShape() {
        assertEquals(Optional.of(new OrderId("CS260115100000AB12C")), OrderId.parse("CS260115100000AB12C"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CS26011510000", "cs260115100000AB12C", "CS260115100000ab12c", "XX260115100000AB12C",
        "CS260115100000AB12CD", "CS2212161450ABCD", "CS22121614500ABCDE", "not-an-order"})
    void refusesAnythingElse(String text) {
        assertEquals(Optional.empty(), OrderId.parse(text));
        assertThrows(IllegalArgumentException.class, () -> new OrderId(text));
    }
}
