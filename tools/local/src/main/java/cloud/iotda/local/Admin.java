package cloud.iotda.local;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.Json;
import cloud.iotda.auth.CredentialStore.AccessKey;
import cloud.iotda.auth.CredentialStore.StoredToken;
import cloud.iotda.auth.TokenScheme;
import cloud.iotda.catalogue.FlavorCatalogue;
import cloud.iotda.dynamodb.DynamoDbStore;
import cloud.iotda.instance.ChargeMode;
import cloud.iotda.instance.Instance;
import cloud.iotda.instance.InstanceIds;
import cloud.iotda.instance.InstanceView;
import cloud.iotda.order.Order;
import cloud.iotda.order.OrderLifecycle;
import cloud.iotda.order.OrderView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The operator CLI: instances, tokens, access keys and orders in the local store or a deployed table. Every check
 * runs before the one write a command makes, so a refused command writes nothing.
 */
public final class Admin {
    private static final Set<String> FLAGS = Set.of("table", "region", "endpoint", "project", "instance", "name",
            "type", "flavor", "size", "charge-mode", "window", "expires");
    private static final String USAGE = """
            usage: iotda-admin [--table T] [--region R] [--endpoint URL] COMMAND
              instances create --project P --instance ID --type standard|enterprise --flavor TYPE [--size N]
                               [--name NAME] [--charge-mode postPaid|prePaid] [--window HH:mm-HH:mm]
              instances list [--project P]
              tokens issue --project P [--expires 2030-01-01T00:00:00Z]     (prints the token once)
              tokens revoke TOKEN
              keys create --project P                                      (prints the secret key once)
              keys revoke ACCESS_KEY
              orders list --project P --instance ID
              orders pay ORDER_ID | orders cancel ORDER_ID                 (the billing console's part)
              orders process-now                                           (one run of the order processor)
            defaults: --table iotda-local --endpoint http://127.0.0.1:8000 (the local API's DynamoDB);
            for a deployed table give --table and --region and leave out --endpoint.""";

    private final DynamoDbStore store;
    private final PrintStream out;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Admin(DynamoDbStore store, PrintStream out, Clock clock) {
        this.store = store;
        this.out = out;
        this.clock = clock;
    }

    /** A usage or input error: one line on stderr, exit code 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            List<String> words = new ArrayList<>();
            Map<String, String> flags = Cli.flags(List.of(args), FLAGS, words);
            if (words.size() < 2) {
                throw new UsageError(words.isEmpty() ? "a command is required" : "an action is required after " + words.get(0));
            }
            DynamoDbClient client = client(flags);
            String table = flags.getOrDefault("table", LocalDynamo.TABLE);
            try (client) {
                new Admin(new DynamoDbStore(client, table), out, Clock.systemUTC()).execute(words, flags);
            }
            return 0;
        } catch (UsageError | IllegalArgumentException e) {
            err.println("iotda-admin: " + e.getMessage());
            if (e.getMessage() != null && e.getMessage().contains("command")) {
                err.println(USAGE);
            }
            return 2;
        } catch (ApiException e) {
            err.println("iotda-admin: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("iotda-admin: failed: " + e.getMessage());
            return 1;
        }
    }

    /** An explicit endpoint, else a deployed table through the SDK's usual settings, else the local API's store. */
    private static DynamoDbClient client(Map<String, String> flags) {
        if (flags.containsKey("endpoint")) {
            return LocalDynamo.client(flags.get("endpoint"));
        }
        if (!flags.containsKey("table")) {
            return LocalDynamo.client("http://127.0.0.1:" + Cli.DEFAULT_DYNAMODB_PORT);
        }
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (flags.containsKey("region")) {
            builder.region(Region.of(flags.get("region")));
        }
        return builder.build();
    }

    void execute(List<String> words, Map<String, String> flags) {
        String command = words.get(0) + " " + words.get(1);
        List<String> rest = words.subList(2, words.size());
        switch (command) {
            case "instances create" -> createInstance(flags);
            case "instances list" -> listInstances(flags.get("project"));
            case "tokens issue" -> issueToken(required(flags, "project"), flags.get("expires"));
            case "tokens revoke" -> revokeToken(single(rest, "TOKEN"));
            case "keys create" -> createKey(required(flags, "project"));
            case "keys revoke" -> revokeKey(single(rest, "ACCESS_KEY"));
            case "orders list" -> listOrders(required(flags, "project"), required(flags, "instance"));
            case "orders pay" -> out.println(Json.write(OrderView.of(lifecycle().pay(single(rest, "ORDER_ID")))));
            case "orders cancel" -> out.println(Json.write(OrderView.of(lifecycle().cancel(single(rest, "ORDER_ID")))));
            case "orders process-now" -> out.println(Json.write(lifecycle().processDue()));
            default -> throw new UsageError("unknown command " + command);
        }
    }

