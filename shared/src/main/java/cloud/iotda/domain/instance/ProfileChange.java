package cloud.iotda.domain.instance;

import java.util.Optional;
import java.util.regex.Pattern;

/** What UpdateInstance may change: name, description and change window, each optional, at least one given. */
public record ProfileChange(Optional<String> name, Optional<String> description,
                            Optional<OperateWindow> operateWindow) {
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_-]{1,64}");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\p{IsHan}A-Za-z0-9_,，.。、&-]{0,256}");

    public ProfileChange {
        if (name.isEmpty() && description.isEmpty() && operateWindow.isEmpty()) {
            throw new IllegalArgumentException("a profile change changes something");
        }
    }

    /** 1..64 Chinese characters, letters, digits, _ and -. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** At most 256 Chinese characters, letters, digits and _,，.。、&-. */
    public static boolean isValidDescription(String description) {
        return DESCRIPTION.matcher(description).matches();
    }
}
