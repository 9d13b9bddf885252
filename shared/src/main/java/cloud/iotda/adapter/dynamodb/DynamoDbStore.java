package cloud.iotda.adapter.dynamodb;

import cloud.iotda.adapter.dynamodb.internal.AccessKeyItem;
import cloud.iotda.adapter.dynamodb.internal.Failures;
import cloud.iotda.adapter.dynamodb.internal.FlavorSaleItem;
import cloud.iotda.adapter.dynamodb.internal.InstanceItem;
import cloud.iotda.adapter.dynamodb.internal.Items;
import cloud.iotda.adapter.dynamodb.internal.OrderItem;
import cloud.iotda.adapter.dynamodb.internal.Schemas;
import cloud.iotda.adapter.dynamodb.internal.TaskItem;
import cloud.iotda.adapter.dynamodb.internal.TokenItem;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.task.Task;
import cloud.iotda.domain.task.TaskId;
import cloud.iotda.domain.task.TaskStatus;
import cloud.iotda.usecase.port.Conflict;
import cloud.iotda.usecase.port.Credentials;
import cloud.iotda.usecase.port.FlavorSales;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Orders;
import cloud.iotda.usecase.port.Page;
import cloud.iotda.usecase.port.ProcessorPasses;
import cloud.iotda.usecase.port.Tasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Instances, orders and credentials in one DynamoDB table, through the Enhanced Client. */
public final class DynamoDbStore implements Instances, Orders, Credentials, FlavorSales, Tasks, ProcessorPasses {
    /** The item classes' table schemas; {@link #WRITTEN_OUT} unless a benchmark compares another way. */
    public record ItemSchemas(TableSchema<InstanceItem> instance, TableSchema<OrderItem> order,
                              TableSchema<TokenItem> token, TableSchema<AccessKeyItem> accessKey) {
    }

    public static final ItemSchemas WRITTEN_OUT = new ItemSchemas(Schemas.INSTANCE, Schemas.ORDER, Schemas.TOKEN,
            Schemas.ACCESS_KEY);
    private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbClient client;
    private final String tableName;
    private final DynamoDbTable<InstanceItem> instances;
    private final DynamoDbTable<OrderItem> orders;
    private final DynamoDbTable<TokenItem> tokens;
    private final DynamoDbTable<AccessKeyItem> accessKeys;
    private final DynamoDbTable<FlavorSaleItem> flavorSales;
    private final DynamoDbTable<TaskItem> tasks;

    public DynamoDbStore(DynamoDbClient client, String tableName) {
        this(client, tableName, WRITTEN_OUT);
    }

    public DynamoDbStore(DynamoDbClient client, String tableName, ItemSchemas schemas) {
        this.client = client;
        this.tableName = tableName;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.instances = enhanced.table(tableName, schemas.instance());
        this.orders = enhanced.table(tableName, schemas.order());
        this.tokens = enhanced.table(tableName, schemas.token());
        this.accessKeys = enhanced.table(tableName, schemas.accessKey());
        this.flavorSales = enhanced.table(tableName, Schemas.FLAVOR_SALE);
        this.tasks = enhanced.table(tableName, Schemas.TASK);
    }

    /**
     * Maps a sample of each item kind to DynamoDB's attributes and back, without a database: loads and warms what
     * reading a stored instance or order takes (SnapStart priming).
     */
    public static void warmMappings(Instance instance, Order order) {
        Items.fromItem(WRITTEN_OUT.instance().mapToItem(WRITTEN_OUT.instance().itemToMap(Items.toItem(instance),
                true)));
        Items.fromItem(WRITTEN_OUT.order().mapToItem(WRITTEN_OUT.order().itemToMap(Items.toItem(order), true)));
    }

    // --- instances ---