    private OrderLifecycle lifecycle() {
        return new OrderLifecycle(store, FlavorCatalogue.published(), clock);
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageError("--" + name + " is required");
        }
        return value;
    }

    private static String single(List<String> rest, String what) {
        if (rest.size() != 1) {
            throw new UsageError("exactly one " + what + " is required");
        }
        return rest.get(0);
    }

    private void createInstance(Map<String, String> flags) {
        String project = required(flags, "project");
        String instanceId = required(flags, "instance");
        InstanceIds.require(instanceId);
        // The seed file's rules, so an instance made here is one the seed could have made.
        ObjectNode entry = Json.object()
                .put("project_id", project)
                .put("instance_id", instanceId)
                .put("name", flags.getOrDefault("name", instanceId))
                .put("instance_type", required(flags, "type"))
                .put("charge_mode", flags.getOrDefault("charge-mode", ChargeMode.POST_PAID.wireName()));
        ObjectNode flavor = entry.putObject("flavor").put("type", required(flags, "flavor"));
        if (flags.containsKey("size")) {
            try {
                flavor.put("size", Long.parseLong(flags.get("size")));
            } catch (NumberFormatException e) {
                throw new UsageError("--size must be an integer");
            }
        }
        if (flags.containsKey("window")) {
            String[] times = flags.get("window").split("-", 2);
            if (times.length != 2) {
                throw new UsageError("--window must be HH:mm-HH:mm");
            }
            entry.putObject("operate_window").put("start_time", times[0]).put("end_time", times[1]);
        }
        Instance instance = Seed.parseInstances(entry).get(0);
        try {
            store.createInstance(instance);
        } catch (ConditionalCheckFailedException e) {
            throw new UsageError("instance " + instanceId + " already exists in project " + project);
        }
        out.println(Json.write(InstanceView.of(instance)));
    }

    private void listInstances(String project) {
        for (Instance instance : store.allInstances()) {
            if (project == null || project.equals(instance.projectId())) {
                ObjectNode view = InstanceView.of(instance);
                out.println(Json.write(Json.object().put("project_id", instance.projectId()).setAll(view)));
            }
        }
    }

    private void issueToken(String project, String expires) {
        Instant expiresAt;
        try {
            expiresAt = expires == null ? clock.instant().plus(java.time.Duration.ofDays(1)) : Instant.parse(expires);
        } catch (DateTimeParseException e) {
            throw new UsageError("--expires must be an ISO-8601 UTC time like 2030-01-01T00:00:00Z");
        }
        if (!expiresAt.isAfter(clock.instant())) {
            throw new UsageError("--expires must be in the future");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.saveToken(new StoredToken(TokenScheme.sha256(token), project, expiresAt));
        out.println(token);
    }

    private void revokeToken(String token) {
        if (!store.deleteToken(TokenScheme.sha256(token))) {
            throw new UsageError("no such token");
        }
        out.println("revoked");
    }

    private void createKey(String project) {
        byte[] id = new byte[10];
        random.nextBytes(id);
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        String accessKey = HexFormat.of().withUpperCase().formatHex(id);
        String secretKey = Base64.getEncoder().withoutPadding().encodeToString(secret);
        store.saveAccessKey(new AccessKey(accessKey, secretKey, project, clock.instant()));
        out.println("access_key " + accessKey);
        out.println("secret_key " + secretKey);
    }

    private void revokeKey(String accessKey) {
        if (!store.deleteAccessKey(accessKey)) {
            throw new UsageError("no such access key");
        }
        out.println("revoked");
    }

    private void listOrders(String project, String instanceId) {
        InstanceIds.require(instanceId);
        for (Order order : store.ordersOf(project, instanceId)) {
            out.println(Json.write(OrderView.of(order)));
        }
    }
}
