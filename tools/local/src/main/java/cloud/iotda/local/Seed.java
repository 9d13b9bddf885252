package cloud.iotda.local;

import cloud.iotda.Service;
import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordHash;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.catalogue.FlavorSpec;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.Network;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Creation;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.Payment;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.edge.JsonFields;
import cloud.iotda.edge.RequestBodies;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Credentials;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A seed file, checked whole before anything is written: accounts (with users and projects), credentials (token
 * and/or access key per project, as before accounts),
 * instances, and orders placed on them under fixed ids, by the API's own rules. A bad entry is refused with its
 * place and field, e.g. {@code instances[1].flavor.size}.
 */
final class Seed {
    static final String DEMO = "demo-seed.json";
    private static final Instant NO_EXPIRY = Instant.parse("2099-01-01T00:00:00Z");

    record Credential(String projectId, String token, Instant tokenExpiresAt, String accessKey, String secretKey) {
    }

    /** An account with its users (a password, an access key if given) and projects, under fixed ids. */
    record SeedAccount(Account account, List<SeedUser> users, List<Project> projects) {
    }

    record SeedUser(String name, String userId, String password, String accessKey, String secretKey, String token) {
        @Override
        public String toString() {
            return "SeedUser[" + name + "]";
        }
    }

    /** A change the seed places on one of its instances, under an id a fixture or a test can name. */
    record SeedOrder(InstanceRef instance, OrderId orderId, Change change, TaskId taskId, boolean pay) {
    }

    private final List<Credential> credentials;
    private final List<SeedAccount> accounts;
    private final List<Instance> instances;
    private final List<SeedOrder> orders;

    private final List<String> soldOut;

    private Seed(List<Credential> credentials, List<SeedAccount> accounts, List<Instance> instances,
                 List<SeedOrder> orders, List<String> soldOut) {
        this.soldOut = soldOut;
        this.credentials = credentials;
        this.accounts = accounts;
        this.instances = instances;
        this.orders = orders;
    }

    /** A seed file that is not valid; the message names the file, the entry and the field. */
    static final class InvalidSeed extends RuntimeException {
        InvalidSeed(String message) {
            super(message);
        }
    }

