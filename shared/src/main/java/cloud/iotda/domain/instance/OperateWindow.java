package cloud.iotda.domain.instance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The daily UTC window in which delayed changes run; {@code end} before {@code start} means it wraps midnight. */
public record OperateWindow(LocalTime start, LocalTime end) {
    /** The shortest window the API accepts. */
    public static final Duration MIN_LENGTH = Duration.ofHours(1);

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    public OperateWindow {
        if (start.equals(end)) {
            throw new IllegalArgumentException("operate window start and end must differ");
        }
    }

    /** Minutes from {@code start} to {@code end}, going forward past midnight if need be. */
    public static long minutesBetween(LocalTime start, LocalTime end) {
        return Math.floorMod(Duration.between(start, end).toMinutes(), 24 * 60);
    }

    /** Parses {@code HH:mm}; returns null for anything else so callers can name their own field. */
    public static LocalTime parseTime(String text) {
        if (text == null || text.length() != 5) {
            return null;
        }
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(LocalTime time) {
        return time.format(HH_MM);
    }

    public boolean isOpenAt(Instant instant) {
        LocalTime time = instant.atZone(ZoneOffset.UTC).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When a change placed at {@code now} may run: now if the window is open, else the next start. */
    public Instant nextOpening(Instant now) {
        if (isOpenAt(now)) {
            return now;
        }
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        LocalDate day = utc.toLocalDate();
        ZonedDateTime todayStart = day.atTime(start).atZone(ZoneOffset.UTC);
        return (todayStart.isAfter(utc) ? todayStart : todayStart.plusDays(1)).toInstant();
    }
}
