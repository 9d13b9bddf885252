package cloud.iotda.domain.account;

import java.util.regex.Pattern;

/**
 * A project of an account: IAM names it after its region (for example {@code cn-north-4}), and an account has at
 * most one project per region. Instances live in a project; an access key of the account works in every one.
 */
public record Project(String projectId, String name, String domainId) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]{1,20}){1,4}");
    public static final String REGION_RULE = "a region id such as cn-north-4";

    public Project {
        if (!Account.isValidId(projectId) || !Account.isValidId(domainId) || !isValidRegion(name)) {
            throw new IllegalArgumentException("a project is an id, a region name and its account's id");
        }
    }

    public static boolean isValidRegion(String text) {
        return text != null && text.length() <= 64 && REGION.matcher(text).matches();
    }
}
