package cloud.iotda;

import cloud.iotda.adapter.catalogue.CatalogueFile;
import cloud.iotda.adapter.dynamodb.DynamoDbClients;
import cloud.iotda.adapter.dynamodb.DynamoDbStore;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.catalogue.FlavorCatalogue;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.instance.OperateWindow;
import cloud.iotda.domain.instance.Tag;
import cloud.iotda.domain.instance.Tags;
import cloud.iotda.domain.order.Change;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.edge.ApiGateway;
import cloud.iotda.edge.BssEndpoints;
import cloud.iotda.edge.Endpoint;
import cloud.iotda.edge.Endpoints;
import cloud.iotda.edge.IamEndpoints;
import cloud.iotda.edge.Log;
import cloud.iotda.edge.Operation;
import cloud.iotda.edge.ProcessorRun;
import cloud.iotda.edge.Views;
import cloud.iotda.edge.auth.Authenticator;
import cloud.iotda.edge.auth.CredentialCache;
import cloud.iotda.edge.auth.DerivedSigningScheme;
import cloud.iotda.edge.auth.SdkSigningScheme;
import cloud.iotda.edge.auth.TokenScheme;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.CreateInstance;
import cloud.iotda.usecase.CustomerOrders;
import cloud.iotda.usecase.CustomerResources;
import cloud.iotda.usecase.DeleteInstance;
import cloud.iotda.usecase.IdSource;
import cloud.iotda.usecase.Identity;
import cloud.iotda.usecase.InstanceFlavors;
import cloud.iotda.usecase.InstanceQueries;
import cloud.iotda.usecase.InstanceTags;
import cloud.iotda.usecase.InstanceTasks;
import cloud.iotda.usecase.OrderLifecycle;
import cloud.iotda.usecase.OrderProcessor;
import cloud.iotda.usecase.OrderQueries;
import cloud.iotda.usecase.Payers;
import cloud.iotda.usecase.PlaceOrder;
import cloud.iotda.usecase.RetryPolicy;
import cloud.iotda.usecase.Subscriptions;
import cloud.iotda.usecase.UpdateInstance;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.FlavorSales;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.ProcessorPasses;
import cloud.iotda.usecase.port.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root: reads the environment, builds the DynamoDB client and wires the use cases and the edge
 * with constructors. Every Lambda entry point builds one at init; the local API and the operator CLI build theirs.
 */
public final class Service {
    public static final String TABLE_NAME_ENV = "TABLE_NAME";

    /**
     * The region this deployment answers as: the template's {@code RegionId} parameter, handed to every function as
     * {@code REGION_ID} (the local API's {@code --region-id} sets the system property of that name).
     */
    public static final String REGION_ID_ENV = "REGION_ID";
    public static final String DEFAULT_REGION_ID = "cn-north-4";

    /**
     * The ids priming asks for: an instance and an order no tenant can have (instance ids are random UUIDs, order
     * ids carry a creation time and random letters; these are all zeros and a fixed past).
     */
    public static final String PRIMING_PROJECT_ID = "0".repeat(32);
    public static final String PRIMING_INSTANCE_ID = "00000000-0000-4000-8000-000000000000";
    public static final String PRIMING_ORDER_ID = "CS2601010000AAAAA";
    /** Enough rounds for the JIT to compile the path (bench/levers.md: 3, 25, 100 and 300 rounds measured). */
    private static final int PRIMING_ROUNDS = 100;

    private final Lapse lapse;
    private final Instances instances;
    private final Orders orders;
    private final Credentials credentials;
    private final OrderQueries orderQueries;
    private final OrderLifecycle lifecycle;
    private final OrderProcessor orderProcessor;
    private final Subscriptions subscriptions;
    private final CreateInstance createInstance;
    private final InstanceFlavors instanceFlavors;
    private final Endpoints.UseCases useCases;
    private final Endpoints endpoints;
    private final Identity identity;
    private final IamEndpoints iamEndpoints;
    private final BssEndpoints bssEndpoints;
    private final Payers payers;

    /**
     * @param regionId the region the instances live in (ShowInstance's {@code region_id}) and that derived AK/SK
     *                 signatures are scoped to
     */
    public Service(Instances instances, Orders orders, Credentials credentials, FlavorSales sales, Tasks tasks,
                   ProcessorPasses passes, Clock clock, String regionId) {
        this(instances, orders, credentials, sales, tasks, passes, clock, regionId, Settings.PLAIN);
    }

    public Service(Instances instances, Orders orders, Credentials credentials, FlavorSales sales, Tasks tasks,
                   ProcessorPasses passes, Clock clock, String regionId, Settings settings) {
        this(instances, orders, credentials, sales, tasks, passes, clock, regionId, settings, new IdSource());
    }

