package cloud.iotda.domain.account;

/**
 * IAM's password authentication: the user by its account's name and its own name, the password, and the scope the
 * token is for: a project (by id, or by name, which is a region, in the user's account) or the account itself
 * (by id or name) for global services.
 */
public record PasswordLogin(String accountName, String userName, String password, Scope scope) {

    @Override
    public String toString() {
        return "PasswordLogin[" + userName + " of " + accountName + ", " + scope + "]";
    }

    /** What a token is for. */
    public sealed interface Scope {
    }

    public record ProjectById(String projectId) implements Scope {
    }

    public record ProjectByName(String name) implements Scope {
    }

    public record DomainById(String domainId) implements Scope {
    }

    public record DomainByName(String name) implements Scope {
    }
}
