package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.SubscriptionPhase;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.domain.order.Order;
import cloud.iotda.edge.ApiTime;
import cloud.iotda.edge.JsonFields;
import cloud.iotda.edge.Views;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.InstanceFlavors;
import cloud.iotda.usecase.OrderProcessor;
import cloud.iotda.usecase.OrderQueries;
import cloud.iotda.usecase.Subscriptions;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.Unavailable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The operator CLI: instances, tokens, access keys and orders in the local store or a deployed table. Every check
 * runs before the one write a command makes, so a refused command writes nothing.
 */
public final class Admin {
    static final Set<String> FLAGS = Set.of("table", "region", "endpoint", "project", "instance", "name",
            "type", "flavor", "size", "charge-mode", "window", "expires", "period", "expiring-within", "at",
            "account", "user");
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(1);
    /** Each command's usage line(s), in the order the usage lists them; the key is the command's two words. */
    private static final Map<String, String> COMMANDS = commands(
            "instances create", "  instances create --project P --instance ID --type standard|enterprise --flavor TYPE"
                    + " [--size N]\n                   [--name NAME] [--charge-mode postPaid|prePaid]"
                    + " [--window HH:mm-HH:mm]",
            "instances list", "  instances list [--project P]",
            "accounts create", "  accounts create NAME                                         "
                    + "(prints the account's domain id)",
            "accounts show", "  accounts show NAME                                           "
                    + "(its domain id, name and balance)",
            "accounts top-up", "  accounts top-up NAME AMOUNT                                  "
                    + "(adds AMOUNT, e.g. 1000 or 99.50, to the\n" + " ".repeat(64) + "balance the billing API pays "
                    + "orders from)",
            "projects create", "  projects create --account NAME --region REGION               "
                    + "(prints the project id; REGION is the\n" + " ".repeat(64) + "cloud's, e.g. cn-north-4: the "
                    + "table's\n" + " ".repeat(64) + "AWS region then comes from AWS_REGION)",
            "users create", "  users create --account NAME --name USER                      "
                    + "(prints the password once)",
            "tokens issue", "  tokens issue --project P [--expires 2030-01-01T00:00:00Z]     (prints the token once)",
            "tokens revoke", "  tokens revoke TOKEN",
            "keys create", "  keys create --user USER [--account NAME] | --project P        "
                    + "(prints the secret key once; a user's\n" + " ".repeat(64) + "key works in every project of "
                    + "its account)",
            "keys revoke", "  keys revoke ACCESS_KEY",
            "orders list", "  orders list --project P --instance ID",
            "orders pay", "  orders pay ORDER_ID                                          (the billing console's part)",
            "orders cancel", "  orders cancel ORDER_ID                                       "
                    + "(the billing console's part)",
            "orders process-now", "  orders process-now [--at 2027-01-01T00:00:00Z]               "
                    + "(one run of the order processor,\n" + " ".repeat(64) + "now or as of a later instant; locally\n"
                    + " ".repeat(64) + "the clock is set there first)",
            "orders reindex", "  orders reindex                                               "
                    + "(gives orders stored before the billing\n" + " ".repeat(64) + "API's order list its keys; once, "
                    + "after the deploy)",
            "subscriptions list", "  subscriptions list [--project P] [--expiring-within 7d] [--at INSTANT]\n"
                    + " ".repeat(64) + "(expiry, auto-renewal, phase now or at INSTANT)",
            "subscriptions renew", "  subscriptions renew INSTANCE --period month:N|year:N [--project P]\n"
                    + " ".repeat(64) + "(a RENEW order, paid at once)",
            "subscriptions auto-renew", "  subscriptions auto-renew INSTANCE on|off [--project P]",
            "flavors list", "  flavors list                                                 "
                    + "(each flavor and its sale status)",
            "flavors set-status", "  flavors set-status TYPE normal|sellout                       "
                    + "(at run time, no deploy)",
            "clock", "  clock [set 2027-01-01T00:00:00Z | advance 30d|12h|90m]       "
                    + "(local only: the one clock of the API\n" + " ".repeat(64)
                    + "and the processor; never backwards)",
            "reset", "  reset                                                        "
                    + "(local only: the seed as loaded at\n" + " ".repeat(64) + "start, the clock at real time)");
    private static final String HEADER = "usage: iotda-admin [--table T] [--region R] [--endpoint URL] COMMAND";
    private static final String FOOTER = """
            defaults: --table iotda-local --endpoint http://127.0.0.1:8000 (the local API's DynamoDB);
            for a deployed table give --table and --region and leave out --endpoint.
            iotda-admin help, -h or --help prints this; iotda-admin COMMAND --help prints COMMAND's usage.""";
    private static final Set<String> HELP = Set.of("-h", "--help", "help");