    /** As the one before, with new ids from {@code ids}. */
    public Service(Instances instances, Orders orders, Credentials credentials, FlavorSales sales, Tasks tasks,
                   ProcessorPasses passes, Clock clock, String regionId, Settings settings, IdSource ids) {
        this(instances, orders, credentials, sales, tasks, passes, clock, clock, regionId, settings, ids);
    }

    /**
     * As the one before, the business rules (expiry, grace, change windows, payment deadlines) on {@code clock}, and
     * what a client's credentials are checked against (a signature's date, a token's expiry, the credential cache's
     * time) on {@code credentialClock}: the local API moves the one and never the other, since clients sign with
     * theirs.
     */
    public Service(Instances instances, Orders orders, Credentials credentials, FlavorSales sales, Tasks tasks,
                   ProcessorPasses passes, Clock clock, Clock credentialClock, String regionId, Settings settings,
                   IdSource ids) {
        FlavorCatalogue catalogue = CatalogueFile.published();
        this.instanceFlavors = new InstanceFlavors(catalogue, sales);
        this.payers = new Payers(credentials, CatalogueFile.prices());
        RetryPolicy retry = RetryPolicy.standard();
        this.instances = instances;
        this.orders = orders;
        this.credentials = credentials;
        this.lapse = settings.lapse();
        this.orderQueries = new OrderQueries(instances, orders, clock, lapse);
        this.subscriptions = new Subscriptions(instances, orders, tasks, ids, clock, retry, Log::error, payers,
                lapse);
        this.lifecycle = new OrderLifecycle(instances, orders, tasks, instanceFlavors, clock, retry);
        this.orderProcessor = new OrderProcessor(instances, orders, tasks, instanceFlavors, subscriptions, passes,
                clock, retry, Log::error, settings.processorParallelism());
        this.createInstance = new CreateInstance(instances, orders, tasks, instanceFlavors, ids, clock, regionId,
                retry, payers);
        Credentials validated = CredentialCache.of(credentials, settings.authCacheTtl(), credentialClock);
        Authenticator authenticator = new Authenticator(List.of(new TokenScheme(validated, credentialClock),
                new SdkSigningScheme(validated, credentialClock),
                new DerivedSigningScheme(validated, credentialClock, regionId)), validated, regionId);
        this.useCases = new Endpoints.UseCases(
                new PlaceOrder(instances, orders, instanceFlavors, ids, clock, retry, payers),
                new UpdateInstance(instances, orders, tasks, ids, clock, retry),
                new InstanceQueries(instances), orderQueries, createInstance,
                new DeleteInstance(instances, tasks, ids, clock, retry), new InstanceTags(instances, clock, retry),
                instanceFlavors, new InstanceTasks(instances, tasks, clock), lifecycle);
        this.endpoints = new Endpoints(authenticator, catalogue, useCases);
        this.identity = new Identity(validated, ids, credentialClock);
        this.iamEndpoints = new IamEndpoints(authenticator, identity);
        this.bssEndpoints = new BssEndpoints(authenticator, identity,
                new CustomerOrders(orders, validated, lifecycle, payers),
                new CustomerResources(instances, validated, subscriptions, orders), clock);
    }

    /** How this deployment's unrenewed subscriptions lapse (its grace and retention periods). */
    public Lapse lapse() {
        return lapse;
    }

    /** The use cases as this service wires them: the operations, and the tests of their rules. */
    public Endpoints.UseCases useCases() {
        return useCases;
    }

    /** Everything on one DynamoDB table. */
    public static Service onDynamoDb(DynamoDbClient client, String tableName, Clock clock, String regionId) {
        return onDynamoDb(client, tableName, clock, regionId, Settings.PLAIN);
    }

    /** Everything on one DynamoDB table, with {@code settings}. */
    public static Service onDynamoDb(DynamoDbClient client, String tableName, Clock clock, String regionId,
                                     Settings settings) {
        DynamoDbStore store = new DynamoDbStore(client, tableName, settings.lapse());
        return new Service(store, store, store, store, store, store, clock, regionId, settings);
    }

    /**
     * The service as the local API and the operator CLI run it on DynamoDB Local: the business rules on
     * {@code clock} (the local world's one clock, which the operator moves), credentials on the real one, settings
     * from the system properties the local API sets. Never used by a Lambda function, whose clock no setting moves.
     */
    public static Service local(DynamoDbClient client, String tableName, Clock clock, String regionId) {
        Log.routeLibraryLogs();
        Settings settings = Settings.fromEnvironment();
        DynamoDbStore store = new DynamoDbStore(client, tableName, settings.lapse());
        return new Service(store, store, store, store, store, store, clock, Clock.systemUTC(), regionId, settings,
                new IdSource());
    }

