package cloud.iotda.edge;

import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordLogin;
import cloud.iotda.domain.account.Project;
import cloud.iotda.edge.auth.Authenticator;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.Identity;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * IAM's operations that IoTDA's clients and SDKs use, with IAM's shapes: a token by password, and the caller's own
 * projects and account, read with an account user's AK/SK or token. Refusals carry IAM's error codes (IAM.0001 401,
 * IAM.0002 403, IAM.0007 and IAM.0011 400), in the same {@code error_code}/{@code error_msg} body.
 */
public final class IamEndpoints {
    /** KeystoneListProjects pages by {@code page} and {@code per_page}; at most this many per page. */
    public static final int MAX_PER_PAGE = 5000;

    private final Authenticator authenticator;
    private final Identity identity;

    public IamEndpoints(Authenticator authenticator, Identity identity) {
        this.authenticator = authenticator;
        this.identity = identity;
    }

    public Endpoint of(Operation operation) {
        Endpoint endpoint = switch (operation) {
            case KEYSTONE_CREATE_USER_TOKEN_BY_PASSWORD -> this::createToken;
            case KEYSTONE_LIST_PROJECTS -> request -> {
                String domainId = identity.accountId(authenticator.authenticate(request).domainId());
                return projects(request, listQuery(request.queryParameters()), domainId);
            };
            case KEYSTONE_LIST_AUTH_PROJECTS -> request -> {
                String domainId = identity.accountId(authenticator.authenticate(request).domainId());
                return projects(request, project -> true, domainId);
            };
            case KEYSTONE_LIST_AUTH_DOMAINS -> request -> {
                Account account = identity.account(authenticator.authenticate(request).domainId());
                ObjectNode body = JsonTrees.object();
                body.putArray("domains").addObject().put("enabled", true).put("id", account.domainId())
                        .put("name", account.name()).put("description", "")
                        .putObject("links").put("self", link(request, "/v3/domains/" + account.domainId()));
                body.set("links", links(request));
                return ok(body);
            };
            default -> throw new IllegalArgumentException(operation + " is not one of IAM's operations");
        };
        return request -> {
            try {
                return endpoint.handle(request);
            } catch (Rejected rejected) {
                return error(rejected);
            }
        };
    }

    private ApiResponse createToken(ApiRequest request) {
        PasswordLogin login = passwordLogin(JsonFields.of(Json.requestObject(request)));
        Identity.IssuedToken issued = identity.issueToken(login);
        ObjectNode token = JsonTrees.object();
        token.putArray("methods").add("password");
        token.put("expires_at", ApiTime.formatMicros(issued.stored().expiresAt()))
                .put("issued_at", ApiTime.formatMicros(issued.issuedAt()));
        ObjectNode user = token.putObject("user");
        user.putObject("domain").put("id", issued.account().domainId()).put("name", issued.account().name());
        user.put("id", issued.user().userId()).put("name", issued.user().name()).put("password_expires_at", "");
        issued.project().ifPresentOrElse(project -> {
            ObjectNode node = token.putObject("project");
            node.putObject("domain").put("id", issued.account().domainId()).put("name", issued.account().name());
            node.put("id", project.projectId()).put("name", project.name());
        }, () -> token.putObject("domain").put("id", issued.account().domainId())
                .put("name", issued.account().name()));
        token.putArray("roles").addObject().put("id", "0").put("name", "te_admin");
        if (!request.queryParameters().containsKey("nocatalog")) {
            // This service has no catalogue of endpoints: clients find IoTDA through the SDKs' endpoint settings.
            token.putArray("catalog");
        }
        ObjectNode body = JsonTrees.object();
        body.set("token", token);
        return new ApiResponse(201, JsonTrees.write(body), Map.of("X-Subject-Token", issued.token()));
    }

    /** The request body of KeystoneCreateUserTokenByPassword. */
    static PasswordLogin passwordLogin(JsonFields root) {
        JsonFields auth = root.requiredObject("auth");
        JsonFields identity = auth.requiredObject("identity");
        List<String> methods = identity.has("methods") ? identity.requiredStrings("methods") : List.of();
        if (!methods.equals(List.of("password"))) {
            throw Rejected.invalid(identity.path("methods") + " must be [\"password\"]");
        }
        JsonFields user = identity.requiredObject("password").requiredObject("user");
        String accountName = user.requiredObject("domain").requiredString("name");
        String userName = user.requiredString("name");
        String password = user.requiredString("password");
        JsonFields scope = auth.requiredObject("scope");
        Optional<JsonFields> project = scope.optionalObject("project");
        Optional<JsonFields> domain = scope.optionalObject("domain");
        if (project.isPresent() == domain.isPresent()) {
            throw Rejected.invalid(scope.path("project") + " or " + scope.path("domain") + " is required, not both");
        }
        JsonFields named = project.orElseGet(domain::get);
        Optional<String> id = named.optionalString("id");
        Optional<String> name = named.optionalString("name");
        if (id.isEmpty() && name.isEmpty()) {
            throw Rejected.invalid(named.path("id") + " or " + named.path("name") + " is required");
        }
        if (!Account.isValidName(accountName) || !Account.isValidName(userName)
                || id.filter(value -> !Account.isValidId(value)).isPresent()) {
            // Nothing of that form exists: refused as an unknown user or scope is, without a look in the table.
            throw Rejected.because(Reason.UNAUTHORIZED, "the username or password is wrong");
        }
        PasswordLogin.Scope scoped;
        if (project.isPresent()) {
            if (id.isEmpty() && !Project.isValidRegion(name.get())) {
                throw Rejected.because(Reason.UNAUTHORIZED, "the user's account has no project " + name.get());
            }
            scoped = id.<PasswordLogin.Scope>map(PasswordLogin.ProjectById::new)
                    .orElseGet(() -> new PasswordLogin.ProjectByName(name.get()));
        } else {
            if (id.isEmpty() && !Account.isValidName(name.get())) {
                throw Rejected.because(Reason.UNAUTHORIZED, "the scope names another account");
            }
            scoped = id.<PasswordLogin.Scope>map(PasswordLogin.DomainById::new)
                    .orElseGet(() -> new PasswordLogin.DomainByName(name.get()));
        }
        return new PasswordLogin(accountName, userName, password, scoped);
    }

