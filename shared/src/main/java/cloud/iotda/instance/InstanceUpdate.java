package cloud.iotda.instance;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.JsonFields;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** A validated UpdateInstance body: each field optional, at least one given, with the official limits. */
public record InstanceUpdate(Optional<String> name, Optional<String> description, Optional<OperateWindow> operateWindow) {
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_-]{1,64}");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\p{IsHan}A-Za-z0-9_,，.。、&-]{0,256}");
    public static final Duration MIN_WINDOW = Duration.ofHours(1);

    public static InstanceUpdate parse(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        Optional<String> name = fields.optionalString("name");
        name.ifPresent(text -> {
            if (!NAME.matcher(text).matches()) {
                throw ApiException.invalid("name must be 1..64 characters of Chinese characters, letters, digits, _ and -");
            }
        });
        Optional<String> description = fields.optionalString("description");
        description.ifPresent(text -> {
            if (!DESCRIPTION.matcher(text).matches()) {
                throw ApiException.invalid("description must be at most 256 characters of Chinese characters, letters, "
                        + "digits and _,，.。、&-");
            }
        });
        Optional<OperateWindow> window = fields.optionalObject("operate_window").map(InstanceUpdate::parseWindow);
        if (name.isEmpty() && description.isEmpty() && window.isEmpty()) {
            throw ApiException.invalid("at least one of name, description and operate_window is required");
        }
        return new InstanceUpdate(name, description, window);
    }

    /** A change window: two UTC {@code HH:mm} times at least an hour apart (it may wrap midnight). */
    public static OperateWindow parseWindow(JsonFields fields) {
        LocalTime start = time(fields, "start_time");
        LocalTime end = time(fields, "end_time");
        long minutes = Math.floorMod(Duration.between(start, end).toMinutes(), 24 * 60);
        if (minutes < MIN_WINDOW.toMinutes()) {
            String window = fields.path("").replaceAll("\\.$", "");
            throw ApiException.invalid(window + " must be at least 1 hour long (end_time is " + minutes
                    + " minutes after start_time)");
        }
        return new OperateWindow(start, end);
    }

    private static LocalTime time(JsonFields fields, String name) {
        LocalTime time = OperateWindow.parseTime(fields.requiredString(name));
        if (time == null) {
            throw ApiException.invalid(fields.path(name) + " must be HH:mm (UTC)");
        }
        return time;
    }

    public Instance appliedTo(Instance current, Instant now) {
        return current.withProfile(name.orElse(current.name()), description.orElse(current.description()),
                operateWindow.orElse(current.operateWindow()), now);
    }
}
