package cloud.iotda.usecase.port;

import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import java.util.List;
import java.util.Optional;

/**
 * Where identities live: accounts with their projects and users, and credentials: tokens by their SHA-256 only,
 * access keys by id.
 */
public interface Credentials {

    Optional<StoredToken> findToken(byte[] tokenSha256);

    void saveToken(StoredToken token);

    /** @return whether a token with that hash existed */
    boolean deleteToken(byte[] tokenSha256);

    Optional<AccessKey> findAccessKey(String accessKeyId);

    void saveAccessKey(AccessKey key);

    /** @return whether the key existed */
    boolean deleteAccessKey(String accessKeyId);

    Optional<Account> findAccount(String domainId);

    Optional<Account> findAccountByName(String name);

    /** @throws Conflict when an account has that id or name already; nothing is written then */
    void createAccount(Account account);

    /**
     * Adds {@code amount} to the account's balance (the operator's top-up).
     *
     * @return the account with its new balance; empty if there is no such account (nothing is written then)
     */
    Optional<Account> topUp(String domainId, Amount amount);

    /** The account's projects, by region. */
    List<Project> projectsOf(String domainId);

    Optional<Project> findProject(String projectId);

    /** @throws Conflict when the project's id is taken or its account has a project in its region */
    void createProject(Project project);

    Optional<User> findUser(String domainId, String name);

    /** @throws Conflict when the account has a user of that name */
    void createUser(User user);

    /** Writes {@code user} if the stored one is the version before it. @return whether it was written */
    boolean updateUser(User user);

    /** The users of that name in every account (the operator's look-up when no account is named). */
    List<User> usersNamed(String name);

    /** The access keys of a user of an account. */
    List<AccessKey> keysOf(String domainId, String userName);
}