    @Override
    public Optional<Instance> find(InstanceRef ref) {
        InstanceItem item = Failures.call("read instance " + ref, () -> instances.getItem(request -> request
                .key(key(Items.instancePk(ref), Items.META))
                .consistentRead(true)));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public void create(Instance instance) {
        write("create instance " + instance.ref(), instanceWrite(instance, true));
    }

    @Override
    public void update(Instance changed) {
        write("update instance " + changed.ref(), instanceWrite(changed, false));
    }

    @Override
    public Page<Instance> listed(String projectId, Optional<String> before, int limit) {
        // The index holds live instances only, by record id, and may lag a write by a moment (eventually
        // consistent). A page of DynamoDB holds at most 1 MB: the query goes on until the page is full.
        QueryConditional range = before
                .map(marker -> QueryConditional.sortLessThan(Key.builder().partitionValue(projectId)
                        .sortValue(marker).build()))
                .orElse(QueryConditional.keyEqualTo(Key.builder().partitionValue(projectId).build()));
        List<Instance> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(range)
                    .scanIndexForward(false).limit(limit - found.size()).exclusiveStartKey(start).build();
            var page = Failures.call("list instances of " + projectId, () -> instances.index("ByProject")
                    .query(request).iterator().next());
            page.items().forEach(item -> found.add(Items.fromItem(item)));
            start = page.lastEvaluatedKey();
        } while (found.size() < limit && start != null);
        return new Page<>(found, start == null || found.isEmpty() ? null
                : found.get(found.size() - 1).recordId());
    }

    @Override
    public Optional<InstanceCount> counted(String projectId) {
        var read = Failures.call("count instances of " + projectId, () -> client.getItem(request -> request
                .tableName(tableName).key(Items.projectCountKey(projectId))));
        return read.hasItem() && !read.item().isEmpty() ? Optional.of(Items.instanceCount(read.item()))
                : Optional.empty();
    }

    @Override
    public Page<Instance> subscriptionsDue(Instant now, int limit, String cursor) {
        QueryConditional due = QueryConditional.sortLessThanOrEqualTo(Key.builder()
                .partitionValue(Items.SUBSCRIPTION_DUE).sortValue(Items.DUE_FORMAT.format(now)).build());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(due).limit(limit);
        if (cursor != null) {
            request.exclusiveStartKey(Items.decodeCursor(cursor));
        }
        var page = Failures.call("list due subscriptions", () -> instances.index("DueOrders")
                .query(request.build()).iterator().next());
        return new Page<>(page.items().stream().map(Items::fromItem).toList(),
                page.lastEvaluatedKey() == null ? null : Items.encodeCursor(page.lastEvaluatedKey()));
    }

    @Override
    public List<Instance> all() {
        Expression instancesOnly = Expression.builder()
                .expression("entity = :entity AND attribute_not_exists(deleteTime)")
                .expressionValues(Map.of(":entity", AttributeValue.fromS("INSTANCE"))).build();
        return Failures.call("scan instances", () -> instances.scan(request -> request
                .filterExpression(instancesOnly).consistentRead(true))
                .items().stream().map(Items::fromItem).toList());
    }

    // --- orders ---

