package cloud.iotda.usecase;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordHash;
import cloud.iotda.domain.account.PasswordLogin;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Accounts as IAM keeps them: tokens by password (with the login policy's lockout), the caller's projects and
 * account, and the operator's making of accounts, projects, users and their access keys.
 */
public final class Identity {
    /** IAM's tokens are valid for 24 hours. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    /** At most two access keys per user, as IAM allows. */
    public static final int MAX_KEYS_PER_USER = 2;
    private static final int UPDATE_ATTEMPTS = 8;

    private final Credentials credentials;
    private final IdSource ids;
    private final Clock clock;
    private final int passwordIterations;
    /** A write that loses to a transaction on the same item (a conflict DynamoDB reports) is made again. */
    private final RetryPolicy races = RetryPolicy.standard();

    public Identity(Credentials credentials, IdSource ids, Clock clock) {
        this(credentials, ids, clock, PasswordHash.ITERATIONS);
    }

    /** With new passwords hashed in {@code passwordIterations} (the service takes PasswordHash's; tests fewer). */
    public Identity(Credentials credentials, IdSource ids, Clock clock, int passwordIterations) {
        this.credentials = credentials;
        this.ids = ids;
        this.clock = clock;
        this.passwordIterations = passwordIterations;
    }

    /** A token issued: its text (shown once, never stored), what it grants, and for whom. */
    public record IssuedToken(String token, StoredToken stored, Account account, User user, Optional<Project> project,
                              Instant issuedAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + user.name() + " of " + account.name() + ", until " + stored.expiresAt() + "]";
        }
    }

    /**
     * A token for the user if the password is right, the user not locked and the scope theirs; a wrong password
     * counts towards the lockout, and every refusal says no more than that authentication failed.
     */
    public IssuedToken issueToken(PasswordLogin login) {
        Instant now = clock.instant();
        Account account = credentials.findAccountByName(login.accountName())
                .orElseThrow(() -> unauthorized("the username or password is wrong"));
        User user = checkPassword(account, login, now);
        Optional<Project> project = scopedProject(account, login.scope());
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.nextBytes(48));
        StoredToken stored = new StoredToken(Sha256.of(token), project.map(Project::projectId).orElse(null),
                account.domainId(), user.name(), now.plus(TOKEN_LIFETIME));
        races.run(() -> {
            credentials.saveToken(stored);
            return stored;
        });
        return new IssuedToken(token, stored, account, user, project, now);
    }

    private User checkPassword(Account account, PasswordLogin login, Instant now) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            User user = credentials.findUser(account.domainId(), login.userName())
                    .orElseThrow(() -> unauthorized("the username or password is wrong"));
            if (user.isLockedAt(now)) {
                throw unauthorized("the user is locked after " + User.MAX_FAILURES + " failed attempts until "
                        + user.lockedUntil());
            }
            boolean right = user.password().matches(login.password());
            if (right && !user.hasFailures()) {
                return user;
            }
            User after = right ? user.succeeded() : user.failedAt(now);
            if (credentials.updateUser(after)) {
                if (!right) {
                    throw unauthorized("the username or password is wrong");
                }
                return after;
            }
        }
        throw Rejected.because(Reason.CONCURRENT_CHANGE);
    }

    private Optional<Project> scopedProject(Account account, PasswordLogin.Scope scope) {
        if (scope instanceof PasswordLogin.ProjectById byId) {
            return Optional.of(credentials.findProject(byId.projectId())
                    .filter(project -> project.domainId().equals(account.domainId()))
                    .orElseThrow(() -> unauthorized("the user has no project " + byId.projectId())));
        }
        if (scope instanceof PasswordLogin.ProjectByName byName) {
            return Optional.of(credentials.projectsOf(account.domainId()).stream()
                    .filter(project -> project.name().equals(byName.name())).findFirst()
                    .orElseThrow(() -> unauthorized("the user's account has no project " + byName.name())));
        }
        boolean own = scope instanceof PasswordLogin.DomainById byId ? byId.domainId().equals(account.domainId())
                : ((PasswordLogin.DomainByName) scope).name().equals(account.name());
        if (!own) {
            throw unauthorized("the scope names another account");
        }
        return Optional.empty();
    }

    /** The account the credentials of {@code domainId} belong to (KeystoneListAuthDomains). */
    public Account account(String domainId) {
        return credentials.findAccount(accountId(domainId))
                .orElseThrow(() -> unauthorized("the credentials' account no longer exists"));
    }

    /** The projects of the caller's account, by region (KeystoneListProjects, KeystoneListAuthProjects). */
    public List<Project> projects(String domainId) {
        return credentials.projectsOf(accountId(domainId));
    }

    /** The account of credentials, which must have one (not a key or token made for one project). */
    public String accountId(String domainId) {
        if (domainId == null) {
            throw Rejected.because(Reason.FORBIDDEN, "the credentials were made for one project, not for an "
                    + "account; use an account user's access key or token");
        }
        return domainId;
    }

    // --- the operator's side ---

    public Account createAccount(String name) {
        requireName(name, "account name");
        Account account = new Account(Account.newId(ids.nextBytes(16)), name);
        try {
            credentials.createAccount(account);
        } catch (Conflict taken) {
            throw Rejected.invalid("an account named " + name + " exists");
        }
        return account;
    }

    /** The operator's top-up: {@code amount} (for example 100 or 99.50) added to the account's balance. */
    public Account topUp(String accountName, String amount) {
        Amount added = Amount.parse(amount).filter(parsed -> !parsed.isZero())
                .orElseThrow(() -> Rejected.invalid("the amount must be " + Amount.RULE + ", more than 0"));
        Account account = accountNamed(accountName);
        try {
            return credentials.topUp(account.domainId(), added)
                    .orElseThrow(() -> Rejected.invalid("no account named " + accountName));
        } catch (IllegalArgumentException beyondTheLimit) {
            throw Rejected.invalid("the balance would exceed " + new Amount(Amount.MAX_HUNDREDTHS));
        }
    }

    /** The account named {@code accountName}, with its balance as stored. */
    public Account accountWithBalance(String accountName) {
        return credentials.findAccount(accountNamed(accountName).domainId())
                .orElseThrow(() -> Rejected.invalid("no account named " + accountName));
    }

    public Project createProject(String accountName, String region) {
        Account account = accountNamed(accountName);
        if (!Project.isValidRegion(region)) {
            throw Rejected.invalid("region must be " + Project.REGION_RULE);
        }
        Project project = new Project(Account.newId(ids.nextBytes(16)), region, account.domainId());
        try {
            credentials.createProject(project);
        } catch (Conflict taken) {
            throw Rejected.invalid("account " + accountName + " has a project in " + region);
        }
        return project;
    }

    /** A user with a new password, returned once (only its hash is kept). */
    public record NewUser(User user, String password) {
        @Override
        public String toString() {
            return "NewUser[" + user.name() + "]";
        }
    }

    public NewUser createUser(String accountName, String userName) {
        Account account = accountNamed(accountName);
        requireName(userName, "user name");
        // 24 characters of base64: 144 random bits, within IAM's 32-character limit on passwords.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.nextBytes(18));
        User user = User.create(account.domainId(), userName, Account.newId(ids.nextBytes(16)),
                PasswordHash.of(password, ids.nextBytes(16), passwordIterations));
        try {
            credentials.createUser(user);
        } catch (Conflict taken) {
            throw Rejected.invalid("account " + accountName + " has a user named " + userName);
        }
        return new NewUser(user, password);
    }

    /** A new access key of the user (of the account named, when given). */
    public AccessKey createKey(Optional<String> accountName, String userName) {
        User user = user(accountName, userName);
        if (credentials.keysOf(user.domainId(), user.name()).size() >= MAX_KEYS_PER_USER) {
            throw Rejected.invalid("user " + userName + " has " + MAX_KEYS_PER_USER + " access keys already");
        }
        String accessKey = HexFormat.of().withUpperCase().formatHex(ids.nextBytes(10));
        String secretKey = Base64.getEncoder().withoutPadding().encodeToString(ids.nextBytes(30));
        AccessKey key = AccessKey.ofUser(accessKey, secretKey, user.domainId(), user.name(), clock.instant());
        return races.run(() -> {
            credentials.saveAccessKey(key);
            return key;
        });
    }

    /** The user named, in the account named or, without one, the one account that has a user of that name. */
    public User user(Optional<String> accountName, String userName) {
        if (accountName.isPresent()) {
            Account account = accountNamed(accountName.get());
            return credentials.findUser(account.domainId(), userName)
                    .orElseThrow(() -> Rejected.invalid("account " + account.name() + " has no user " + userName));
        }
        List<User> found = credentials.usersNamed(userName);
        if (found.size() != 1) {
            throw Rejected.invalid(found.isEmpty() ? "no user is named " + userName
                    : found.size() + " accounts have a user named " + userName + "; name the account");
        }
        return found.get(0);
    }

    public Account accountNamed(String name) {
        return credentials.findAccountByName(name).orElseThrow(() -> Rejected.invalid("no account is named "
                + name));
    }

    private static void requireName(String name, String what) {
        if (!Account.isValidName(name)) {
            throw Rejected.invalid(what + " must be " + Account.NAME_RULE);
        }
    }

    private static Rejected unauthorized(String detail) {
        return Rejected.because(Reason.UNAUTHORIZED, detail);
    }
}
