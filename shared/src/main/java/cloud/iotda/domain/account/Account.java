package cloud.iotda.domain.account;

import cloud.iotda.domain.billing.Amount;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An account of the cloud, which IAM calls a domain: its {@code domain_id} (32 lowercase hex digits), its unique
 * name, and the balance the billing center pays its orders from. It holds IAM users and projects, at most one
 * project per region.
 */
public record Account(String domainId, String name, Amount balance) {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    /** IAM's rule for account and user names, kept to what a key of the table always takes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");
    public static final String NAME_RULE = "1..64 letters, digits, spaces and ._-";
    public static final String ID_RULE = "32 lowercase hex digits";

    public Account {
        if (!isValidId(domainId) || !isValidName(name) || balance == null) {
            throw new IllegalArgumentException("an account is a " + ID_RULE + " id, a name of " + NAME_RULE
                    + " and a balance");
        }
    }

    /** A new account: nothing in its balance. */
    public Account(String domainId, String name) {
        this(domainId, name, Amount.ZERO);
    }

    /** What {@code domain_id} and {@code project_id} are: 32 lowercase hex digits. */
    public static boolean isValidId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    public static boolean isValidName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** A new id of 32 hex digits from 16 random bytes. */
    public static String newId(byte[] random) {
        if (random.length != 16) {
            throw new IllegalArgumentException("an id takes 16 random bytes");
        }
        return HexFormat.of().formatHex(random);
    }
}