    @Override
    public Optional<Order> find(InstanceRef instance, OrderId orderId) {
        OrderItem item = Failures.call("read order " + orderId, () -> orders.getItem(request -> request
                .key(key(Items.instancePk(instance), Items.orderSk(orderId)))
                .consistentRead(true)));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        // The id's own item names the order's instance (written with the order, strongly consistent).
        var claim = Failures.call("find order " + orderId, () -> client.getItem(request -> request
                .tableName(tableName).key(Items.orderIdKey(orderId)).consistentRead(true)));
        if (claim.hasItem() && !claim.item().isEmpty()) {
            return find(Items.instanceOfOrderId(claim.item()), orderId);
        }
        // An order placed before ids had items of their own: the index, which must name one order only. It is
        // eventually consistent: the row itself is read once the index has named it.
        List<OrderItem> indexed = Failures.call("find order " + orderId, () -> orders.index("ByOrderId")
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(
                                Key.builder().partitionValue(orderId.value()).build()))
                        .limit(2).build())
                .stream().findFirst().map(page -> page.items()).orElse(List.of()));
        if (indexed.size() > 1) {
            throw Rejected.because(Reason.ORDER_AMBIGUOUS, orderId);
        }
        return indexed.stream().findFirst()
                .flatMap(found -> find(new InstanceRef(found.getProjectId(), found.getInstanceId()), orderId));
    }

    @Override
    public Page<Order> list(InstanceRef instance, int limit, OrderId after) {
        String pk = Items.instancePk(instance);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit);
        if (after != null) {
            Optional<Order> last = find(instance, after);
            if (last.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            OrderItem item = Items.toItem(last.get());
            request.exclusiveStartKey(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(item.getSk()),
                    "createdKey", AttributeValue.fromS(item.getCreatedKey())));
        }
        var page = Failures.call("list orders of " + instance, () -> orders.index("ByCreateTime")
                .query(request.build()).iterator().next());
        List<Order> items = page.items().stream().map(Items::fromItem).toList();
        String next = page.lastEvaluatedKey() == null || items.isEmpty()
                ? null : items.get(items.size() - 1).orderId().value();
        return new Page<>(items, next);
    }

    @Override
    public Page<Order> due(OrderStatus status, Instant now, int limit, String cursor) {
        QueryConditional due = QueryConditional.sortLessThanOrEqualTo(
                Key.builder().partitionValue(status.name()).sortValue(Items.DUE_FORMAT.format(now)).build());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(due).limit(limit);
        if (cursor != null) {
            request.exclusiveStartKey(Items.decodeCursor(cursor));
        }
        var page = Failures.call("list due orders", () -> orders.index("DueOrders").query(request.build())
                .iterator().next());
        return new Page<>(page.items().stream().map(Items::fromItem).toList(),
                page.lastEvaluatedKey() == null ? null : Items.encodeCursor(page.lastEvaluatedKey()));
    }

    @Override
    public void place(Order order, Instance changed, Task task) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(orders.tableSchema(), Items.toItem(order), ABSENT));
        // The id is the order's across the table: an item keyed by the id alone, made only if it is new.
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(Items.orderIdItem(order)).conditionExpression("attribute_not_exists(pk)").build()).build());
        items.addAll(instanceWrite(changed));
        if (task != null) {
            items.add(put(tasks.tableSchema(), Items.toItem(task), null));
        }
        write("write order " + order.orderId() + " with its instance", items);
    }

    /**
     * An instance's write: the instance, only if it is still one version below (a version 0 one only if it does
     * not exist, a deleting one only if it was not deleted), and its project's count when the write creates or
     * deletes it.
     */
    private List<TransactWriteItem> instanceWrite(Instance changed) {
        return instanceWrite(changed, changed.version() == 0);
    }

    /** As {@link #instanceWrite(Instance)}; {@code created}: the instance must not exist yet, whatever its version. */
    private List<TransactWriteItem> instanceWrite(Instance changed, boolean created) {
        int countChange = created ? (changed.isDeleted() ? 0 : 1) : changed.projectCountChange();
        Expression condition = created ? ABSENT : atVersion(changed.version() - 1, countChange < 0);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(instances.tableSchema(), Items.toItem(changed), condition));
        if (countChange != 0) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                    .key(Items.projectCountKey(changed.ref().projectId()))
                    .updateExpression("SET entity = :entity ADD #edition :change")
                    .expressionAttributeNames(Map.of("#edition", changed.edition().wireName()))
                    .expressionAttributeValues(Map.of(":entity", AttributeValue.fromS(Items.PROJECT_COUNT),
                            ":change", AttributeValue.fromN(Integer.toString(countChange))))
                    .build()).build());
        }
        return items;
    }

    /** An item of a schema as a transaction's Put, with its condition (null: none). */
    private <T> TransactWriteItem put(TableSchema<T> schema, T item, Expression condition) {
        Put.Builder put = Put.builder().tableName(tableName).item(schema.itemToMap(item, true));
        if (condition != null) {
            put.conditionExpression(condition.expression());
            if (condition.expressionNames() != null && !condition.expressionNames().isEmpty()) {
                put.expressionAttributeNames(condition.expressionNames());
            }
            if (condition.expressionValues() != null && !condition.expressionValues().isEmpty()) {
                put.expressionAttributeValues(condition.expressionValues());
            }
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /**
     * Makes the writes as one: a single Put as a PutItem (half the units of a transaction), anything more as one
     * TransactWriteItems.
     */
    private void write(String what, List<TransactWriteItem> items) {
        if (items.size() == 1 && items.get(0).put() != null) {
            Put put = items.get(0).put();
            Failures.run(what, () -> client.putItem(request -> request.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames().isEmpty() ? null
                            : put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues().isEmpty() ? null
                            : put.expressionAttributeValues())));
            return;
        }
        Failures.run(what, () -> client.transactWriteItems(request -> request.transactItems(items)));
    }

    @Override
    public void apply(Order.Transition transition, List<Task> moved) {
        List<TransactWriteItem> items = transitionWrite(transition);
        moved.forEach(task -> items.add(put(tasks.tableSchema(), Items.toItem(task), null)));
        write("write order " + transition.order().orderId() + " with its instance", items);
    }

    /** The order only if it still has the status the transition is from; its instance only one version below. */
    private List<TransactWriteItem> transitionWrite(Order.Transition transition) {
        Expression stillExpected = Expression.builder()
                .expression("#status = :expected")
                .expressionNames(Map.of("#status", "status"))
                .expressionValues(Map.of(":expected", AttributeValue.fromS(transition.from().name())))
                .build();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(orders.tableSchema(), Items.toItem(transition.order()), stillExpected));
        if (transition.instance() != null) {
            items.addAll(instanceWrite(transition.instance()));
        }
        return items;
    }

    @Override
    public void apply(Order.Transition transition, Task.End end) {
        Order order = transition.order();
        List<TransactWriteItem> items = transitionWrite(transition);
        // The task's end written in place: it exists, and is still waiting (PENDING or RUNNING).
        Map<String, String> names = Map.of("#status", "status", "#detail", "statusDetail", "#start", "startTime",
                "#end", "endTime");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", AttributeValue.fromS(end.status().name()),
                ":at", AttributeValue.fromS(end.at().toString()),
                ":pending", AttributeValue.fromS(TaskStatus.PENDING.name()),
                ":running", AttributeValue.fromS(TaskStatus.RUNNING.name())));
        String detail;
        if (end.detail() == null) {
            detail = " REMOVE #detail";
        } else {
            values.put(":detail", AttributeValue.fromS(end.detail()));
            detail = ", #detail = :detail";
        }
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(Items.instancePk(order.instance())),
                "sk", AttributeValue.fromS(Items.taskSk(end.taskId().sequence().orElseThrow())));
        items.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tableName).key(key)
                .updateExpression("SET #status = :status, #end = :at, #start = if_not_exists(#start, :at)" + detail)
                .conditionExpression("attribute_exists(pk) AND (#status = :pending OR #status = :running)")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        write("write order " + order.orderId() + " with its instance and task", items);
    }

    /** At {@code version}; and, for a write that deletes the instance, not deleted already. */
    private static Expression atVersion(long version, boolean notDeleted) {
        return Expression.builder()
                .expression("#version = :expected" + (notDeleted ? " AND attribute_not_exists(deleteTime)" : ""))
                .expressionNames(Map.of("#version", "version"))
                .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version))))
                .build();
    }

    // --- credentials ---

    @Override
    public Optional<StoredToken> findToken(byte[] tokenSha256) {
        TokenItem item = Failures.call("read token", () -> tokens.getItem(key(Items.tokenPk(tokenSha256), Items.META)));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public void saveToken(StoredToken token) {
        Failures.run("save token", () -> tokens.putItem(Items.toItem(token)));
    }

    @Override
    public boolean deleteToken(byte[] tokenSha256) {
        return Failures.call("delete token", () -> tokens.deleteItem(key(Items.tokenPk(tokenSha256), Items.META)))
                != null;
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        AccessKeyItem item = Failures.call("read access key", () -> accessKeys.getItem(
                key(Items.accessKeyPk(accessKeyId), Items.META)));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public void saveAccessKey(AccessKey key) {
        Failures.run("save access key", () -> accessKeys.putItem(Items.toItem(key)));
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        return Failures.call("delete access key", () -> accessKeys.deleteItem(
                key(Items.accessKeyPk(accessKeyId), Items.META))) != null;
    }

    // --- tasks ---

    @Override
    public Optional<Task> find(InstanceRef instance, TaskId taskId) {
        Optional<Long> sequence = taskId.sequence();
        if (sequence.isEmpty()) {
            return Optional.empty(); // not an id this service hands out: no such task
        }
        TaskItem item = Failures.call("read task " + taskId, () -> tasks.getItem(request -> request
                .key(key(Items.instancePk(instance), Items.taskSk(sequence.get())))
                .consistentRead(true)));
        return Optional.ofNullable(item).filter(found -> found.getTaskId().equals(taskId.value()))
                .map(Items::fromItem);
    }

    @Override
    public List<Task> newest(InstanceRef instance, int limit) {
        return Failures.call("list tasks of " + instance, () -> tasks.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                                .partitionValue(Items.instancePk(instance)).sortValue(Items.TASK_PREFIX).build()))
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(limit)
                        .build())
                .stream().findFirst().map(page -> page.items().stream().map(Items::fromItem).toList())
                .orElse(List.of()));
    }

    @Override
    public void record(Instance changed, List<Task> made) {
        List<TransactWriteItem> items = instanceWrite(changed);
        made.forEach(task -> items.add(put(tasks.tableSchema(), Items.toItem(task), null)));
        write("write instance " + changed.ref() + (made.isEmpty() ? "" : " with its tasks"), items);
    }

    // --- processor passes ---

    @Override
    public Optional<Instant> latest() {
        Map<String, AttributeValue> item = Failures.call("read the processor's latest pass", () -> client.getItem(
                request -> request.tableName(tableName).key(Items.processorKey()).consistentRead(true)).item());
        return item == null || !item.containsKey(Items.LAST_PASS) ? Optional.empty()
                : Optional.of(Instant.parse(item.get(Items.LAST_PASS).s()));
    }

    @Override
    public void record(Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Items.processorKey());
        item.put("entity", AttributeValue.fromS("PROCESSOR"));
        item.put(Items.LAST_PASS, AttributeValue.fromS(Items.CREATED_FORMAT.format(at)));
        try {
            // Fixed-width UTC text compares as time: only a later pass replaces the one recorded.
            Failures.run("record the processor's pass", () -> client.putItem(request -> request
                    .tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #last < :at")
                    .expressionAttributeNames(Map.of("#last", Items.LAST_PASS))
                    .expressionAttributeValues(Map.of(":at", item.get(Items.LAST_PASS)))));
        } catch (Conflict later) {
            // A pass as of a later instant is recorded: it stays.
        }
    }

    // --- flavor sales ---

    @Override
    public Set<String> soldOut(boolean latest) {
        // Strongly consistent for orders: an operator's sellout holds for the next order placed.
        return Failures.call("read flavor sales", () -> flavorSales.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder()
                                .partitionValue(Items.FLAVOR_SALES_PK).build()))
                        .consistentRead(latest).build())
                .items().stream()
                .filter(item -> SaleStatus.SELLOUT.wireName().equals(item.getStatus()))
                .map(item -> item.getSk().substring(Items.FLAVOR_SALE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public void setSaleStatus(String flavorType, SaleStatus status) {
        Failures.run("set sale status of " + flavorType, () -> flavorSales.putItem(
                Items.toItem(flavorType, status)));
    }

    private static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }
}
