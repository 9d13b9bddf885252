package cloud.iotda.edge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The time formats of API answers, as the official API documents them: UTC {@code 2023-01-28T06:57:52Z}, and for
 * tasks with milliseconds, {@code 2023-01-28T06:57:52.123Z}.
 */
public final class ApiTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** IAM's form: microseconds, {@code 2020-01-04T09:05:22.701000Z}. */
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ApiTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static String formatMicros(Instant instant) {
        return instant == null ? null : MICROS.format(instant);
    }

    public static String formatMillis(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }
}
