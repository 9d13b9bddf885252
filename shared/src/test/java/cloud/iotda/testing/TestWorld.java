package cloud.iotda.testing;

import cloud.iotda.Service;
import cloud.iotda.Settings;
import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.PasswordHash;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceStatus;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.OrderState;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.Payment;
import cloud.iotda.domain.order.Plan;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.edge.Operation;
import cloud.iotda.usecase.IdSource;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.FlavorSales;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.ProcessorPasses;
import cloud.iotda.usecase.port.Tasks;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The service on a fresh store seeded with the projects, tokens and instances that the events/ fixtures name: a new
 * table on DynamoDB Local, or {@link #inMemory()} for fast tests of the rules. The clock starts at
 * 2026-01-15T10:00:00Z, outside the 02:00-04:00 window.
 */
public final class TestWorld {
    public static final String PROJECT = "0e3f2c8a6b5d4e7f9a1b2c3d4e5f6a7b";
    public static final String OTHER_PROJECT = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    public static final String TOKEN = "fixture-token-project-0e3f";
    public static final String OTHER_PROJECT_TOKEN = "fixture-token-project-9f8e";
    public static final String EXPIRED_TOKEN = "fixture-token-expired";
    /** Every credential the seeded world knows, for tests that check the logs never hold one. */
    /** The account (IAM's domain) the project belongs to, its user and a token of that user for the project. */
    public static final String DOMAIN_ID = "5c1e8a2f9b7d4c3e8f6a1b2d3c4e5f60";
    public static final String ACCOUNT = "demo";
    public static final String USER = "demo-user";
    public static final String PASSWORD = "demo-password-do-not-use";
    public static final String ACCOUNT_TOKEN = "fixture-token-account-demo";
    /**
     * PASSWORD hashed once with 1,000 iterations: a world's user costs no key derivation when made, and little at
     * each login (the fault matrix logs in hundreds of times). The real cost, ITERATIONS, is PasswordHashTest's.
     */
    public static final String PASSWORD_HASH = "pbkdf2-sha512$1000$MDEyMzQ1Njc4OTo7PD0+Pw$W+DUcaUF3WaWy5T+IaFttkxT8/syn"
            + "NBEc8IMoldfpQKgeEUaXgyPd2k8uZtxqpP0GTt7fPXfSuSn1y8t9H5c8w";

    public static final List<String> CREDENTIALS = List.of(TOKEN, OTHER_PROJECT_TOKEN, EXPIRED_TOKEN, ACCOUNT_TOKEN,
            PASSWORD);

    /** standard iotda.standard.s1 x2, postPaid, ACTIVE, window 02:00-04:00 UTC, tag team=plant. */
    public static final String STANDARD = "2a2b3c4d-0000-4000-8000-000000000001";
    /** enterprise 1000tps.10wonlinedevice, prePaid (enterprise flavors are yearly/monthly only), ACTIVE, no window. */
    public static final String ENTERPRISE = "2a2b3c4d-0000-4000-8000-000000000002";
    /** standard s1 x2, prePaid (1 month), ACTIVE, window 23:00-01:00 UTC (wraps midnight). */
    public static final String PREPAID = "2a2b3c4d-0000-4000-8000-000000000003";
    /** standard s0 x1, postPaid, ACTIVE: the flavor without yearly/monthly billing. */
    public static final String S0 = "2a2b3c4d-0000-4000-8000-000000000004";
    /** standard s1 x2, postPaid, FROZEN. */
    public static final String FROZEN = "2a2b3c4d-0000-4000-8000-000000000005";
    /** Instances of one fixture each, so that fixtures answer alike in any order (as in the demo seed). */
    public static final String DELETABLE = "2a2b3c4d-0000-4000-8000-000000000006";
    public static final String DELAYED = "2a2b3c4d-0000-4000-8000-000000000007";
    public static final String CHARGE_MODE = "2a2b3c4d-0000-4000-8000-000000000008";
    public static final String CHARGE_MODE_PUT = "2a2b3c4d-0000-4000-8000-000000000009";
    /** standard s2 x4 after the seeded, completed resize {@link #HISTORY_ORDER} (from s1 x2). */
    public static final String HISTORY = "2a2b3c4d-0000-4000-8000-000000000010";
    public static final String HISTORY_ORDER = "CS2601150900HIST1";
    /** The seeded order's MODIFY task, SUCCESS. */
    public static final String HISTORY_TASK = "00000001-7a5c0f3e-1d2b-4c8a-9e6f-3b2a1c0d9e8f";
    public static final String PREPAID_RESIZE = "2a2b3c4d-0000-4000-8000-000000000011";
    public static final String ENTERPRISE_RESIZE = "2a2b3c4d-0000-4000-8000-000000000012";
    /**
     * standard s1 x2, prePaid, MODIFY_FAILED: its resize to {@link #SOLD_OUT_FLAVOR} was paid after that flavor sold
     * out, so {@link #FAILED_TASK} FAILED and {@link #FAILED_ORDER} waits for a retry or a cancel.
     */
    public static final String FAILED_RESIZE = "2a2b3c4d-0000-4000-8000-000000000013";
    public static final String FAILED_ORDER = "CS2601150900FAIL1";
    public static final String FAILED_TASK = "00000001-3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    public static final String SOLD_OUT_FLAVOR = "iotda.standard.st";
    /** standard s1 x2, prePaid, TRADING: {@link #UNPAID_ORDER}, a resize to s2 x2, awaits payment. */
    public static final String UNPAID = "2a2b3c4d-0000-4000-8000-000000000015";
    public static final String UNPAID_ORDER = "CS2601150900UNPD1";
    public static final String UNPAID_TASK = "00000001-5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c";
    /** As {@link #UNPAID}, for the billing center to pay: {@link #TO_PAY_ORDER} costs {@link #TO_PAY_AMOUNT}. */
    public static final String TO_PAY = "2a2b3c4d-0000-4000-8000-000000000016";
    public static final String TO_PAY_ORDER = "CS2601150900UNPD2";
    public static final String TO_PAY_TASK = "00000001-6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1d";
    /** As {@link #TO_PAY}, for PayOrders' older path. */
    public static final String TO_PAY_V2 = "2a2b3c4d-0000-4000-8000-000000000017";
    public static final String TO_PAY_V2_ORDER = "CS2601150900UNPD3";
    public static final String TO_PAY_V2_TASK = "00000001-7a6f5e4d-3c2b-4a1f-9e8d-7c6b5a4f3e2e";
    /** s1 x2 to s2 x2 is 1,600.00 more a month, for the month left of the subscription. */
    /**
     * An instance bought 45 days before START for 3 years (so no subscription rule reaches it in the tests), which
     * the unsubscription fixture unsubscribes.
     */
    public static final String TO_UNSUBSCRIBE = "2a2b3c4d-0000-4000-8000-000000000018";
    public static final Amount TO_PAY_AMOUNT = new Amount(160_000);
    /** The account's balance: enough for every order the tests have it pay. */
    public static final Amount BALANCE = new Amount(10_000_000_000L);
    /** An id that is valid but names no instance. */
    public static final String MISSING = "2a2b3c4d-0000-4000-8000-0000000000ff";

    public static final Instant START = Instant.parse("2026-01-15T10:00:00Z");
    /**
     * Where the seeded yearly/monthly subscriptions end: far after both the world's clock and the machine's, on
     * which the packaged functions run, so that neither sees them expire.
     */
    public static final Instant SUBSCRIBED_UNTIL = Instant.parse("2099-01-15T10:00:00Z");
    /** The region the service under test runs in (ShowInstance's region_id, the derived signing scope). */
    public static final String REGION = "cn-north-4";
    public static final Flavor S1_X2 = new Flavor("iotda.standard.s1", 2);

    private static final ObjectMapper JSON = new ObjectMapper();

    public final MutableClock clock = new MutableClock(START);
    /** The DynamoDB Local table, or null in memory. */
    public final String table;
    public final Instances instances;
    public final Orders orders;
    public final Credentials credentials;
    public final FlavorSales sales;
    public final Tasks tasks;
    public final ProcessorPasses passes;
    public final Service service;
    private final Supplier<Object> state;

    /** On a new table of DynamoDB Local. */
    public TestWorld() {
        this(LocalDynamoDb.get().client());
    }

    /**
     * On a new table of DynamoDB Local, reached through {@code client} (one with the service's settings and a
     * fault injector, say). The tests' own reads of the table ({@link #allItems()}) do not go through it.
     */
    public TestWorld(DynamoDbClient client) {
        this(client, Settings.PLAIN);
    }

    /** As {@link #TestWorld(DynamoDbClient)}, the service with {@code settings} (a credential cache, parallelism). */
    public TestWorld(DynamoDbClient client, Settings settings) {
        this(client, settings, new IdSource());
    }

    /** As {@link #TestWorld(DynamoDbClient, Settings)}, new ids from {@code ids}. */
    public TestWorld(DynamoDbClient client, Settings settings, IdSource ids) {
        this.table = LocalDynamoDb.get().createTable();
        DynamoDbStore store = new DynamoDbStore(client, table, settings.lapse());
        this.instances = store;
        this.orders = store;
        this.credentials = store;
        this.state = this::allItems;
        this.sales = store;
        this.tasks = store;
        this.passes = store;
        this.service = new Service(instances, orders, credentials, sales, tasks, store, clock, REGION, settings, ids);
        seed();
    }

    private TestWorld(InMemoryStore store) {
        this.table = null;
        this.instances = store;
        this.orders = store;
        this.credentials = store;
        this.state = store::snapshot;
        this.sales = store;
        this.tasks = store;
        this.passes = store;
        this.service = new Service(instances, orders, credentials, sales, tasks, store, clock, REGION);
        seed();
    }

    /** On the ports in memory: the same rules, no database. */
    public static TestWorld inMemory() {
        return new TestWorld(new InMemoryStore());
    }

    public static InstanceRef ref(String instanceId) {
        return new InstanceRef(PROJECT, instanceId);
    }

    /** Back to the seeded state, for a function process that outlives one test (a warm Lambda). */
    public void reset() {
        var client = LocalDynamoDb.get().client();
        for (Map<String, AttributeValue> item : allItems()) {
            client.deleteItem(request -> request.tableName(table)
                    .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        }
        seed();
    }

    /**
     * The items of a seeded table, kept from the first world on DynamoDB Local: every later world's table gets them
     * by BatchWriteItem (a few calls instead of some thirty writes and transactions), since the seed is the same.
     */
    private static List<Map<String, AttributeValue>> seededItems;

    private void seed() {
        if (table == null) {
            seedThroughTheService();
            return;
        }
        List<Map<String, AttributeValue>> items;
        synchronized (TestWorld.class) {
            if (seededItems == null) {
                seedThroughTheService();
                seededItems = allItems();
                return;
            }
            items = seededItems;
        }
        DynamoDbClient plain = LocalDynamoDb.get().client();
        for (int from = 0; from < items.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(table, items.subList(from, Math.min(items.size(), from + 25))
                    .stream().map(item -> WriteRequest.builder().putRequest(put -> put.item(item)).build()).toList());
            while (!batch.isEmpty()) {
                Map<String, List<WriteRequest>> request = batch;
                batch = plain.batchWriteItem(write -> write.requestItems(request)).unprocessedItems();
            }
        }
    }

    private void seedThroughTheService() {
        Instant created = START.minus(Duration.ofDays(30));
        Instant valid = Instant.parse("2030-01-01T00:00:00Z");
        credentials.saveToken(new StoredToken(Sha256.of(TOKEN), PROJECT, valid));
        credentials.saveToken(new StoredToken(Sha256.of(OTHER_PROJECT_TOKEN), OTHER_PROJECT, valid));
        credentials.saveToken(new StoredToken(Sha256.of(EXPIRED_TOKEN), PROJECT, START.minusSeconds(1)));
        credentials.createAccount(new Account(DOMAIN_ID, ACCOUNT, BALANCE));
        credentials.createProject(new Project(PROJECT, REGION, DOMAIN_ID));
        credentials.createUser(User.create(DOMAIN_ID, USER, "3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d",
                PasswordHash.decode(PASSWORD_HASH)));
        credentials.saveToken(new StoredToken(Sha256.of(ACCOUNT_TOKEN), PROJECT, DOMAIN_ID, USER, valid));
        OperateWindow nightly = new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 0));
        OperateWindow aroundMidnight = new OperateWindow(LocalTime.of(23, 0), LocalTime.of(1, 0));
        instances.create(standard(STANDARD).operateWindow(nightly)
                .tags(new Tags(List.of(new Tag("team", "plant")))).at(created));
        instances.create(Instance.create(ref(ENTERPRISE), Edition.ENTERPRISE,
                new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null)).name("instance-02").regionId(REGION)
                .prePaid(Subscription.expiringAt(PeriodType.YEAR, 1, true,
                        SUBSCRIBED_UNTIL)).at(created));
        instances.create(standard(PREPAID).operateWindow(aroundMidnight)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false,
                        SUBSCRIBED_UNTIL)).at(created));
        instances.create(Instance.create(ref(S0), Edition.STANDARD, new Flavor("iotda.standard.s0", 1))
                .name("instance-04").regionId(REGION).at(created));
        instances.create(standard(FROZEN).operateWindow(nightly).status(InstanceStatus.FROZEN).at(created));
        for (String id : List.of(DELETABLE, CHARGE_MODE, CHARGE_MODE_PUT, HISTORY)) {
            instances.create(standard(id).at(created));
        }
        instances.create(standard(DELAYED).operateWindow(nightly).at(created));
        instances.create(standard(PREPAID_RESIZE).operateWindow(aroundMidnight)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false,
                        SUBSCRIBED_UNTIL)).at(created));
        instances.create(Instance.create(ref(ENTERPRISE_RESIZE), Edition.ENTERPRISE,
                new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null)).name("instance-12").regionId(REGION)
                .prePaid(Subscription.expiringAt(PeriodType.YEAR, 1, true,
                        SUBSCRIBED_UNTIL)).at(created));
        // A finished order a fixture can show, placed as the API places an immediate resize.
        Instance history = instance(HISTORY);
        // On the machine's clock, not the world's: the packaged functions run on the real clock and keep a task for
        // 180 days only; the world's own clock (START) stands before it, and sees it as just made.
        Instant placed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Plan plan = Plan.of(history, new Change.Resize(new Flavor("iotda.standard.s2", 4), false, false),
                CatalogueFile.published(), placed);
        OrderId orderId = new OrderId(HISTORY_ORDER);
        TaskId taskId = new TaskId(HISTORY_TASK);
        Plan.Placement placement = plan.placement(history, orderId, taskId, placed);
        orders.place(placement.order(), placement.instance(), placement.task());

        // A task that failed: a resize awaiting payment, paid after its flavor sold out.
        instances.create(standard(FAILED_RESIZE)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false,
                        SUBSCRIBED_UNTIL)).at(created));
        Instance failing = instance(FAILED_RESIZE);
        Plan unpaid = Plan.of(failing, new Change.Resize(new Flavor(SOLD_OUT_FLAVOR, 2), false, false),
                CatalogueFile.published(), placed);
        OrderId failedOrder = new OrderId(FAILED_ORDER);
        TaskId failedTask = new TaskId(FAILED_TASK);
        Plan.Placement held = unpaid.placement(failing, failedOrder, failedTask, placed);
        orders.place(held.order(), held.instance(), held.task());
        sales.setSaleStatus(SOLD_OUT_FLAVOR, SaleStatus.SELLOUT);
        service.lifecycle().pay(failedOrder);

        // An order awaiting payment, which the billing center may pay or cancel.
        instances.create(standard(UNPAID)
                .prePaid(Subscription.expiringAt(PeriodType.MONTH, 1, false,
                        SUBSCRIBED_UNTIL)).at(created));
        Instance unpaidInstance = instance(UNPAID);
        Change unpaidResize = new Change.Resize(new Flavor("iotda.standard.s2", 2), false, false);
        // Priced as the service prices them, placed as the seed places them: not paid.
        Payment priced = new Payment(CatalogueFile.prices(), null);
        Plan.Placement awaiting = Plan.of(unpaidInstance, unpaidResize, CatalogueFile.published(), priced, placed)
                .placement(unpaidInstance, new OrderId(UNPAID_ORDER), new TaskId(UNPAID_TASK), placed);
        orders.place(awaiting.order(), awaiting.instance(), awaiting.task());
        placeToPay(TO_PAY, TO_PAY_ORDER, TO_PAY_TASK, unpaidResize, priced, created, placed);
        placeToPay(TO_PAY_V2, TO_PAY_V2_ORDER, TO_PAY_V2_TASK, unpaidResize, priced, created, placed);
        instances.create(standard(TO_UNSUBSCRIBE).prePaid(Subscription.startingAt(START.minus(Duration.ofDays(45)),
                PeriodType.YEAR, 3, false)).at(START.minus(Duration.ofDays(45))));
    }

    /** A yearly/monthly instance bought a month ago and its order {@code orderId}, awaiting payment. */
    private void placeToPay(String instanceId, String orderId, String taskId, Change change, Payment priced,
                            Instant created, Instant placed) {
        instances.create(standard(instanceId).prePaid(Subscription.startingAt(placed, PeriodType.MONTH, 1, false))
                .at(created));
        Instance toPay = instance(instanceId);
        Plan.Placement payable = Plan.of(toPay, change, CatalogueFile.published(), priced, placed)
                .placement(toPay, new OrderId(orderId), new TaskId(taskId), placed);
        orders.place(payable.order(), payable.instance(), payable.task());
    }

    private static Instance.Builder standard(String id) {
        return Instance.create(ref(id), Edition.STANDARD, S1_X2).name("instance-" + id.substring(id.length() - 2))
                .regionId(REGION);
    }

    /** Sends one request through the gateway of {@code operation}, as API Gateway would hand it to the function. */
    public Response call(Operation operation, String method, String instanceId, String body, String token) {
        return call(operation, method, PROJECT, instanceId, body, token);
    }

    public Response call(Operation operation, String method, String projectId, String instanceId, String body,
                         String token) {
        return send(operation, method, Map.of("project_id", projectId, "instance_id", instanceId), Map.of(), body,
                token);
    }

    /** Any operation: the route's path filled from {@code pathParameters}, with query parameters and a body. */
    public Response send(Operation operation, String method, Map<String, String> pathParameters,
                         Map<String, String> query, String body, String token) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("X-Auth-Token", token);
        }
        String resource = operation.routes().get(0).path();
        String path = resource;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(path)
                .withPathParameters(new HashMap<>(pathParameters))
                .withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query))
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId(UUID.randomUUID().toString()));
        APIGatewayProxyResponseEvent response = PojoEvents.handle(service.gateway(operation), event);
        try {
            JsonNode answer = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            return new Response(response.getStatusCode(), answer, response.getHeaders());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response showInstance(String instanceId) {
        return call(Operation.SHOW_INSTANCE, "GET", instanceId, null, TOKEN);
    }

    public Response showOrder(String instanceId, String orderId) {
        return send(Operation.SHOW_ORDER, "GET",
                Map.of("project_id", PROJECT, "instance_id", instanceId, "order_id", orderId), Map.of(), null, TOKEN);
    }

    public Response listOrders(String instanceId, Map<String, String> query) {
        return send(Operation.LIST_ORDERS, "GET", Map.of("project_id", PROJECT, "instance_id", instanceId), query,
                null, TOKEN);
    }

    public Response updateInstance(String instanceId, String body) {
        return call(Operation.UPDATE_INSTANCE, "PUT", instanceId, body, TOKEN);
    }

    public Response resize(String instanceId, String body) {
        return call(Operation.RESIZE, "POST", instanceId, body, TOKEN);
    }

    public Response changeChargeMode(String instanceId, String body) {
        return call(Operation.CHANGE_CHARGE_MODE, "POST", instanceId, body, TOKEN);
    }

    /** A response as the client sees it. */
    public record Response(int status, JsonNode body, Map<String, String> headers) {
        public String orderId() {
            return body.path("order_id").asText(null);
        }

        public String errorCode() {
            return body.path("error_code").asText(null);
        }

        public String errorMessage() {
            return body.path("error_msg").asText(null);
        }
    }

    /** A copy of an instance under another id, for tests that need many alike. */
    public void cloneInstance(String fromId, String newId) {
        Instance from = instance(fromId);
        instances.create(new Instance(ref(newId), from.edition(), from.flavor(), from.status(), from.profile(),
                from.billing(), OrderState.NONE, from.createTime(), from.updateTime(), null, 0, 0));
    }

    public Instance instance(String id) {
        return instances.find(ref(id)).orElseThrow();
    }

    /** Every order of an instance, newest first. */
    public List<Order> ordersOf(String instanceId) {
        List<Order> all = new ArrayList<>();
        OrderId after = null;
        do {
            Page<Order> page = orders.list(ref(instanceId), 100, after);
            all.addAll(page.items());
            after = page.next() == null ? null : new OrderId(page.next());
        } while (after != null);
        return all;
    }

    /** All that is stored, as a value: equal before and after means nothing was written. */
    public Object state() {
        return state.get();
    }

    /** Every item of the DynamoDB Local table. */
    public List<Map<String, AttributeValue>> allItems() {
        return LocalDynamoDb.get().client()
                .scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
                .items().stream().toList();
    }
}
