package cloud.iotda.adapter.dynamodb.internal;

import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordHash;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.credential.AccessKey;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rows of accounts: an account's own row and, in its partition, a row per project (keyed by region, so that an
 * account has at most one per region by the key itself) and per user (keyed by name); beside them a row that finds
 * an account by name and one that finds a project by id, written in the same transaction as what they point to.
 */
public final class AccountRows {
    private static final String ACCOUNT = "ACCOUNT#";
    private static final String PROJECT_IN_ACCOUNT = "REGION#";
    private static final String USER = "USER#";
    public static final String VERSION = "version";

    private AccountRows() {
    }

    public static Map<String, AttributeValue> accountKey(String domainId) {
        return Keys.attributes(Keys.key(ACCOUNT + domainId, Keys.META));
    }

    public static Map<String, AttributeValue> nameKey(String name) {
        return Keys.attributes(Keys.key("ACCOUNT_NAME#" + name, Keys.META));
    }

    public static Map<String, AttributeValue> projectIdKey(String projectId) {
        return Keys.attributes(Keys.key("PROJECT_ID#" + projectId, Keys.META));
    }

    public static Map<String, AttributeValue> userKey(String domainId, String name) {
        return Keys.attributes(Keys.key(ACCOUNT + domainId, USER + name));
    }

    /** The key condition of an account's projects: its partition, sort keys from {@code REGION#}. */
    public static String accountPartition(String domainId) {
        return ACCOUNT + domainId;
    }

    public static String projectPrefix() {
        return PROJECT_IN_ACCOUNT;
    }

    /** The row of a user's access key in its account's partition, so that a user's keys are one query. */
    public static Map<String, AttributeValue> keyItem(AccessKey key) {
        return Row.of(ACCOUNT + key.domainId(), keyPrefix(key.userName()) + key.accessKeyId(), "USER_KEY")
                .put("accessKeyId", key.accessKeyId()).item();
    }

    public static Map<String, AttributeValue> keyItemKey(AccessKey key) {
        return Keys.attributes(Keys.key(ACCOUNT + key.domainId(), keyPrefix(key.userName()) + key.accessKeyId()));
    }

    public static String keyPrefix(String userName) {
        return "KEY#" + userName + "#";
    }

    /** The balance, in hundredths, on the account's own row (changed in place when orders are paid). */
    public static final String BALANCE = "balance";

    public static Map<String, AttributeValue> toItem(Account account) {
        return Row.of(ACCOUNT + account.domainId(), Keys.META, "ACCOUNT").put("domainId", account.domainId())
                .put("name", account.name()).put(BALANCE, account.balance().hundredths()).item();
    }

    /** The row that finds {@code account} by its name. */
    public static Map<String, AttributeValue> nameItem(Account account) {
        return Row.of("ACCOUNT_NAME#" + account.name(), Keys.META, "ACCOUNT_NAME")
                .put("domainId", account.domainId()).put("name", account.name()).item();
    }

    public static Account account(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        // The name's row holds no balance; an account written before balances has none: nothing.
        return new Account(row.text("domainId"), row.text("name"), new Amount(row.number(BALANCE, 0)));
    }

    public static Map<String, AttributeValue> toItem(Project project) {
        return Row.of(ACCOUNT + project.domainId(), PROJECT_IN_ACCOUNT + project.name(), "PROJECT")
                .put("projectId", project.projectId()).put("name", project.name())
                .put("domainId", project.domainId()).item();
    }

    /** The row that finds {@code project} by its id. */
    public static Map<String, AttributeValue> idItem(Project project) {
        return Row.of("PROJECT_ID#" + project.projectId(), Keys.META, "PROJECT_ID")
                .put("projectId", project.projectId()).put("name", project.name())
                .put("domainId", project.domainId()).item();
    }

    public static Project project(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        return new Project(row.text("projectId"), row.text("name"), row.text("domainId"));
    }

    public static Map<String, AttributeValue> toItem(User user) {
        return Row.of(ACCOUNT + user.domainId(), USER + user.name(), "USER")
                .put("domainId", user.domainId()).put("name", user.name()).put("userId", user.userId())
                .put("password", user.password().encoded())
                .put("failures", user.failures()).put("failuresSince", user.failuresSince())
                .put("lockedUntil", user.lockedUntil()).put(VERSION, user.version()).item();
    }

    public static User user(Map<String, AttributeValue> item) {
        Row row = Row.read(item);
        return new User(row.text("domainId"), row.text("name"), row.text("userId"),
                PasswordHash.decode(row.text("password")), (int) row.number("failures", 0),
                row.instant("failuresSince"), row.instant("lockedUntil"), row.number(VERSION, 0));
    }
}