    private static Map<String, String> commands(String... pairs) {
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            commands.put(pairs[i], pairs[i + 1]);
        }
        return commands;
    }

    /** The usage of every command whose words start with {@code words} (all of them for none). */
    static String usage(List<String> words) {
        String prefix = String.join(" ", words);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        COMMANDS.forEach((command, lines) -> {
            if (prefix.isEmpty() || command.equals(prefix) || command.startsWith(prefix + " ")) {
                text.append(lines).append('\n');
            }
        });
        return text.append(FOOTER).toString();
    }

    /** Commands of the local world only, which may stand alone ({@code clock} shows it). */
    private static final Set<String> LOCAL_COMMANDS = Set.of("clock", "reset");

    private final Service service;
    private final PrintStream out;
    /** The business rules' clock: the local world's, or real time against a deployed table. */
    private final Clock clock;
    /** The local world's clock, or null against a deployed table. */
    private final LocalClock localClock;
    private final DynamoDbClient client;
    private final SecureRandom random = new SecureRandom();

    Admin(Service service, PrintStream out, Clock clock) {
        this(service, out, clock, null, null);
    }

    Admin(Service service, PrintStream out, Clock clock, LocalClock localClock, DynamoDbClient client) {
        this.service = service;
        this.out = out;
        this.clock = clock;
        this.localClock = localClock;
        this.client = client;
    }

    /** A usage or input error: one line on stderr (and the usage, when the command itself is wrong), exit code 2. */
    static final class UsageError extends RuntimeException {
        private final boolean showUsage;

        UsageError(String message) {
            this(message, false);
        }

        UsageError(String message, boolean showUsage) {
            super(message);
            this.showUsage = showUsage;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<List<String>> help = helpAsked(List.of(args));
        if (help.isPresent()) {
            out.println(usage(help.get()));
            return 0;
        }
        try {
            List<String> words = new ArrayList<>();
            Map<String, String> flags = Cli.flags(List.of(args), FLAGS, words);
            boolean alone = words.size() == 1 && LOCAL_COMMANDS.contains(words.get(0));
            if (words.size() < 2 && !alone) {
                throw new UsageError(words.isEmpty() ? "a command is required"
                        : "an action is required after " + words.get(0), true);
            }
            // The local world (the local API's DynamoDB Local, or another endpoint) runs on its one clock; a deployed
            // table on real time, which nothing here moves.
            boolean local = flags.containsKey("endpoint") || !flags.containsKey("table");
            if (!local && LOCAL_COMMANDS.contains(words.get(0))) {
                throw new UsageError(words.get(0) + " is the local world's: a deployed stack runs on real time and "
                        + "keeps its data");
            }
            // projects create --region names the project's region, not the table's.
            Map<String, String> tableFlags = new LinkedHashMap<>(flags);
            if (words.size() >= 2 && (words.get(0) + " " + words.get(1)).equals("projects create")) {
                tableFlags.remove("region");
            }
            try (DynamoDbClient client = client(tableFlags)) {
                String table = flags.getOrDefault("table", LocalDynamo.TABLE);
                LocalClock clock = local ? new LocalClock(client, table, Clock.systemUTC()) : null;
                // The cloud region instances are made in: REGION_ID, as the functions and the local API take it.
                String regionId = Service.regionFromEnvironment();
                Service service = local ? Service.local(client, table, clock, regionId)
                        : Service.onDynamoDb(client, table, Clock.systemUTC(), regionId);
                new Admin(service, out, local ? clock : Clock.systemUTC(), clock, client)
                        .execute(words, flags);
            } catch (SdkClientException | Unavailable unreachable) {
                boolean refused = unreachable instanceof SdkClientException
                        || unreachable.getCause() instanceof SdkClientException;
                if (refused && (!flags.containsKey("table") || flags.containsKey("endpoint"))) {
                    err.println("iotda-admin: nothing answers at " + flags.getOrDefault("endpoint",
                            "http://127.0.0.1:" + Cli.DEFAULT_DYNAMODB_PORT) + " (the local API's DynamoDB Local): "
                            + "start it with ./bin/local-api, or give --table and --region for a deployed table");
                    return 1;
                }
                throw unreachable;
            }
            return 0;
        } catch (UsageError e) {
            err.println("iotda-admin: " + e.getMessage());
            if (e.showUsage) {
                err.println(usage(List.of()));
            }
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("iotda-admin: " + e.getMessage());
            return 2;
        } catch (Rejected e) {
            err.println("iotda-admin: " + Cli.describe(e));
            return 2;
        } catch (RuntimeException e) {
            err.println("iotda-admin: failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The command words whose usage is asked for: {@code help}, {@code -h} or {@code --help} alone or first asks
     * for all, after command words for theirs (an unknown command gets the whole usage).
     */
    static Optional<List<String>> helpAsked(List<String> args) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("help") && words.isEmpty()) {
                String prefix = String.join(" ", words);
                boolean known = COMMANDS.keySet().stream()
                        .anyMatch(command -> command.equals(prefix) || command.startsWith(prefix + " "));
                return Optional.of(known ? words : List.of());
            }
            if (arg.startsWith("--")) {
                i++; // the flag's value
            } else {
                words.add(arg);
            }
        }
        return Optional.empty();
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
        if (LOCAL_COMMANDS.contains(words.get(0))) {
            local(words);
            return;
        }
        String command = words.get(0) + " " + words.get(1);
        List<String> rest = words.subList(2, words.size());
        switch (command) {
            case "instances create" -> createInstance(flags);
            case "instances list" -> listInstances(flags.get("project"));
            case "tokens issue" -> issueToken(required(flags, "project"), flags.get("expires"));
            case "tokens revoke" -> revokeToken(single(rest, "TOKEN"));
            case "keys create" -> createKey(flags);
            case "accounts create" -> out.println(service.identity().createAccount(single(rest, "NAME")).domainId());
            case "accounts show" -> printAccount(service.identity().accountWithBalance(single(rest, "NAME")));
            case "accounts top-up" -> printAccount(topUp(rest));
            case "projects create" -> out.println(service.identity().createProject(required(flags, "account"),
                    required(flags, "region")).projectId());
            case "users create" -> out.println(service.identity().createUser(required(flags, "account"),
                    required(flags, "name")).password());
            case "keys revoke" -> revokeKey(single(rest, "ACCESS_KEY"));
            case "orders list" -> listOrders(instanceRef(required(flags, "project"), required(flags, "instance")));
            case "orders pay" -> printOrder(service.lifecycle().pay(orderId(single(rest, "ORDER_ID"))));
            case "orders cancel" -> printOrder(service.lifecycle().cancel(orderId(single(rest, "ORDER_ID"))));
            case "orders process-now" -> processNow(flags.get("at"));
            case "orders reindex" -> {
                noArguments(rest, "orders reindex");
                out.println("reindexed " + service.orders().indexForProjectLists() + " orders");
            }
            case "subscriptions list" -> listSubscriptions(flags);
            case "subscriptions renew" -> renew(rest, flags);
            case "subscriptions auto-renew" -> autoRenew(rest, flags);
            case "flavors list" -> listFlavors();
            case "flavors set-status" -> setSaleStatus(rest);
            default -> throw new UsageError("unknown command " + command, true);
        }
    }

    private void processNow(String at) {
        OrderProcessor.Report report;
        if (at == null) {
            report = service.orderProcessor().processDue();
        } else if (localClock != null) {
            // The local world's clock moves there first: the API then answers as of that time too.
            moveClock(instant("--at", at));
            report = service.orderProcessor().processDue();
        } else {
            report = service.orderProcessor().processAsOf(instant("--at", at));
        }
        out.println(JsonTrees.write(Views.report(report)));
    }

    /** {@code clock}, {@code clock set INSTANT}, {@code clock advance 30d}, {@code reset}. */
    private void local(List<String> words) {
        if (localClock == null) {
            throw new UsageError(words.get(0) + " is the local world's");
        }
        if (words.get(0).equals("reset")) {
            if (words.size() != 1) {
                throw new UsageError("reset takes no arguments", true);
            }
            out.println(LocalWorld.reset(client));
            return;
        }
        if (words.size() == 1) {
            out.println("clock " + localClock.describe());
            return;
        }
        if (words.size() != 3 || !Set.of("set", "advance").contains(words.get(1))) {
            throw new UsageError("clock takes set INSTANT or advance 30d|12h|90m", true);
        }
        if (words.get(1).equals("set")) {
            moveClock(instant("clock set", words.get(2)));
        } else {
            Duration by;
            try {
                by = Cli.duration(words.get(2));
            } catch (IllegalArgumentException e) {
                throw new UsageError("clock advance: " + e.getMessage());
            }
            moveClock(localClock.instant().plus(by));
        }
        out.println("clock " + localClock.describe());
    }

    private void moveClock(Instant target) {
        try {
            localClock.moveTo(target);
        } catch (IllegalArgumentException backwards) {
            throw new UsageError(backwards.getMessage() + " (iotda-admin reset starts over at real time)");
        }
    }

    private static Instant instant(String flag, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageError(flag + " must be an ISO-8601 UTC time like 2027-01-01T00:00:00Z");
        }
    }

    /** One line per subscription, soonest expiry first. */
    private void listSubscriptions(Map<String, String> flags) {
        Optional<Duration> within = Optional.ofNullable(flags.get("expiring-within")).map(Admin::days);
        Instant asOf = flags.containsKey("at") ? instant("--at", flags.get("at")) : clock.instant();
        for (Subscriptions.Entry entry : service.subscriptions().list(Optional.ofNullable(flags.get("project")),
                within, asOf)) {
            out.println(JsonTrees.write(subscription(entry.instance(), entry.phase())));
        }
    }

    /** The subscription as the operator sees it: whose, until when, renewed or not, in which phase. */
    private static ObjectNode subscription(Instance instance, SubscriptionPhase phase) {
        Subscription subscription = instance.subscription();
        return JsonTrees.object()
                .put("project_id", instance.ref().projectId())
                .put("instance_id", instance.ref().instanceId())
                .put("status", instance.status().name())
                .put("period_type", subscription.periodType().wireName())
                .put("period_num", subscription.periodNum())
                .put("expire_time", ApiTime.format(subscription.expireTime()))
                .put("is_auto_renew", subscription.autoRenew())
                .put("phase", phase.wireName());
    }

    private static Duration days(String text) {
        if (!text.matches("[0-9]{1,4}d")) {
            throw new UsageError("--expiring-within must be a number of days like 7d");
        }
        return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
    }

    private void renew(List<String> rest, Map<String, String> flags) {
        InstanceRef ref = subscribedInstance(single(rest, "INSTANCE"), flags.get("project"));
        String period = required(flags, "period");
        String[] parts = period.split(":", 2);
        PeriodType type;
        int periods;
        try {
            type = PeriodType.fromWireName(parts[0]);
            periods = Integer.parseInt(parts.length == 2 ? parts[1] : "");
        } catch (IllegalArgumentException e) {
            throw new UsageError("--period must be month:N or year:N, not " + period);
        }
        Order order = service.subscriptions().renew(ref, type, periods);
        printOrder(order);
        Instance renewed = service.instances().find(ref).orElseThrow();
        out.println(JsonTrees.write(subscription(renewed, renewed.subscription().phaseAt(clock.instant(),
                service.lapse()))));
    }

    private void autoRenew(List<String> rest, Map<String, String> flags) {
        if (rest.size() != 2 || !Set.of("on", "off").contains(rest.get(1))) {
            throw new UsageError("subscriptions auto-renew needs INSTANCE and on|off", true);
        }
        InstanceRef ref = subscribedInstance(rest.get(0), flags.get("project"));
        Instance changed = service.subscriptions().autoRenew(ref, rest.get(1).equals("on"));
        out.println(JsonTrees.write(subscription(changed, changed.subscription().phaseAt(clock.instant(),
                service.lapse()))));
    }

    /** The instance by its id, in {@code project} when given, else in whichever project has it (only one may). */
    private InstanceRef subscribedInstance(String instanceId, String project) {
        if (!InstanceRef.isValidInstanceId(instanceId)) {
            throw new UsageError("INSTANCE must be 1..36 characters of a-f, 0-9 and -");
        }
        if (project != null) {
            return new InstanceRef(project, instanceId);
        }
        List<InstanceRef> found = service.instances().all().stream().map(Instance::ref)
                .filter(ref -> ref.instanceId().equals(instanceId)).toList();
        if (found.size() > 1) {
            throw new UsageError("instance " + instanceId + " is in more than one project; give --project");
        }
        if (found.isEmpty()) {
            throw new UsageError("no instance " + instanceId);
        }
        return found.get(0);
    }

    private void listFlavors() {
        // One line per flavor, as ListInstanceFlavors answers it.
        Views.flavorPage(service.instanceFlavors().list(Optional.empty(), Optional.empty(), 0,
                InstanceFlavors.MAX_LIMIT)).get("flavors").forEach(flavor -> out.println(JsonTrees.write(flavor)));
    }

    private Account topUp(List<String> rest) {
        if (rest.size() != 2) {
            throw new UsageError("accounts top-up needs NAME and AMOUNT", true);
        }
        return service.identity().topUp(rest.get(0), rest.get(1));
    }

    private void printAccount(Account account) {
        out.println(account.domainId() + " " + account.name() + " balance " + account.balance() + " "
                + service.payers().prices().currency());
    }

    private void setSaleStatus(List<String> rest) {
        if (rest.size() != 2) {
            throw new UsageError("flavors set-status needs TYPE and normal|sellout", true);
        }
        SaleStatus status;
        try {
            status = SaleStatus.fromWireName(rest.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageError("the status must be normal or sellout, not " + rest.get(1));
        }
        service.instanceFlavors().setSaleStatus(rest.get(0), status);
        out.println(rest.get(0) + " " + status.wireName());
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageError("--" + name + " is required");
        }
        return value;
    }

    private static void noArguments(List<String> rest, String command) {
        if (!rest.isEmpty()) {
            throw new UsageError(command + " takes no arguments");
        }
    }

    private static String single(List<String> rest, String what) {
        if (rest.size() != 1) {
            throw new UsageError("exactly one " + what + " is required");
        }
        return rest.get(0);
    }

    private static InstanceRef instanceRef(String project, String instanceId) {
        if (!InstanceRef.isValidInstanceId(instanceId)) {
            throw new UsageError("--instance must be 1..36 characters of a-f, 0-9 and -");
        }
        return new InstanceRef(project, instanceId);
    }

    private static OrderId orderId(String text) {
        return OrderId.parse(text).orElseThrow(() -> new UsageError("ORDER_ID must be " + OrderId.DESCRIPTION));
    }

    private void printOrder(Order order) {
        out.println(JsonTrees.write(Views.order(order)));
    }

    private void createInstance(Map<String, String> flags) {
        String project = required(flags, "project");
        String instanceId = required(flags, "instance");
        // The seed file's rules, so an instance made here is one the seed could have made.
        ObjectNode entry = JsonTrees.object()
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
        Creation.Request request = Seed.request(JsonFields.of(entry), CatalogueFile.published());
        Creation created;
        try {
            created = service.createInstance().create(request);
        } catch (Conflict e) {
            throw new UsageError("instance " + instanceId + " already exists in project " + project);
        }
        out.println(JsonTrees.write(Views.instance(created.instance())));
    }

    private void listInstances(String project) {
        for (Instance instance : service.instances().all()) {
            if (project == null || project.equals(instance.ref().projectId())) {
                out.println(JsonTrees.write(JsonTrees.object().put("project_id", instance.ref().projectId())
                        .setAll(Views.instance(instance))));
            }
        }
    }

    private void issueToken(String project, String expires) {
        Instant expiresAt;
        try {
            expiresAt = expires == null ? clock.instant().plus(DEFAULT_TOKEN_LIFETIME) : Instant.parse(expires);
        } catch (DateTimeParseException e) {
            throw new UsageError("--expires must be an ISO-8601 UTC time like 2030-01-01T00:00:00Z");
        }
        if (!expiresAt.isAfter(clock.instant())) {
            throw new UsageError("--expires must be in the future");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        service.credentials().saveToken(new StoredToken(Sha256.of(token), project, expiresAt));
        out.println(token);
    }

    private void revokeToken(String token) {
        if (!service.credentials().deleteToken(Sha256.of(token))) {
            throw new UsageError("no such token");
        }
        out.println("revoked");
    }

    private void createKey(Map<String, String> flags) {
        if (flags.containsKey("user") == flags.containsKey("project")) {
            throw new UsageError("keys create takes --user USER [--account NAME] or --project P");
        }
        if (flags.containsKey("user")) {
            AccessKey key = service.identity().createKey(Optional.ofNullable(flags.get("account")), flags.get("user"));
            out.println("access_key " + key.accessKeyId());
            out.println("secret_key " + key.secretKey());
            return;
        }
        String project = flags.get("project");
        byte[] id = new byte[10];
        random.nextBytes(id);
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        String accessKey = HexFormat.of().withUpperCase().formatHex(id);
        String secretKey = Base64.getEncoder().withoutPadding().encodeToString(secret);
        service.credentials().saveAccessKey(new AccessKey(accessKey, secretKey, project, clock.instant()));
        out.println("access_key " + accessKey);
        out.println("secret_key " + secretKey);
    }

    private void revokeKey(String accessKey) {
        if (!service.credentials().deleteAccessKey(accessKey)) {
            throw new UsageError("no such access key");
        }
        out.println("revoked");
    }

    /** Every order of the instance, newest first, page by page. */
    private void listOrders(InstanceRef ref) {
        OrderId after = null;
        do {
            Page<Order> page = service.orderQueries().list(ref, OrderQueries.MAX_LIMIT, after).value();
            page.items().forEach(this::printOrder);
            after = page.next() == null ? null : new OrderId(page.next());
        } while (after != null);
    }
}
