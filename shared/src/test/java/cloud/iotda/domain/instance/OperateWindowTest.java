package cloud.iotda.domain.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OperateWindowTest {
    private final OperateWindow nightly = new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 0));
    private final OperateWindow aroundMidnight = new OperateWindow(LocalTime.of(23, 0), LocalTime.of(1, 0));

    @Test
    void nextOpeningIsTodaysStartBeforeTheWindow() {
        assertEquals(Instant.parse("2026-01-15T02:00:00Z"), nightly.nextOpening(Instant.parse("2026-01-15T01:59:59Z")));
    }

    @Test
    void nextOpeningIsTomorrowsStartAfterTheWindow() {
        assertEquals(Instant.parse("2026-01-16T02:00:00Z"), nightly.nextOpening(Instant.parse("2026-01-15T04:00:00Z")));
    }

    @Test
    void nextOpeningIsNowInsideTheWindow() {
        Instant now = Instant.parse("2026-01-15T03:30:00Z");
        assertEquals(now, nightly.nextOpening(now));
    }

    @Test
    void windowThatWrapsMidnightIsOpenOnBothSides() {
        assertTrue(aroundMidnight.isOpenAt(Instant.parse("2026-01-15T23:30:00Z")));
        assertTrue(aroundMidnight.isOpenAt(Instant.parse("2026-01-16T00:59:59Z")));
        assertFalse(aroundMidnight.isOpenAt(Instant.parse("2026-01-16T01:00:00Z")));
        assertFalse(aroundMidnight.isOpenAt(Instant.parse("2026-01-15T22:59:59Z")));
        assertEquals(Instant.parse("2026-01-15T23:00:00Z"),
                aroundMidnight.nextOpening(Instant.parse("2026-01-15T10:00:00Z")));
    }

    @Test
    void parsesOnlyStrictHoursAndMinutes() {
        assertEquals(LocalTime.of(2, 5), OperateWindow.parseTime("02:05"));
        assertNull(OperateWindow.parseTime("2:05"));
        assertNull(OperateWindow.parseTime("24:00"));
        assertNull(OperateWindow.parseTime("02:60"));
        assertNull(OperateWindow.parseTime("02:05:00"));
    }
}
