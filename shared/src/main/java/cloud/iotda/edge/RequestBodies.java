package cloud.iotda.edge;

import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.ProfileChange;
import cloud.iotda.domain.order.Change;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Request bodies read into domain values by the documented rules; each refusal is INVALID_INPUT naming the field
 * by its path. The flavor and window readers also serve other documents (seed files) under their own paths.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static Change.Resize resize(ObjectNode body, FlavorCatalogue catalogue) {
        JsonFields fields = JsonFields.of(body);
        Flavor flavor = flavor(fields.requiredObject("flavor"), catalogue);
        return new Change.Resize(flavor, fields.optionalBoolean("delay", false),
                fields.optionalBoolean("is_auto_pay", false));
    }

    public static Change.ChargeModeChange chargeMode(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        String typeName = fields.requiredString("period_type");
        PeriodType periodType;
        try {
            periodType = PeriodType.fromWireName(typeName);
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid("period_type must be month or year");
        }
        long periodNum = fields.requiredInteger("period_num");
        if (periodNum < 1 || periodNum > periodType.maxPeriods()) {
            throw Rejected.invalid("period_num must be 1.." + periodType.maxPeriods()
                    + " when period_type is " + periodType.wireName());
        }
        return new Change.ChargeModeChange(periodType, (int) periodNum, fields.optionalBoolean("is_auto_renew", false),
                fields.optionalBoolean("is_auto_pay", false));
    }

    /** UpdateInstance: each field optional, at least one given. */
    public static ProfileChange profileChange(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        Optional<String> name = fields.optionalString("name");
        if (name.isPresent() && !ProfileChange.isValidName(name.get())) {
            throw Rejected.invalid("name must be 1..64 characters of Chinese characters, letters, digits, _ and -");
        }
        Optional<String> description = fields.optionalString("description");
        if (description.isPresent() && !ProfileChange.isValidDescription(description.get())) {
            throw Rejected.invalid("description must be at most 256 characters of Chinese characters, letters, "
                    + "digits and _,，.。、&-");
        }
        Optional<OperateWindow> window = fields.optionalObject("operate_window").map(RequestBodies::window);
        if (name.isEmpty() && description.isEmpty() && window.isEmpty()) {
            throw Rejected.invalid("at least one of name, description and operate_window is required");
        }
        return new ProfileChange(name, description, window);
    }

    /** A published flavor with a size that fits it. */
    public static Flavor flavor(JsonFields fields, FlavorCatalogue catalogue) {
        String type = fields.requiredString("type");
        FlavorSpec spec = catalogue.find(type)
                .orElseThrow(() -> Rejected.invalid(fields.path("type") + " " + type + " is not a published flavor"));
        Optional<Long> size = fields.optionalInteger("size");
        String sizePath = fields.path("size");
        if (!spec.sized()) {
            if (size.isPresent()) {
                throw Rejected.invalid(sizePath + " must be absent for enterprise edition flavor " + type);
            }
            return new Flavor(type, null);
        }
        long requested = size.orElseThrow(() -> Rejected.invalid(
                sizePath + " is required for standard edition flavor " + type));
        if (!spec.allowsSize(requested)) {
            throw Rejected.invalid(sizePath + " must be " + spec.minSize() + ".." + spec.maxSize() + " for " + type);
        }
        return new Flavor(type, (int) requested);
    }

    /** A change window: two UTC {@code HH:mm} times at least {@link OperateWindow#MIN_LENGTH} apart. */
    public static OperateWindow window(JsonFields fields) {
        LocalTime start = time(fields, "start_time");
        LocalTime end = time(fields, "end_time");
        long minutes = OperateWindow.minutesBetween(start, end);
        if (minutes < OperateWindow.MIN_LENGTH.toMinutes()) {
            throw Rejected.invalid(fields.path("") + " must be at least " + OperateWindow.MIN_LENGTH.toHours()
                    + " hour long (end_time is " + minutes + " minutes after start_time)");
        }
        return new OperateWindow(start, end);
    }

    private static LocalTime time(JsonFields fields, String name) {
        LocalTime time = OperateWindow.parseTime(fields.requiredString(name));
        if (time == null) {
            throw Rejected.invalid(fields.path(name) + " must be HH:mm (UTC)");
        }
        return time;
    }
}
