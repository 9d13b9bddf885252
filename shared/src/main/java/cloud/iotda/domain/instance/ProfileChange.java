package cloud.iotda.domain.instance;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What UpdateInstance may change, at least one of them: name, description, change window, and for an enterprise
 * instance its access settings and SNAT (which can only be turned on).
 */
public record ProfileChange(Optional<String> name, Optional<String> description, Optional<OperateWindow> operateWindow,
                            Optional<Network.AccessChange> access, boolean enableSnat) {
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_-]{1,64}");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\p{IsHan}A-Za-z0-9_,，.。、&-]{0,256}");

    public ProfileChange {
        if (name.isEmpty() && description.isEmpty() && operateWindow.isEmpty() && access.isEmpty() && !enableSnat) {
            throw new IllegalArgumentException("a profile change changes something");
        }
    }

    /** Name, description or window only: what any edition may change. */
    public ProfileChange(Optional<String> name, Optional<String> description, Optional<OperateWindow> operateWindow) {
        this(name, description, operateWindow, Optional.empty(), false);
    }

    /** Whether it changes something only enterprise instances have. */
    public boolean touchesNetwork() {
        return access.isPresent() || enableSnat;
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
