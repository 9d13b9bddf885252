package cloud.iotda.edge.auth;

import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.usecase.port.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validated credentials kept in the function's memory for a bounded time, as API Gateway caches an authorizer's
 * result: a warm function reads a known token or access key once per {@code ttl}, not once per request. A token is
 * kept as the store keeps it (its SHA-256, project and expiry, never the token), never past its own expiry; an
 * access key as the store holds it, since its secret is what verifies each new signature (printed by no entry).
 * Only what was found is kept: an unknown credential is read each time, so a new one works at once. The cost: a
 * revoked credential still works for at most {@code ttl} in a function that has seen it.
 */
public final class CredentialCache implements Credentials {
    /** A bound on memory: beyond it the cache starts over (credentials per function are few in practice). */
    static final int MAX_ENTRIES = 10_000;

    private final Credentials store;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry<StoredToken>> tokens = new ConcurrentHashMap<>();
    private final Map<String, Entry<AccessKey>> accessKeys = new ConcurrentHashMap<>();
    private final Map<String, Entry<Project>> projects = new ConcurrentHashMap<>();

    /** A found credential and the instant it stops being served from memory. */
    record Entry<T>(T credential, Instant until) {
        @Override
        public String toString() {
            // The token's entry names its project and expiry; an access key's, its id and project (no secret).
            return "Entry[" + (credential instanceof StoredToken token ? "token of project " + token.projectId()
                    + " expiring " + token.expiresAt() : String.valueOf(credential)) + ", until " + until + "]";
        }
    }

    public CredentialCache(Credentials store, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a cache needs a positive ttl; without one use the store itself");
        }
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The store itself for a ttl of zero (the cache off), else the store behind a cache. */
    public static Credentials of(Credentials store, Duration ttl, Clock clock) {
        return ttl.isZero() ? store : new CredentialCache(store, ttl, clock);
    }

    @Override
    public Optional<StoredToken> findToken(byte[] tokenSha256) {
        String key = HexFormat.of().formatHex(tokenSha256);
        Instant now = clock.instant();
        Entry<StoredToken> cached = tokens.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.credential());
        }
        Optional<StoredToken> found = store.findToken(tokenSha256);
        found.ifPresentOrElse(token -> {
            Instant until = now.plus(ttl);
            keep(tokens, key, new Entry<>(token, token.expiresAt().isBefore(until) ? token.expiresAt() : until));
        }, () -> tokens.remove(key));
        return found;
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        Instant now = clock.instant();
        Entry<AccessKey> cached = accessKeys.get(accessKeyId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.credential());
        }
        Optional<AccessKey> found = store.findAccessKey(accessKeyId);
        found.ifPresentOrElse(key -> keep(accessKeys, accessKeyId, new Entry<>(key, now.plus(ttl))),
                () -> accessKeys.remove(accessKeyId));
        return found;
    }

    /** A project never changes once made: it is kept like a key, so an account's key costs no read per request. */
    @Override
    public Optional<Project> findProject(String projectId) {
        Instant now = clock.instant();
        Entry<Project> cached = projects.get(projectId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.credential());
        }
        Optional<Project> found = store.findProject(projectId);
        found.ifPresent(project -> keep(projects, projectId, new Entry<>(project, now.plus(ttl))));
        return found;
    }

    // Accounts, users and the lists are read each time: a password check counts failures on the stored user.

    @Override
    public Optional<Account> findAccount(String domainId) {
        return store.findAccount(domainId);
    }

    @Override
    public Optional<Account> findAccountByName(String name) {
        return store.findAccountByName(name);
    }

    @Override
    public void createAccount(Account account) {
        store.createAccount(account);
    }

    @Override
    public Optional<Account> topUp(String domainId, Amount amount) {
        return store.topUp(domainId, amount);
    }

    @Override
    public List<Project> projectsOf(String domainId) {
        return store.projectsOf(domainId);
    }

    @Override
    public void createProject(Project project) {
        store.createProject(project);
    }

    @Override
    public Optional<User> findUser(String domainId, String name) {
        return store.findUser(domainId, name);
    }

    @Override
    public void createUser(User user) {
        store.createUser(user);
    }

    @Override
    public boolean updateUser(User user) {
        return store.updateUser(user);
    }

    @Override
    public List<User> usersNamed(String name) {
        return store.usersNamed(name);
    }

    @Override
    public List<AccessKey> keysOf(String domainId, String userName) {
        return store.keysOf(domainId, userName);
    }

    private static <T> void keep(Map<String, Entry<T>> entries, String key, Entry<T> entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, entry);
    }

    @Override
    public void saveToken(StoredToken token) {
        store.saveToken(token);
        tokens.remove(HexFormat.of().formatHex(token.tokenSha256()));
    }

    @Override
    public boolean deleteToken(byte[] tokenSha256) {
        tokens.remove(HexFormat.of().formatHex(tokenSha256));
        return store.deleteToken(tokenSha256);
    }

    @Override
    public void saveAccessKey(AccessKey key) {
        store.saveAccessKey(key);
        accessKeys.remove(key.accessKeyId());
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        accessKeys.remove(accessKeyId);
        return store.deleteAccessKey(accessKeyId);
    }

    /** The entries held, for tests: what a heap dump's strings of them would show. */
    String describeEntries() {
        return tokens.values() + " " + accessKeys.values();
    }
}