    static Seed load(Path file, String regionId) {
        String name = file == null ? DEMO + " (built in)" : file.toString();
        try (InputStream in = file == null ? Seed.class.getResourceAsStream(DEMO) : Files.newInputStream(file)) {
            JsonNode root = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(in);
            if (!(root instanceof ObjectNode object)) {
                throw new InvalidSeed("seed " + name + ": must be a JSON object");
            }
            return parse(object, Instant.now(), regionId);
        } catch (Rejected e) {
            throw new InvalidSeed("seed " + name + ": " + e.detail());
        } catch (IOException e) {
            throw new InvalidSeed("seed " + name + ": cannot be read as JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Seed parse(ObjectNode root, Instant now, String regionId) {
        List<Credential> credentials = new ArrayList<>();
        for (JsonFields entry : entries(root, "credentials")) {
            credentials.add(credential(entry));
        }
        List<SeedAccount> accounts = new ArrayList<>();
        for (JsonFields entry : entries(root, "accounts")) {
            accounts.add(account(entry));
        }
        FlavorCatalogue catalogue = CatalogueFile.published();
        List<Instance> instances = new ArrayList<>();
        Set<InstanceRef> seen = new HashSet<>();
        for (JsonFields entry : entries(root, "instances")) {
            Instance instance = instance(entry, catalogue, now, regionId);
            if (!seen.add(instance.ref())) {
                throw Rejected.invalid(entry.path("instance_id") + " " + instance.ref().instanceId()
                        + " is listed twice");
            }
            instances.add(instance);
        }
        // Each order is decided as the API would decide it, on the instance as the seed's earlier entries leave it.
        Map<InstanceRef, Instance> state = new HashMap<>();
        instances.forEach(instance -> state.put(instance.ref(), instance));
        List<SeedOrder> orders = new ArrayList<>();
        Set<OrderId> ids = new HashSet<>();
        List<JsonFields> orderEntries = entries(root, "orders");
        for (int i = 0; i < orderEntries.size(); i++) {
            JsonFields entry = orderEntries.get(i);
            SeedOrder order = order(entry, root.get("orders").get(i).get("body"), catalogue);
            Instance current = state.get(order.instance());
            if (current == null) {
                throw Rejected.invalid(entry.path("instance_id") + " " + order.instance().instanceId()
                        + " is not an instance of this seed's project " + order.instance().projectId());
            }
            if (!ids.add(order.orderId())) {
                throw Rejected.invalid(entry.path("order_id") + " " + order.orderId() + " is listed twice");
            }
            Plan plan;
            try {
                plan = Plan.of(current, order.change(), catalogue, now);
            } catch (Rejected refused) {
                throw Rejected.invalid(entry.path("body") + " is refused for " + current.ref().instanceId() + ": "
                        + Cli.describe(refused));
            }
            // The order's task: a fixed id (so fixtures can name it) takes the instance's next place in its history.
            TaskId taskId = entry.optionalString("task_id").map(text -> TaskId.parse(text)
                    .filter(id -> id.sequence().filter(place -> place == current.taskCount() + 1).isPresent())
                    .orElseThrow(() -> Rejected.invalid(entry.path("task_id") + " must be "
                            + String.format("%08x", current.taskCount() + 1)
                            + "- (the instance's next task) followed by a lowercase UUID")))
                    .orElseGet(() -> Plan.taskId(current, UUID.randomUUID()));
            // "then": "pay" pays it at start, after the sale settings: an order to a sold-out flavor then fails.
            boolean pay = entry.optionalString("then").map(then -> {
                if (!then.equals("pay") || plan.status() != OrderStatus.PENDING_PAYMENT) {
                    throw Rejected.invalid(entry.path("then") + " can only be pay, for an order awaiting payment");
                }
                return true;
            }).orElse(false);
            state.put(current.ref(), plan.placement(current, order.orderId(), taskId, now).instance());
            orders.add(new SeedOrder(order.instance(), order.orderId(), order.change(), taskId, pay));
        }
        List<String> soldOut = new ArrayList<>();
        JsonNode sellouts = root.get("flavors_sold_out");
        if (sellouts != null && !sellouts.isNull()) {
            if (!sellouts.isArray()) {
                throw Rejected.invalid("flavors_sold_out must be an array of flavor types");
            }
            for (int i = 0; i < sellouts.size(); i++) {
                String type = sellouts.get(i).asText("");
                if (catalogue.find(type).isEmpty()) {
                    throw Rejected.invalid("flavors_sold_out[" + i + "] " + type + " is not a published flavor");
                }
                soldOut.add(type);
            }
        }
        return new Seed(credentials, accounts, instances, orders, List.copyOf(soldOut));
    }

    /** An order entry: its instance, its id, and the body of the request that places it, as the API reads it. */
    private static SeedOrder order(JsonFields entry, JsonNode body, FlavorCatalogue catalogue) {
        InstanceRef ref = new InstanceRef(entry.requiredString("project_id"), entry.requiredString("instance_id"));
        String id = entry.requiredString("order_id");
        OrderId orderId = OrderId.parse(id).orElseThrow(() -> Rejected.invalid(entry.path("order_id") + " " + id
                + " must be " + OrderId.DESCRIPTION));
        String operation = entry.requiredString("operation");
        if (!(body instanceof ObjectNode request)) {
            throw Rejected.invalid(entry.path("body") + " must be the request body of " + operation);
        }
        try {
            Change change = switch (operation) {
                case "resize" -> RequestBodies.resize(request, catalogue);
                case "change-charge-mode" -> RequestBodies.chargeMode(request);
                default -> throw Rejected.invalid(entry.path("operation") + " must be resize or change-charge-mode");
            };
            return new SeedOrder(ref, orderId, change, null, false);
        } catch (Rejected refused) {
            throw refused.detail().startsWith(entry.path("")) ? refused
                    : Rejected.invalid(entry.path("body") + ": " + refused.detail());
        }
    }

    private static SeedAccount account(JsonFields entry) {
        String name = entry.requiredString("name");
        String domainId = entry.requiredString("domain_id");
        if (!Account.isValidName(name)) {
            throw Rejected.invalid(entry.path("name") + " must be " + Account.NAME_RULE);
        }
        if (!Account.isValidId(domainId)) {
            throw Rejected.invalid(entry.path("domain_id") + " must be " + Account.ID_RULE);
        }
        List<SeedUser> users = new ArrayList<>();
        for (JsonFields user : entry.optionalObjects("users").orElse(List.of())) {
            String userName = user.requiredString("name");
            String password = user.requiredString("password");
            if (!Account.isValidName(userName)) {
                throw Rejected.invalid(user.path("name") + " must be " + Account.NAME_RULE);
            }
            if (password.isEmpty() || password.length() > PasswordHash.MAX_PASSWORD_CHARS) {
                throw Rejected.invalid(user.path("password") + " must be 1.." + PasswordHash.MAX_PASSWORD_CHARS
                        + " characters");
            }
            String userId = user.optionalString("user_id").orElse(null);
            if (userId != null && !Account.isValidId(userId)) {
                throw Rejected.invalid(user.path("user_id") + " must be " + Account.ID_RULE);
            }
            String accessKey = user.optionalString("access_key").orElse(null);
            String secretKey = user.optionalString("secret_key").orElse(null);
            if ((accessKey == null) != (secretKey == null)) {
                throw Rejected.invalid(user.path(accessKey == null ? "access_key" : "secret_key")
                        + " is required when " + (accessKey == null ? "secret_key" : "access_key") + " is given");
            }
            if (accessKey != null && !AccessKey.isValidId(accessKey)) {
                throw Rejected.invalid(user.path("access_key") + " must be " + AccessKey.ID_RULE);
            }
            users.add(new SeedUser(userName, userId, password, accessKey, secretKey,
                    user.optionalString("token").orElse(null)));
        }
        List<Project> projects = new ArrayList<>();
        for (JsonFields project : entry.optionalObjects("projects").orElse(List.of())) {
            String projectId = project.requiredString("project_id");
            String region = project.requiredString("name");
            if (!Account.isValidId(projectId)) {
                throw Rejected.invalid(project.path("project_id") + " must be " + Account.ID_RULE);
            }
            if (!Project.isValidRegion(region)) {
                throw Rejected.invalid(project.path("name") + " must be " + Project.REGION_RULE);
            }
            projects.add(new Project(projectId, region, domainId));
        }
        if (users.stream().anyMatch(user -> user.token() != null) && projects.isEmpty()) {
            throw Rejected.invalid(entry.path("projects") + " must hold the project a user's token is for");
        }
        // The balance the billing center pays the account's orders from: "5000.00", nothing when absent.
        Amount balance = entry.optionalString("balance").map(text -> Amount.parse(text).orElseThrow(
                () -> Rejected.invalid(entry.path("balance") + " must be " + Amount.RULE))).orElse(Amount.ZERO);
        return new SeedAccount(new Account(domainId, name, balance), users, projects);
    }

    private static Credential credential(JsonFields entry) {
        String projectId = entry.requiredString("project_id");
        if (projectId.isBlank()) {
            throw Rejected.invalid(entry.path("project_id") + " must not be empty");
        }
        String token = entry.optionalString("token").orElse(null);
        Instant expires = entry.optionalString("token_expires_at").map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw Rejected.invalid(entry.path("token_expires_at")
                        + " must be an ISO-8601 UTC time like 2030-01-01T00:00:00Z");
            }
        }).orElse(NO_EXPIRY);
        String accessKey = entry.optionalString("access_key").orElse(null);
        String secretKey = entry.optionalString("secret_key").orElse(null);
        if ((accessKey == null) != (secretKey == null)) {
            throw Rejected.invalid(entry.path(accessKey == null ? "access_key" : "secret_key")
                    + " is required when " + (accessKey == null ? "secret_key" : "access_key") + " is given");
        }
        if (accessKey != null && !AccessKey.isValidId(accessKey)) {
            throw Rejected.invalid(entry.path("access_key") + " must be " + AccessKey.ID_RULE);
        }
        if (token == null && accessKey == null) {
            throw Rejected.invalid(entry.path("token") + " or access_key is required");
        }
        return new Credential(projectId, token, expires, accessKey, secretKey);
    }

    /**
     * What an instance entry asks to create, by the API's rules (flavor, window, billing) and the seed's own
     * (project, id, edition); a yearly/monthly entry is a one-month subscription, paid.
     */
    static Creation.Request request(JsonFields entry, FlavorCatalogue catalogue) {
        String projectId = entry.requiredString("project_id");
        if (projectId.isBlank()) {
            throw Rejected.invalid(entry.path("project_id") + " must not be empty");
        }
        String instanceId = entry.requiredString("instance_id");
        if (!InstanceRef.isValidInstanceId(instanceId)) {
            throw Rejected.invalid(entry.path("instance_id") + " must be 1..36 characters of a-f, 0-9 and -");
        }
        Edition edition = choice(entry, "instance_type", Edition.class, "standard or enterprise");
        Flavor flavor = RequestBodies.flavor(entry.requiredObject("flavor"), catalogue);
        FlavorSpec spec = catalogue.find(flavor.type()).orElseThrow();
        if (spec.edition() != edition) {
            throw Rejected.invalid(entry.path("flavor.type") + " " + flavor.type() + " is not a "
                    + edition.wireName() + " edition flavor");
        }
        ChargeMode mode = entry.optionalString("charge_mode").map(text -> {
            try {
                return ChargeMode.fromWireName(text);
            } catch (IllegalArgumentException e) {
                throw Rejected.invalid(entry.path("charge_mode") + " must be postPaid or prePaid");
            }
        }).orElse(ChargeMode.POST_PAID);
        if (!spec.supports(mode)) {
            throw Rejected.invalid(entry.path("charge_mode") + " " + mode.wireName() + " is not available for "
                    + flavor.type() + " (" + spec.chargeModes().stream().map(ChargeMode::wireName).sorted().toList()
                    + ")");
        }
        ChargeInfo charge = mode == ChargeMode.PRE_PAID ? ChargeInfo.prePaid(PeriodType.MONTH, 1, false, true)
                : ChargeInfo.postPaid();
        return new Creation.Request(projectId, Optional.of(instanceId),
                entry.optionalString("name").orElse(instanceId), entry.optionalString("description").orElse(null),
                edition, flavor, charge, null, Tags.NONE, Network.NONE,
                entry.optionalObject("operate_window").map(RequestBodies::window).orElse(null));
    }

    /** One seeded instance: what the entry asks for, as it stands (a seed also sets the status). */
    static Instance instance(JsonFields entry, FlavorCatalogue catalogue, Instant now, String regionId) {
        Creation.Request request = request(entry, catalogue);
        Instance.Builder instance = Instance.create(new InstanceRef(request.projectId(), request.instanceId().get()),
                        request.edition(), request.flavor())
                .name(request.name())
                .description(request.description())
                .operateWindow(request.operateWindow())
                .regionId(regionId)
                .status(entry.optionalString("status").map(text -> {
                    try {
                        return InstanceStatus.valueOf(text);
                    } catch (IllegalArgumentException e) {
                        throw Rejected.invalid(entry.path("status") + " must be ACTIVE, FROZEN, TRADING or MODIFYING");
                    }
                }).orElse(InstanceStatus.ACTIVE));
        Optional<JsonFields> subscription = entry.optionalObject("subscription");
        if (subscription.isPresent() && request.charge().mode() != ChargeMode.PRE_PAID) {
            throw Rejected.invalid(entry.path("subscription") + " is for a prePaid instance only");
        }
        if (request.charge().mode() == ChargeMode.PRE_PAID) {
            instance.prePaid(subscription.map(Seed::subscription).orElseGet(() -> request.charge()
                    .subscriptionFrom(now)));
        }
        return instance.at(now);
    }

    /**
     * A subscription as it stands, bought at {@code start_time} (so a seed can hold one that has already expired):
     * the period as change-charge-mode takes it, auto-renewal off unless said.
     */
    private static Subscription subscription(JsonFields entry) {
        Change.ChargeModeChange terms = RequestBodies.chargeMode(JsonTrees.object()
                .put("period_type", entry.requiredString("period_type"))
                .put("period_num", entry.requiredInteger("period_num"))
                .put("is_auto_renew", entry.optionalBoolean("is_auto_renew", false)));
        Instant start;
        try {
            start = Instant.parse(entry.requiredString("start_time"));
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(entry.path("start_time")
                    + " must be an ISO-8601 UTC time like 2026-01-31T00:00:00Z");
        }
        return Subscription.startingAt(start, terms.periodType(), terms.periodNum(), terms.autoRenew());
    }

    private static <E extends Enum<E>> E choice(JsonFields entry, String field, Class<E> type, String allowed) {
        String text = entry.requiredString(field);
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
                return value;
            }
        }
        throw Rejected.invalid(entry.path(field) + " must be " + allowed);
    }

    private static List<JsonFields> entries(ObjectNode root, String name) {
        JsonNode array = root.get(name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw Rejected.invalid(name + " must be an array");
        }
        List<JsonFields> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode object)) {
                throw Rejected.invalid(name + "[" + i + "] must be an object");
            }
            entries.add(JsonFields.of(object, name + "[" + i + "]."));
        }
        return entries;
    }

    /** Writes the seed; instances that a kept data folder already has are left as they are. */
    void apply(Service service, Clock clock) {
        SecureRandom random = new SecureRandom();
        for (SeedAccount seeded : accounts) {
            Credentials store = service.credentials();
            kept(() -> store.createAccount(seeded.account()));
            seeded.projects().forEach(project -> kept(() -> store.createProject(project)));
            for (SeedUser user : seeded.users()) {
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                byte[] random16 = new byte[16];
                random.nextBytes(random16);
                String userId = user.userId() != null ? user.userId() : Account.newId(random16);
                kept(() -> store.createUser(User.create(seeded.account().domainId(), user.name(), userId,
                        PasswordHash.of(user.password(), salt))));
                if (user.accessKey() != null) {
                    store.saveAccessKey(AccessKey.ofUser(user.accessKey(), user.secretKey(),
                            seeded.account().domainId(), user.name(), clock.instant()));
                }
                if (user.token() != null) {
                    // A token of the user for the account's first project, as IAM would issue one.
                    store.saveToken(new StoredToken(Sha256.of(user.token()), seeded.projects().get(0).projectId(),
                            seeded.account().domainId(), user.name(), NO_EXPIRY));
                }
            }
        }
        for (Credential credential : credentials) {
            if (credential.token() != null) {
                service.credentials().saveToken(new StoredToken(Sha256.of(credential.token()),
                        credential.projectId(), credential.tokenExpiresAt()));
            }
            if (credential.accessKey() != null) {
                service.credentials().saveAccessKey(new AccessKey(credential.accessKey(), credential.secretKey(),
                        credential.projectId(), clock.instant()));
            }
        }
        for (Instance instance : instances) {
            try {
                service.instances().create(instance);
            } catch (Conflict kept) {
                // the data folder has it from an earlier run
            }
        }
        FlavorCatalogue catalogue = CatalogueFile.published();
        for (SeedOrder order : orders) {
            if (service.orders().find(order.instance(), order.orderId()).isPresent()) {
                continue; // the data folder has it from an earlier run
            }
            Instance current = service.instances().find(order.instance()).orElseThrow();
            Instant now = clock.instant();
            // Priced as the service prices it; a seeded order is written as it is, so it takes no balance.
            Plan plan = Plan.of(current, order.change(), catalogue, new Payment(service.payers().prices(), null),
                    now);
            Plan.Placement placed = plan.placement(current, order.orderId(), order.taskId(), now);
            service.orders().place(placed.order(), placed.instance(), placed.task());
        }
        soldOut.forEach(type -> service.instanceFlavors().setSaleStatus(type, SaleStatus.SELLOUT));
        for (SeedOrder order : orders) {
            boolean unpaid = service.orders().find(order.instance(), order.orderId())
                    .filter(placed -> placed.status() == OrderStatus.PENDING_PAYMENT).isPresent();
            if (order.pay() && unpaid) {
                service.lifecycle().pay(order.orderId());
            }
        }
    }

    /** A write the data folder may have from an earlier run: kept as it is then. */
    private static void kept(Runnable write) {
        try {
            write.run();
        } catch (Conflict earlier) {
            // the data folder has it from an earlier run
        }
    }

    List<SeedOrder> orders() {
        return orders;
    }

    List<Instance> instances() {
        return instances;
    }
}
