package cloud.iotda.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordLogin;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.testing.TestWorld;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accounts as IAM keeps them: tokens by password, the login policy's lockout, the operator's accounts and keys. */
class IdentityTest {
    private final TestWorld world = TestWorld.inMemory();
    /** The rules around passwords, not the hash's cost (PasswordHashTest has the real one): 1,000 iterations. */
    private final Identity identity = new Identity(world.credentials, new IdSource(), world.clock, 1_000);
    private final Account account = identity.createAccount("plant");
    private final Project north = identity.createProject("plant", "cn-north-4");
    private final Identity.NewUser user = identity.createUser("plant", "operator");

    private PasswordLogin login(String password, PasswordLogin.Scope scope) {
        return new PasswordLogin("plant", "operator", password, scope);
    }

    @Test
    void aRightPasswordGetsATokenForTheProjectNamedByRegionOrId() {
        Identity.IssuedToken byName = identity.issueToken(login(user.password(),
                new PasswordLogin.ProjectByName("cn-north-4")));
        assertEquals(north.projectId(), byName.stored().projectId());
        assertEquals(account.domainId(), byName.stored().domainId());
        assertEquals(world.clock.instant().plus(Duration.ofHours(24)), byName.stored().expiresAt());
        assertTrue(world.credentials.findToken(Sha256.of(byName.token())).isPresent(), "kept by its hash");
        Identity.IssuedToken byId = identity.issueToken(login(user.password(),
                new PasswordLogin.ProjectById(north.projectId())));
        assertEquals(north.projectId(), byId.stored().projectId());
        Identity.IssuedToken global = identity.issueToken(login(user.password(),
                new PasswordLogin.DomainByName("plant")));
        assertNull(global.stored().projectId(), "a domain-scoped token names no project");
    }

    @Test
    void theScopeMustBeTheUsersOwnAccountAndProject() {
        identity.createAccount("other");
        Project elsewhere = identity.createProject("other", "cn-north-4");
        assertUnauthorized(() -> identity.issueToken(login(user.password(),
                new PasswordLogin.ProjectById(elsewhere.projectId()))));
        assertUnauthorized(() -> identity.issueToken(login(user.password(),
                new PasswordLogin.ProjectByName("cn-south-1"))));
        assertUnauthorized(() -> identity.issueToken(login(user.password(), new PasswordLogin.DomainByName("other"))));
    }

    @Test
    void fiveWrongPasswordsLockTheUserForFifteenMinutesEvenForTheRightOne() {
        PasswordLogin.Scope scope = new PasswordLogin.ProjectByName("cn-north-4");
        for (int attempt = 1; attempt < User.MAX_FAILURES; attempt++) {
            assertUnauthorized(() -> identity.issueToken(login("wrong", scope)));
        }
        assertFalse(world.credentials.findUser(account.domainId(), "operator").orElseThrow()
                .isLockedAt(world.clock.instant()), "four failures do not lock");
        assertUnauthorized(() -> identity.issueToken(login("wrong", scope)));
        Rejected locked = assertUnauthorized(() -> identity.issueToken(login(user.password(), scope)));
        assertTrue(locked.detail().contains("locked"), locked.detail());
        world.clock.advance(User.LOCKOUT);
        assertEquals(north.projectId(), identity.issueToken(login(user.password(), scope)).stored().projectId());
    }

    @Test
    void failuresOutsideTheCountingPeriodStartTheCountAgain() {
        PasswordLogin.Scope scope = new PasswordLogin.ProjectByName("cn-north-4");
        for (int attempt = 1; attempt < User.MAX_FAILURES; attempt++) {
            assertUnauthorized(() -> identity.issueToken(login("wrong", scope)));
        }
        world.clock.advance(User.FAILURE_PERIOD);
        assertUnauthorized(() -> identity.issueToken(login("wrong", scope)));
        User kept = world.credentials.findUser(account.domainId(), "operator").orElseThrow();
        assertEquals(1, kept.failures());
        assertFalse(kept.isLockedAt(world.clock.instant()));
    }

    @Test
    void aRightPasswordForgetsEarlierFailures() {
        PasswordLogin.Scope scope = new PasswordLogin.ProjectByName("cn-north-4");
        assertUnauthorized(() -> identity.issueToken(login("wrong", scope)));
        identity.issueToken(login(user.password(), scope));
        assertEquals(0, world.credentials.findUser(account.domainId(), "operator").orElseThrow().failures());
    }

    @Test
    void anUnknownAccountOrUserIsRefusedAsAWrongPasswordIs() {
        PasswordLogin.Scope scope = new PasswordLogin.ProjectByName("cn-north-4");
        assertEquals("the username or password is wrong", assertUnauthorized(() -> identity.issueToken(
                new PasswordLogin("nobody", "operator", user.password(), scope))).detail());
        assertEquals("the username or password is wrong", assertUnauthorized(() -> identity.issueToken(
                new PasswordLogin("plant", "nobody", user.password(), scope))).detail());
    }

    @Test
    void theStoreKeepsOnlyTheHashOfThePassword() {
        User stored = world.credentials.findUser(account.domainId(), "operator").orElseThrow();
        assertFalse(stored.password().encoded().contains(user.password()));
        assertTrue(stored.password().matches(user.password()));
        assertFalse(stored.password().toString().contains(user.password()));
    }

    @Test
    void anAccountHasOneProjectPerRegionAndUniqueNames() {
        assertThrows(Rejected.class, () -> identity.createProject("plant", "cn-north-4"));
        assertThrows(Rejected.class, () -> identity.createAccount("plant"));
        assertThrows(Rejected.class, () -> identity.createUser("plant", "operator"));
        assertEquals("cn-south-1", identity.createProject("plant", "cn-south-1").name());
        assertEquals(2, identity.projects(account.domainId()).size());
    }

    @Test
    void aUserHasAtMostTwoAccessKeysAndAKeyNamesItsUser() {
        AccessKey first = identity.createKey(Optional.empty(), "operator");
        identity.createKey(Optional.of("plant"), "operator");
        assertThrows(Rejected.class, () -> identity.createKey(Optional.empty(), "operator"));
        assertEquals(account.domainId(), first.domainId());
        assertNull(first.projectId(), "an account's key is for every project of the account");
    }

    @Test
    void aUserNameInTwoAccountsNeedsTheAccountNamed() {
        identity.createAccount("other");
        identity.createUser("other", "operator");
        assertThrows(Rejected.class, () -> identity.createKey(Optional.empty(), "operator"));
        assertEquals("other", identity.accountNamed("other").name());
        identity.createKey(Optional.of("other"), "operator");
    }

    private static Rejected assertUnauthorized(Runnable call) {
        Rejected rejected = assertThrows(Rejected.class, call::run);
        assertEquals(Reason.UNAUTHORIZED, rejected.reason());
        return rejected;
    }
}