    /** KeystoneListProjects' filters: {@code name}, {@code domain_id}, {@code enabled}; paging apart. */
    private static Predicate<Project> listQuery(Map<String, String> query) {
        Set<String> known = Set.of("name", "domain_id", "enabled", "page", "per_page", "parent_id", "is_domain");
        query.keySet().stream().filter(name -> !known.contains(name)).findFirst().ifPresent(name -> {
            throw Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, name);
        });
        String enabled = query.get("enabled");
        if (enabled != null && !enabled.equals("true") && !enabled.equals("false")) {
            throw Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, "enabled");
        }
        Predicate<Project> matching = project -> !"false".equals(enabled) && !"true".equals(query.get("is_domain"));
        String name = query.get("name");
        String domainId = query.get("domain_id");
        String parentId = query.get("parent_id");
        return matching.and(project -> name == null || project.name().equals(name))
                .and(project -> domainId == null || project.domainId().equals(domainId))
                .and(project -> parentId == null || project.domainId().equals(parentId));
    }

    private ApiResponse projects(ApiRequest request, Predicate<Project> matching, String domainId) {
        List<Project> all = identity.projects(domainId).stream().filter(matching).toList();
        Map<String, String> query = request.queryParameters();
        int perPage = bounded(query.get("per_page"), "per_page", MAX_PER_PAGE);
        int page = bounded(query.get("page"), "page", Integer.MAX_VALUE / MAX_PER_PAGE);
        if ((query.get("page") == null) != (query.get("per_page") == null)) {
            throw Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, query.get("page") == null ? "page" : "per_page");
        }
        List<Project> shown = query.get("page") == null ? all
                : all.stream().skip((long) (page - 1) * perPage).limit(perPage).toList();
        ObjectNode body = JsonTrees.object();
        ArrayNode projects = body.putArray("projects");
        shown.forEach(project -> projects.addObject().put("is_domain", false).put("description", "")
                .put("enabled", true).put("id", project.projectId()).put("parent_id", project.domainId())
                .put("domain_id", project.domainId()).put("name", project.name())
                .putObject("links").put("self", link(request, "/v3/projects/" + project.projectId())));
        body.set("links", links(request));
        return ok(body);
    }

    private static int bounded(String text, String name, int max) {
        if (text == null) {
            return 1;
        }
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > max) {
            throw Rejected.because(Reason.PARAMETER_OUT_OF_RANGE, name);
        }
        return Integer.parseInt(text);
    }

    private static ObjectNode links(ApiRequest request) {
        ObjectNode links = JsonTrees.object();
        links.put("self", link(request, request.path()));
        links.putNull("previous");
        links.putNull("next");
        return links;
    }

    /** A link on the host the client called, as IAM's answers carry. */
    private static String link(ApiRequest request, String path) {
        String host = request.header("Host");
        return "https://" + (host == null ? "iam.myhuaweicloud.com" : host.strip()) + path;
    }

    private static ApiResponse ok(ObjectNode body) {
        return ApiResponse.ok(JsonTrees.write(body));
    }

    /** IAM's error body for a refusal. */
    static ApiResponse error(Rejected rejected) {
        String detail = rejected.facts().isEmpty() ? "" : String.valueOf(rejected.facts().get(0));
        return switch (rejected.reason()) {
            case UNAUTHORIZED -> iamError(401, "IAM.0001", "The request you have made requires authentication: "
                    + detail + ".");
            case FORBIDDEN -> iamError(403, "IAM.0002", "You are not authorized to perform the requested action: "
                    + detail + ".");
            case PARAMETER_OUT_OF_RANGE -> iamError(400, "IAM.0007", "Request parameter " + detail
                    + " is invalid.");
            case INVALID_INPUT, MALFORMED_REQUEST -> iamError(400, "IAM.0011", "Request body is invalid: " + detail
                    + ".");
            default -> ApiGateway.errorResponse(ApiError.of(rejected.reason()), rejected.facts());
        };
    }

    private static ApiResponse iamError(int status, String code, String message) {
        return new ApiResponse(status, JsonTrees.write(JsonTrees.object().put("error_msg", message)
                .put("error_code", code)));
    }
}
