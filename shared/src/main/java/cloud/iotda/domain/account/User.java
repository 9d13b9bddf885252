package cloud.iotda.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An IAM user of an account: its name (unique in the account), id and password, and what the login policy keeps:
 * the failed attempts of the current counting period and, once too many, until when the user is locked.
 * {@code version} guards every write of the counts.
 */
public record User(String domainId, String name, String userId, PasswordHash password, int failures,
                   Instant failuresSince, Instant lockedUntil, long version) {

    /**
     * The login policy taken: {@value #MAX_FAILURES} failed attempts within {@link #FAILURE_PERIOD} lock the user for
     * {@link #LOCKOUT}. IAM's login policy ({@code login_failed_times} 3..10, {@code period_with_login_failures}
     * 15..60 minutes, {@code lockout_duration} 15..1440 minutes) allows these values; docs/api.md says so.
     */
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_PERIOD = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    public User {
        Objects.requireNonNull(password, "password");
        if (!Account.isValidId(domainId) || !Account.isValidName(name) || !Account.isValidId(userId)) {
            throw new IllegalArgumentException("a user is an account id, a name of " + Account.NAME_RULE
                    + " and an id");
        }
    }

    public static User create(String domainId, String name, String userId, PasswordHash password) {
        return new User(domainId, name, userId, password, 0, null, null, 0);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** After a wrong password at {@code now}: one more failure in the period, locked at the last one allowed. */
    public User failedAt(Instant now) {
        boolean inPeriod = failuresSince != null && now.isBefore(failuresSince.plus(FAILURE_PERIOD));
        int count = inPeriod ? failures + 1 : 1;
        Instant since = inPeriod ? failuresSince : now;
        if (count >= MAX_FAILURES) {
            return new User(domainId, name, userId, password, 0, null, now.plus(LOCKOUT), version + 1);
        }
        return new User(domainId, name, userId, password, count, since, lockedUntil, version + 1);
    }

    /** After a right password: no failures counted. */
    public User succeeded() {
        return new User(domainId, name, userId, password, 0, null, null, version + 1);
    }

    /** Whether a right password changes what is kept (failures to forget, an ended lock). */
    public boolean hasFailures() {
        return failures > 0 || lockedUntil != null;
    }
}
