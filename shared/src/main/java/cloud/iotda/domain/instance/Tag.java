package cloud.iotda.domain.instance;

import java.util.regex.Pattern;

/** An instance tag: a key unique on its instance and a value that may be empty. */
public record Tag(String key, String value) {
    public static final int MAX_KEY_LENGTH = 36;
    public static final int MAX_VALUE_LENGTH = 43;
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{N} _.:=+\\-@]*");

    /** 1..36 letters (Chinese too), digits, spaces and {@code _.:=+-@}, no space first or last. */
    public static boolean isValidKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && CHARACTERS.matcher(key).matches()
                && key.strip().equals(key);
    }

    /** Null, or up to 43 of the key's characters. */
    public static boolean isValidValue(String value) {
        return value == null || (value.length() <= MAX_VALUE_LENGTH && CHARACTERS.matcher(value).matches());
    }
}
