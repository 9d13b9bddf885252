package cloud.iotda.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.iotda.Settings;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.PeriodType;
import cloud.iotda.domain.instance.Subscription;
import cloud.iotda.template.Template;
import cloud.iotda.testing.FixtureAnswers;
import cloud.iotda.testing.LocalDynamoDb;
import cloud.iotda.testing.RepoFiles;
import cloud.iotda.testing.TestWorld;
import cloud.iotda.tests.bench.CapacityMeter;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB request units each operation consumes, as DynamoDB Local reports them ({@code ReturnConsumedCapacity
 * =TOTAL} on every call, through the SDK's interceptor hook): every fixture of {@code events/} that succeeds, on the
 * fixtures' world, through its function's handler on a service with the credential cache on, as a warm function
 * answers once it has seen the credential; and the processor's steps. Beside each: the minimum the data model
 * allows ({@link Minimum}) and the Lambda cost of the call. Writes the table to {@code bench.out} (bench/run) or
 * target/bench-request-units.md; in the normal tests it checks that no operation reads or writes more than its
 * minimum allows.
 */
class RequestUnitsBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The template's MemorySize for every function. */
    private static final int MEMORY_MB = 1024;

    /**
     * What an operation needs at the least in this data model, by DynamoDB's documented rules (a strongly
     * consistent read: 1 unit per 4 KB, an eventually consistent one or an index query 0.5; a write 1 unit per KB
     * and 1 per index the item is in, 2 per KB in a transaction; every item here is under 1 KB), why, and what this
     * service spends above it, if anything, and why it was left.
     */
    record Minimum(double reads, double writes, String why, double readsAbove, String above) {
        Minimum(double reads, double writes, String why) {
            this(reads, writes, why, 0, null);
        }
    }

    private static final String ORDER_WRITE = "the order (2, its ByCreateTime, ByOrderId and ByProject (the "
            + "account's order list) entries 1 each), the instance (2, ByProject 1) and the task (2) in one "
            + "transaction";

    /** What a new order writes besides: its id unique across the table by an item of its own. */
    private static final String ID_CLAIM = ", with the order id's own item (2), which keeps the id unique across the "
            + "table";

    static final Map<String, Minimum> MINIMUM = new TreeMap<>(Map.ofEntries(
            Map.entry("ShowInstance, the credential not yet cached", new Minimum(1.5, 0,
                    "the token by its hash (eventually consistent, 0.5) and the instance (strongly, 1)")),
            Map.entry("ShowInstance", new Minimum(1, 0,
                    "the instance, strongly consistent (a read after a write sees it); the credential from memory")),
            Map.entry("ListInstances", new Minimum(1, 0,
                    "the project's count of instances (0.5) and the page of its ByProject partition after the "
                            + "marker (0.5 per 4 KB), both eventually consistent, whatever the project holds")),
            Map.entry("ListInstanceFlavors", new Minimum(0.5, 0,
                    "the sale settings, one eventually consistent query of the CATALOGUE partition")),
            Map.entry("CreateInstance", new Minimum(1, 7,
                    "the sale settings, strongly consistent (an order is decided on them); the instance (2, "
                            + "ByProject 1), its CREATE task (2) and the project's count (2) in one transaction")),
            Map.entry("UpdateInstance", new Minimum(1, 2,
                    "the instance (its version decides the write) and the instance written back (1, ByProject 1)")),
            Map.entry("DeleteInstance", new Minimum(1, 6,
                    "the instance; it (2, out of ByProject), its DELETE task (2) and the project's count (2) in one "
                            + "transaction")),
            Map.entry("BindInstanceTags", new Minimum(1, 2, "the instance, and the instance written back")),
            Map.entry("UnbindInstanceTags", new Minimum(1, 2, "the instance, and the instance written back")),
            Map.entry("Resize", new Minimum(2, 12, "the instance and the sale settings, strongly consistent; "
                    + ORDER_WRITE + ID_CLAIM)),
            Map.entry("ChangeChargeMode", new Minimum(2.5, 15, "the instance and the account (its balance), "
                    + "strongly consistent, and the project that names the account (0.5); " + ORDER_WRITE
                    + ", the order also in DueOrders (1), and the amount taken from the balance (2)" + ID_CLAIM, 0.5,
                    "the project is read strongly consistent, as the store reads every credential row; it never "
                            + "changes once made")),
            Map.entry("ListOrders", new Minimum(2, 0,
                    "the instance (a deleted one's orders stay listed, an unknown one is 404) and one page of its "
                            + "orders")),
            Map.entry("ShowOrder", new Minimum(2, 0, "the instance and the order")),
            Map.entry("ListInstanceTasks", new Minimum(2, 0, "the instance (its task count) and its newest tasks")),
            Map.entry("ShowInstanceTask", new Minimum(2, 0, "the instance and the task")),
            Map.entry("RetryInstanceTask", new Minimum(4, 11, "instance, task, order and the sale settings; "
                    + ORDER_WRITE + ", the yearly/monthly instance also in DueOrders (1)")),
            Map.entry("processor: a due order executed", new Minimum(3.5, 11,
                    "the due orders' index page (0.5; the run's empty queries cost nothing on DynamoDB Local) and "
                            + "the sale settings (1); the order and its instance (the index may lag the rows); "
                            + ORDER_WRITE + ", the task ended in place (not read first); the run recorded (1)")),
            Map.entry("processor: a subscription renewed", new Minimum(4, 14,
                    "the subscriptions' index page (0.5; the run's empty queries of due orders cost nothing on "
                            + "DynamoDB Local) and the sale settings (1); the instance, then decided on as written "
                            + "(not read again); the account that pays (its balance, strongly consistent) and the "
                            + "project that names it (0.5); the RENEW "
                            + "order (2, ByCreateTime 1, ByOrderId 1, ByProject 1) and the instance (2, ByProject 1, "
                            + "DueOrders 1) "
                            + "in one transaction with the amount taken from the balance (2)" + ID_CLAIM
                            + "; the run recorded (1)", 0.5, "the project is read strongly consistent, as the store "
                            + "reads every credential row; it never changes once made"))));

    private static final String[] FIXTURES = {"list-instances.json", "list-instance-flavors.json",
        "create-instance.json", "show-instance.json", "update-instance.json", "delete-instance.json",
        "bind-tags.json", "unbind-tags.json", "resize.json", "change-charge-mode.json", "list-orders.json",
        "show-order.json", "list-instance-tasks.json", "show-instance-task.json", "retry-instance-task.json"};

    record Row(String operation, double reads, double writes, List<String> calls, double millis) {
    }

    @Test
    void requestUnitsOfEveryOperationAgainstTheMinimum() throws Exception {
        Template template = Template.load(RepoFiles.template());
        CapacityMeter meter = new CapacityMeter(template.createTableRequest("measured"));
        List<Row> rows = new ArrayList<>();
        try (DynamoDbClient client = LocalDynamoDb.serviceClient(LocalDynamoDb.get().endpoint(), List.of(meter))) {
            TestWorld world = new TestWorld(client, new Settings(Duration.ofSeconds(60), 1));
            // The first call of a function reads the credential; every fixture sends the same token.
            rows.add(call(template, world, meter, "show-instance.json", "ShowInstance, the credential not yet cached"));
            for (String file : FIXTURES) {
                rows.add(call(template, world, meter, file, null));
            }
            rows.add(processorStep(world, meter, "processor: a due order executed", w -> {
                w.resize(TestWorld.DELAYED, "{\"flavor\":{\"type\":\"iotda.standard.s1\",\"size\":8},\"delay\":true}");
                w.clock.set(Instant.parse("2026-01-16T02:30:00Z"));
            }));
            rows.add(processorStep(world, meter, "processor: a subscription renewed", w -> {
                Instant bought = Instant.parse("2025-01-31T10:00:00Z");
                w.instances.create(Instance.create(TestWorld.ref("5ab5c000-0000-4000-8000-0000000000e1"),
                        Edition.STANDARD, TestWorld.S1_X2)
                        .prePaid(Subscription.startingAt(bought, PeriodType.YEAR, 1, true)).at(bought));
                w.clock.set(Instant.parse("2026-01-31T10:00:00Z"));
            }));
        }
        String table = table(rows);
        System.out.println(table);
        String out = System.getProperty("bench.out");
        Path file = out == null ? Path.of("target/bench-request-units.md") : Path.of(out);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, table);
        List<String> off = new ArrayList<>();
        for (Row row : rows) {
            Minimum minimum = MINIMUM.get(row.operation());
            assertTrue(minimum != null, "a minimum for " + row.operation());
            // Exactly what is known: more is a regression, less means the table above is out of date.
            if (Math.abs(row.reads() - minimum.reads() - minimum.readsAbove()) > 1e-9
                    || Math.abs(row.writes() - minimum.writes()) > 1e-9) {
                off.add(row.operation() + ": " + row.reads() + " / " + row.writes() + " units, known "
                        + (minimum.reads() + minimum.readsAbove()) + " / " + minimum.writes());
            }
        }
        assertEquals(List.of(), off, table);
        assertEquals(0, meter.unreported(), "DynamoDB Local reported the capacity of every call");
    }

    /** One fixture through its function's handler, measured; named after the function unless {@code name}. */
    private static Row call(Template template, TestWorld world, CapacityMeter meter, String file, String name)
            throws Exception {
        assertEquals(2, FixtureAnswers.EXPECTED.get(file).status() / 100, file + " succeeds");
        Path path = RepoFiles.events().resolve(file);
        String json = Files.readString(path);
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent(path.toString());
        Template.Function function = Handlers.functionFor(event.getHttpMethod(), event.getResource());
        meter.reset();
        long started = System.nanoTime();
        JsonNode answer = JSON.readTree(Handlers.invoke(function, world.service, json));
        double millis = (System.nanoTime() - started) / 1e6;
        assertEquals(2, answer.get("statusCode").asInt() / 100, file + ": " + answer);
        return new Row(name != null ? name : function.logicalId().replaceFirst("Function$", ""), meter.readUnits(),
                meter.writeUnits(), meter.calls(), millis);
    }

    private static Row processorStep(TestWorld world, CapacityMeter meter, String name,
                                     Consumer<TestWorld> setup) throws Exception {
        setup.accept(world);
        meter.reset();
        long started = System.nanoTime();
        String report = world.service.processor().run(() -> true);
        double millis = (System.nanoTime() - started) / 1e6;
        assertTrue(report.contains("\"executed\":1") || report.contains("\"renewed\":1"), report);
        return new Row(name, meter.readUnits(), meter.writeUnits(), meter.calls(), millis);
    }

    /**
     * Published on-demand prices, us-east-1, as of their last change known here (DynamoDB's of November 2024;
     * Lambda's x86 price): to be checked against the pricing pages before any decision rests on them.
     */
    static final double READ_UNIT_USD = 0.125 / 1e6;
    static final double WRITE_UNIT_USD = 0.625 / 1e6;
    static final double LAMBDA_REQUEST_USD = 0.20 / 1e6;
    static final double LAMBDA_GB_SECOND_USD = 0.0000166667;

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format("Request units: each operation once, warm (the "
                + "credential cached but in the first row), on the fixtures' world; DynamoDB Local's figures for "
                + "single-item calls and queries, transactions computed from their items by DynamoDB's documented "
                + "rules (DynamoDB Local reports 4 units an item and no indexes for them). Lambda: the call's time "
                + "in this JVM on DynamoDB Local at the template's %d MB, a stand-in for the billed duration. "
                + "Prices: DynamoDB on-demand $0.125 per million read and $0.625 per million write units, Lambda "
                + "$0.20 per million requests and $0.0000166667 per GB-second (us-east-1, x86; as published since "
                + "November 2024, not checked here against today's pages).%n%n"
                + "| operation | read / write units | DynamoDB calls | minimum of the data model | above it, and why "
                + "left | Lambda GB-s | USD per million calls (DynamoDB + Lambda) | why the minimum |%n"
                + "|---|---|---|---|---|---|---|---|%n", MEMORY_MB));
        for (Row row : rows) {
            Minimum minimum = MINIMUM.get(row.operation());
            double gbSeconds = row.millis() / 1000 * MEMORY_MB / 1024.0;
            double dynamo = (row.reads() * READ_UNIT_USD + row.writes() * WRITE_UNIT_USD) * 1e6;
            double lambda = (LAMBDA_REQUEST_USD + gbSeconds * LAMBDA_GB_SECOND_USD) * 1e6;
            table.append(String.format("| %s | %.1f / %.1f | %s | %.1f / %.1f | %s | %.4f | %.2f + %.2f | %s |%n",
                    row.operation(), row.reads(), row.writes(), String.join(", ", row.calls()),
                    minimum == null ? Double.NaN : minimum.reads(), minimum == null ? Double.NaN : minimum.writes(),
                    minimum == null || minimum.above() == null ? "-"
                            : "+" + minimum.readsAbove() + " read: " + minimum.above(),
                    gbSeconds, dynamo, lambda, minimum == null ? "" : minimum.why()));
        }
        return table.toString();
    }
}