    /**
     * The region this deployment answers as ({@code REGION_ID}, or the system property of that name, else
     * {@value #DEFAULT_REGION_ID}): never the AWS region it runs in, which clients of Huawei Cloud do not know.
     */
    public static String regionFromEnvironment() {
        String region = System.getenv(REGION_ID_ENV);
        if (region == null || region.isBlank()) {
            region = System.getProperty(REGION_ID_ENV);
        }
        return region == null || region.isBlank() ? DEFAULT_REGION_ID : region;
    }

    /**
     * Reads the table name from {@code TABLE_NAME}; region, credentials and (outside AWS) the endpoint come from the
     * SDK's standard settings, such as {@code AWS_REGION} and {@code AWS_ENDPOINT_URL_DYNAMODB}.
     */
    public static Service fromEnvironment() {
        Log.routeLibraryLogs();
        // The environment in Lambda; a system property where one JVM hosts several functions (the local API).
        String table = System.getenv(TABLE_NAME_ENV) != null ? System.getenv(TABLE_NAME_ENV)
                : System.getProperty(TABLE_NAME_ENV);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME_ENV + " is not set");
        }
        return onDynamoDb(DynamoDbClients.build(), table, Clock.systemUTC(), regionFromEnvironment(),
                Settings.fromEnvironment());
    }

    /**
     * Priming before a SnapStart snapshot: {@value #PRIMING_ROUNDS} rounds of {@code request} (the function's own
     * request path, refused for an unknown token after one DynamoDB read) and of a read of the priming instance, the
     * read nearly every operation makes once authenticated, so that no DynamoDB connection outlives them. Then renders
     * and maps a sample instance and order as a successful answer would. Reads nothing else and writes nothing.
     */
    public void prime(Runnable request) {
        InstanceRef ref = new InstanceRef(PRIMING_PROJECT_ID, PRIMING_INSTANCE_ID);
        DynamoDbClients.withoutKeptConnections(() -> {
            for (int round = 0; round < PRIMING_ROUNDS; round++) {
                request.run();
                instances.find(ref);
            }
        });
        renderSamples();
    }

    /** Maps and renders a sample instance and order as a successful answer would (loads and warms that path). */
    private static void renderSamples() {
        InstanceRef ref = new InstanceRef(PRIMING_PROJECT_ID, PRIMING_INSTANCE_ID);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        // As an instance usually is: with a change window and a tag, so their mappings are primed too.
        Instance instance = Instance.create(ref, Edition.STANDARD, new Flavor("iotda.standard.s1", 2))
                .name("priming").regionId("priming").postPaid()
                .operateWindow(new OperateWindow(LocalTime.of(2, 0), LocalTime.of(4, 0)))
                .tags(new Tags(List.of(new Tag("priming", "priming")))).at(at);
        Change change = new Change.Resize(new Flavor("iotda.standard.s1", 3), false, false);
        Order order = new Order(new OrderId(PRIMING_ORDER_ID), ref, change, OrderStatus.COMPLETED,
                change.fingerprint(), at, at, null, null);
        JsonTrees.write(Views.instance(instance));
        JsonTrees.write(Views.order(order));
    }

    public ApiGateway gateway(Operation operation) {
        Endpoint endpoint = switch (operation.api()) {
            case IOTDA -> endpoints.of(operation);
            case IAM -> iamEndpoints.of(operation);
            case BSS -> bssEndpoints.of(operation);
        };
        return new ApiGateway(endpoint);
    }

    /** Accounts, projects, users and their keys: the operator CLI's {@code accounts}, {@code users}, ... */
    /** Who pays a project's orders, and the price list. */
    public Payers payers() {
        return payers;
    }

    public Identity identity() {
        return identity;
    }

    /** The scheduled order processor's run. */
    public ProcessorRun processor() {
        return new ProcessorRun(orderProcessor);
    }

    /** The order processor's runs, for the operator CLI's {@code orders process-now}. */
    public OrderProcessor orderProcessor() {
        return orderProcessor;
    }

    /** Pay, cancel and a failed task's retry. */
    public OrderLifecycle lifecycle() {
        return lifecycle;
    }

    /** Renewals, auto-renewal and the list of subscriptions: the operator CLI's {@code subscriptions}. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public OrderQueries orderQueries() {
        return orderQueries;
    }

    /** CreateInstance, which the operator CLI's {@code instances create} goes through too. */
    public CreateInstance createInstance() {
        return createInstance;
    }

    /** The catalogue with its sale settings: ListInstanceFlavors and the operator CLI's {@code flavors}. */
    public InstanceFlavors instanceFlavors() {
        return instanceFlavors;
    }

    /** The instance store, for the operator CLI and seeding. */
    public Instances instances() {
        return instances;
    }

    /** The order store, for seeding. */
    public Orders orders() {
        return orders;
    }

    /** The credential store, for the operator CLI and seeding. */
    public Credentials credentials() {
        return credentials;
    }
}
