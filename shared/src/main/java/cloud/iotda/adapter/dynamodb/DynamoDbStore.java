package cloud.iotda.adapter.dynamodb;

import cloud.iotda.adapter.dynamodb.internal.AccountRows;
import cloud.iotda.adapter.dynamodb.internal.CredentialRows;
import cloud.iotda.adapter.dynamodb.internal.Failures;
import cloud.iotda.adapter.dynamodb.internal.InstanceRows;
import cloud.iotda.adapter.dynamodb.internal.Keys;
import cloud.iotda.adapter.dynamodb.internal.OrderRows;
import cloud.iotda.adapter.dynamodb.internal.Row;
import cloud.iotda.adapter.dynamodb.internal.TaskRows;
import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.OrderId;
import cloud.iotda.domain.Reason;
import cloud.iotda.domain.Rejected;
import cloud.iotda.domain.account.Account;
import cloud.iotda.domain.account.Project;
import cloud.iotda.domain.account.User;
import cloud.iotda.domain.billing.Amount;
import cloud.iotda.domain.billing.Charge;
import cloud.iotda.domain.catalogue.SaleStatus;
import cloud.iotda.domain.credential.AccessKey;
import cloud.iotda.domain.credential.StoredToken;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.domain.instance.Lapse;
import cloud.iotda.domain.order.Order;
import cloud.iotda.domain.order.OrderStatus;
import cloud.iotda.domain.order.Plan;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Instances, orders, tasks and credentials in one DynamoDB table. Each entity's row is mapped by its own class
 * ({@code internal/*Rows}), whose schema has the Enhanced Client read, query and write the domain values; this class
 * says what is read and written together, and under which conditions. What the Enhanced Client cannot say goes to
 * the client under it: a transaction (it may hold an update of a count or of a task in place) and the bookkeeping
 * rows that are no entity (a project's count, an order id's claim, the processor's latest pass, a flavor's sale).
 */
public final class DynamoDbStore implements Instances, Orders, Credentials, FlavorSales, Tasks, ProcessorPasses {
    private static final String FLAVOR_SALES_PK = "CATALOGUE";
    private static final String FLAVOR_SALE_PREFIX = "SALE#";
    private static final String LAST_PASS = "lastPassAt";
    private static final String NEW = "attribute_not_exists(pk)";

    private final DynamoDbClient client;
    private final String tableName;
    private final Lapse lapse;
    private final DynamoDbTable<Instance> instances;
    private final DynamoDbTable<Order> orders;
    private final DynamoDbTable<Task> tasks;
    private final DynamoDbTable<StoredToken> tokens;
    private final DynamoDbTable<AccessKey> accessKeys;

    public DynamoDbStore(DynamoDbClient client, String tableName) {
        this(client, tableName, Lapse.STANDARD);
    }

    /** The store of {@code tableName}; instances are due as subscriptions lapsing as {@code lapse} fall due. */
    public DynamoDbStore(DynamoDbClient client, String tableName, Lapse lapse) {
        this.client = client;
        this.tableName = tableName;
        this.lapse = lapse;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.instances = enhanced.table(tableName, InstanceRows.schema(lapse));
        this.orders = enhanced.table(tableName, OrderRows.SCHEMA);
        this.tasks = enhanced.table(tableName, TaskRows.SCHEMA);
        this.tokens = enhanced.table(tableName, CredentialRows.TOKEN);
        this.accessKeys = enhanced.table(tableName, CredentialRows.ACCESS_KEY);
    }

    // --- instances ---

    @Override
    public Optional<Instance> find(InstanceRef ref) {
        return Optional.ofNullable(Failures.call("read instance " + ref, () -> instances.getItem(request -> request
                .key(InstanceRows.key(ref)).consistentRead(true))));
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
            var page = Failures.call("list instances of " + projectId, () -> instances.index(Keys.BY_PROJECT)
                    .query(request).iterator().next());
            found.addAll(page.items());
            // The key itself goes on to the next query: no cursor text in between.
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                    : page.lastEvaluatedKey();
        } while (found.size() < limit && start != null);
        return new Page<>(found, start == null || found.isEmpty() ? null
                : found.get(found.size() - 1).recordId());
    }

    @Override
    public Optional<InstanceCount> counted(String projectId) {
        return get("count instances of " + projectId, InstanceRows.countKey(projectId), false)
                .map(InstanceRows::count);
    }

    @Override
    public Page<Instance> subscriptionsDue(Instant now, int limit, String cursor) {
        return due("list due subscriptions", instances, InstanceRows.SUBSCRIPTION_DUE, now, limit, cursor);
    }

    @Override
    public List<Instance> all() {
        Expression live = Expression.builder()
                .expression("#entity = :entity AND attribute_not_exists(#deleted)")
                .expressionNames(Map.of("#entity", Keys.ENTITY, "#deleted", InstanceRows.DELETE_TIME))
                .expressionValues(Map.of(":entity", AttributeValue.fromS(InstanceRows.ENTITY))).build();
        return Failures.call("scan instances", () -> instances.scan(request -> request.filterExpression(live)
                .consistentRead(true)).items().stream().toList());
    }

    // --- orders ---

    @Override
    public Optional<Order> find(InstanceRef instance, OrderId orderId) {
        return Optional.ofNullable(Failures.call("read order " + orderId, () -> orders.getItem(request -> request
                .key(OrderRows.key(instance, orderId)).consistentRead(true))));
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        // The id's own row names the order's instance (written with the order, strongly consistent).
        Optional<InstanceRef> instance = get("find order " + orderId, OrderRows.idKey(orderId), true)
                .map(OrderRows::instanceOfId);
        if (instance.isPresent()) {
            return find(instance.get(), orderId);
        }
        // An order placed before ids had rows of their own: the index, which must name one order only. It is
        // eventually consistent: the row itself is read once the index has named it.
        List<Order> indexed = firstPage("find order " + orderId, orders.index(Keys.BY_ORDER_ID),
                QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(orderId.value()).build())).limit(2).build()).items();
        if (indexed.size() > 1) {
            throw Rejected.because(Reason.ORDER_AMBIGUOUS, orderId);
        }
        return indexed.stream().findFirst().flatMap(found -> find(found.instance(), orderId));
    }

    @Override
    public Page<Order> list(InstanceRef instance, int limit, OrderId after) {
        String pk = Keys.instancePk(instance);
        Map<String, AttributeValue> start = null;
        if (after != null) {
            Optional<Order> last = find(instance, after);
            if (last.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            start = Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(Keys.orderSk(after)),
                    OrderRows.CREATED_KEY, AttributeValue.fromS(OrderRows.createdKey(last.get())));
        }
        Page<Order> page = firstPage("list orders of " + instance, orders.index(Keys.BY_CREATE_TIME),
                QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(Key.builder()
                        .partitionValue(pk).build())).scanIndexForward(false).consistentRead(true).limit(limit)
                        .exclusiveStartKey(start).build());
        List<Order> items = page.items();
        String next = page.next() == null || items.isEmpty() ? null : items.get(items.size() - 1).orderId().value();
        return new Page<>(items, next);
    }

    @Override
    public int indexForProjectLists() {
        Expression unlisted = Expression.builder()
                .expression("#entity = :entity AND attribute_not_exists(#projectKey)")
                .expressionNames(Map.of("#entity", Keys.ENTITY, "#projectKey", InstanceRows.PROJECT_KEY))
                .expressionValues(Map.of(":entity", AttributeValue.fromS(OrderRows.ENTITY))).build();
        List<Order> found = Failures.call("scan orders", () -> orders.scan(request -> request
                .filterExpression(unlisted).consistentRead(true)).items().stream().toList());
        int indexed = 0;
        for (Order order : found) {
            Map<String, AttributeValue> key = Keys.attributes(OrderRows.key(order.instance(), order.orderId()));
            try {
                // Only the two keys, only where still missing: a change made meanwhile wrote them itself.
                Failures.call("index order " + order.orderId(), () -> client.updateItem(request -> request
                        .tableName(tableName).key(key)
                        .updateExpression("SET #projectKey = :projectKey, #listedAt = :listedAt")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#projectKey)")
                        .expressionAttributeNames(Map.of("#projectKey", InstanceRows.PROJECT_KEY,
                                "#listedAt", InstanceRows.LISTED_AT))
                        .expressionAttributeValues(Map.of(
                                ":projectKey", AttributeValue.fromS(OrderRows.projectOrdersKey(
                                        order.instance().projectId())),
                                ":listedAt", AttributeValue.fromS(OrderRows.createdKey(order))))));
                indexed++;
            } catch (Conflict indexedMeanwhile) {
                // Rewritten by a change since the scan, with its keys.
            }
        }
        return indexed;
    }

    @Override
    public List<Order> ofProject(String projectId, Instant from, Instant to) {
        String partition = OrderRows.projectOrdersKey(projectId);
        // The sort key is the creation time to the nanosecond and the id: the window's ends as its prefixes ("0"
        // sorts before any year, as a key may not be empty).
        String low = from == null ? "0" : Keys.CREATED_FORMAT.format(from);
        String high = to == null ? "~" : Keys.CREATED_FORMAT.format(to) + "#~";
        QueryConditional range = QueryConditional.sortBetween(Key.builder().partitionValue(partition).sortValue(low)
                .build(), Key.builder().partitionValue(partition).sortValue(high).build());
        List<Order> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(range)
                    .scanIndexForward(false).exclusiveStartKey(start).build();
            var page = Failures.call("list orders of project " + projectId, () -> orders.index(Keys.BY_PROJECT)
                    .query(request).iterator().next());
            found.addAll(page.items());
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                    : page.lastEvaluatedKey();
        } while (start != null);
        return found;
    }

    @Override
    public Page<Order> due(OrderStatus status, Instant now, int limit, String cursor) {
        return due("list due orders", orders, status.name(), now, limit, cursor);
    }

    /** A page of the DueOrders index: the rows of {@code kind} due at {@code now} or before. */
    private <T> Page<T> due(String what, DynamoDbTable<T> table, String kind, Instant now, int limit,
                            String cursor) {
        return firstPage(what, table.index(Keys.DUE_ORDERS), QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThanOrEqualTo(Key.builder().partitionValue(kind)
                        .sortValue(Keys.DUE_FORMAT.format(now)).build()))
                .limit(limit).exclusiveStartKey(cursor == null ? null : Keys.decodeCursor(cursor)).build());
    }

    /** One page of a query: its rows and, when there are more, the cursor after them. */
    private static <T> Page<T> firstPage(String what, DynamoDbIndex<T> index, QueryEnhancedRequest request) {
        var page = Failures.call(what, () -> index.query(request).iterator().next());
        return new Page<>(page.items(), page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                : Keys.encodeCursor(page.lastEvaluatedKey()));
    }

    @Override
    public void place(Order order, Instance changed, Task task, Charge charge) {
        List<TransactWriteItem> items = placementWrite(order, changed, task);
        if (charge != null) {
            items.add(chargeWrite(charge));
        }
        write("write order " + order.orderId() + " with its instance", items);
    }

    @Override
    public void place(List<Plan.Placement> placements, Charge charge) {
        List<TransactWriteItem> items = new ArrayList<>();
        // A transaction writes an item once: the projects' counts the placements change are summed into one write
        // per project.
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Plan.Placement placement : placements) {
            Instance changed = placement.instance();
            int change = changed.version() == 0 ? (changed.isDeleted() ? 0 : 1) : changed.projectCountChange();
            if (change != 0) {
                counts.computeIfAbsent(changed.ref().projectId(), project -> new TreeMap<>())
                        .merge(changed.edition().wireName(), change, Integer::sum);
            }
            items.addAll(placementWrite(placement.order(), changed, placement.task(), false));
        }
        counts.forEach((projectId, byEdition) -> items.add(countWrite(projectId, byEdition)));
        if (charge != null) {
            items.add(chargeWrite(charge));
        }
        write("write orders " + placements.stream().map(placement -> placement.order().orderId().value()).toList()
                + " with their instances", items);
    }

    private List<TransactWriteItem> placementWrite(Order order, Instance changed, Task task) {
        return placementWrite(order, changed, task, true);
    }

    /** {@code counted}: with the write of the project's count when the instance is made or deleted. */
    private List<TransactWriteItem> placementWrite(Order order, Instance changed, Task task, boolean counted) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(OrderRows.toItem(order), NEW, Map.of()));
        // The id is the order's across the table: a row keyed by the id alone, made only if it is new.
        items.add(put(OrderRows.idItem(order), NEW, Map.of()));
        List<TransactWriteItem> instance = instanceWrite(changed, changed.version() == 0);
        items.addAll(counted ? instance : instance.subList(0, 1));
        if (task != null) {
            items.add(put(TaskRows.toItem(task), null, Map.of()));
        }
        return items;
    }

    /**
     * The amount taken from the account's balance in place, only if the balance still holds it; a refund given back,
     * only to an account that exists.
     */
    private TransactWriteItem chargeWrite(Charge charge) {
        if (charge.refund()) {
            return TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                    .key(AccountRows.accountKey(charge.domainId()))
                    .updateExpression("ADD #balance :amount")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#balance", AccountRows.BALANCE))
                    .expressionAttributeValues(Map.of(":amount",
                            AttributeValue.fromN(Long.toString(charge.amount().hundredths()))))
                    .build()).build();
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(AccountRows.accountKey(charge.domainId()))
                .updateExpression("SET #balance = #balance - :amount")
                .conditionExpression("#balance >= :amount")
                .expressionAttributeNames(Map.of("#balance", AccountRows.BALANCE))
                .expressionAttributeValues(Map.of(":amount",
                        AttributeValue.fromN(Long.toString(charge.amount().hundredths()))))
                .build()).build();
    }

    /**
     * An instance's write: the instance, only if it is still one version below (a new one only if it does not exist,
     * a deleting one only if it was not deleted), and its project's count when the write creates or deletes it.
     * {@code created}: the instance must not exist yet, whatever its version.
     */
    private List<TransactWriteItem> instanceWrite(Instance changed, boolean created) {
        int countChange = created ? (changed.isDeleted() ? 0 : 1) : changed.projectCountChange();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(created ? put(InstanceRows.toItem(changed, lapse), NEW, Map.of())
                : put(InstanceRows.toItem(changed, lapse), "#version = :expected"
                        + (countChange < 0 ? " AND attribute_not_exists(" + InstanceRows.DELETE_TIME + ")" : ""),
                        Map.of(":expected", AttributeValue.fromN(Long.toString(changed.version() - 1)))));
        if (countChange != 0) {
            items.add(countWrite(changed.ref().projectId(), Map.of(changed.edition().wireName(), countChange)));
        }
        return items;
    }

    /** The project's instance counts changed by {@code byEdition} (edition -> change), as one write. */
    private TransactWriteItem countWrite(String projectId, Map<String, Integer> byEdition) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":entity", AttributeValue.fromS(InstanceRows.PROJECT_COUNT));
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Integer> edition : byEdition.entrySet()) {
            names.put("#edition" + i, edition.getKey());
            values.put(":change" + i, AttributeValue.fromN(Integer.toString(edition.getValue())));
            adds.add("#edition" + i + " :change" + i);
            i++;
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(InstanceRows.countKey(projectId))
                .updateExpression("SET entity = :entity ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /**
     * A row as a transaction's Put, with its condition (null: none) and the condition's values; the condition may
     * name {@code #version} and {@code #status}.
     */
    private TransactWriteItem put(Map<String, AttributeValue> item, String condition,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tableName).item(item).conditionExpression(condition);
        Map<String, String> names = new HashMap<>();
        if (condition != null && condition.contains("#version")) {
            names.put("#version", InstanceRows.VERSION);
        }
        if (condition != null && condition.contains("#status")) {
            names.put("#status", OrderRows.STATUS);
        }
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
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
                    .expressionAttributeNames(put.hasExpressionAttributeNames() ? put.expressionAttributeNames()
                            : null)
                    .expressionAttributeValues(put.hasExpressionAttributeValues()
                            ? put.expressionAttributeValues() : null)));
            return;
        }
        Failures.run(what, () -> client.transactWriteItems(request -> request.transactItems(items)));
    }

    @Override
    public void apply(Order.Transition transition, List<Task> moved) {
        List<TransactWriteItem> items = transitionWrite(transition);
        moved.forEach(task -> items.add(put(TaskRows.toItem(task), null, Map.of())));
        write("write order " + transition.order().orderId() + " with its instance", items);
    }

    /** The order only if it still has the status the transition is from; its instance only one version below. */
    private List<TransactWriteItem> transitionWrite(Order.Transition transition) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(OrderRows.toItem(transition.order()), "#status = :expected",
                Map.of(":expected", AttributeValue.fromS(transition.from().name()))));
        if (transition.instance() != null) {
            items.addAll(instanceWrite(transition.instance(), false));
        }
        if (transition.charge() != null) {
            items.add(chargeWrite(transition.charge()));
        }
        return items;
    }

    @Override
    public void apply(Order.Transition transition, Task.End end) {
        Order order = transition.order();
        List<TransactWriteItem> items = transitionWrite(transition);
        // The task's end written in place: it exists, and is still waiting (PENDING or RUNNING).
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
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Keys.attributes(TaskRows.key(order.instance(), end.taskId().sequence().orElseThrow())))
                .updateExpression("SET #status = :status, #end = :at, #start = if_not_exists(#start, :at)" + detail)
                .conditionExpression("attribute_exists(pk) AND (#status = :pending OR #status = :running)")
                .expressionAttributeNames(Map.of("#status", TaskRows.STATUS, "#detail", TaskRows.STATUS_DETAIL,
                        "#start", TaskRows.START_TIME, "#end", TaskRows.END_TIME))
                .expressionAttributeValues(values).build()).build());
        write("write order " + order.orderId() + " with its instance and task", items);
    }

    // --- credentials ---

    @Override
    public Optional<StoredToken> findToken(byte[] tokenSha256) {
        return Optional.ofNullable(Failures.call("read token", () -> tokens.getItem(
                CredentialRows.tokenKey(tokenSha256))));
    }

    @Override
    public void saveToken(StoredToken token) {
        Failures.run("save token", () -> tokens.putItem(token));
    }

    @Override
    public boolean deleteToken(byte[] tokenSha256) {
        return Failures.call("delete token", () -> tokens.deleteItem(CredentialRows.tokenKey(tokenSha256)))
                != null;
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        return Optional.ofNullable(Failures.call("read access key", () -> accessKeys.getItem(
                CredentialRows.accessKeyKey(accessKeyId))));
    }

    @Override
    public void saveAccessKey(AccessKey key) {
        if (key.domainId() == null) {
            Failures.run("save access key", () -> accessKeys.putItem(key));
            return;
        }
        write("save access key", List.of(put(CredentialRows.toItem(key), null, Map.of()),
                put(AccountRows.keyItem(key), null, Map.of())));
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        Optional<AccessKey> found = findAccessKey(accessKeyId);
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().domainId() != null) {
            Failures.run("delete access key", () -> client.transactWriteItems(request -> request.transactItems(
                    TransactWriteItem.builder().delete(delete -> delete.tableName(tableName)
                            .key(Keys.attributes(CredentialRows.accessKeyKey(accessKeyId)))).build(),
                    TransactWriteItem.builder().delete(delete -> delete.tableName(tableName)
                            .key(AccountRows.keyItemKey(found.get()))).build())));
            return true;
        }
        return Failures.call("delete access key", () -> accessKeys.deleteItem(
                CredentialRows.accessKeyKey(accessKeyId))) != null;
    }

    @Override
    public List<AccessKey> keysOf(String domainId, String userName) {
        return query("list access keys of " + userName, AccountRows.accountPartition(domainId),
                AccountRows.keyPrefix(userName)).stream()
                .map(item -> findAccessKey(item.get("accessKeyId").s())).flatMap(Optional::stream).toList();
    }

    @Override
    public List<User> usersNamed(String name) {
        return Failures.call("find users named " + name, () -> client.scanPaginator(request -> request
                .tableName(tableName).consistentRead(true).filterExpression("entity = :user AND #name = :name")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":user", AttributeValue.fromS("USER"),
                        ":name", AttributeValue.fromS(name))))
                .items().stream().map(AccountRows::user).toList());
    }

    /** The items of a partition whose sort keys begin with {@code prefix}, read consistently. */
    private List<Map<String, AttributeValue>> query(String what, String pk, String prefix) {
        return Failures.call(what, () -> client.queryPaginator(request -> request
                .tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                        ":prefix", AttributeValue.fromS(prefix))))
                .items().stream().toList());
    }

    // --- accounts ---

    @Override
    public Optional<Account> findAccount(String domainId) {
        return get("read account", AccountRows.accountKey(domainId), true).map(AccountRows::account);
    }

    @Override
    public Optional<Account> findAccountByName(String name) {
        return get("read account by name", AccountRows.nameKey(name), true).map(AccountRows::account);
    }

    @Override
    public void createAccount(Account account) {
        write("create account " + account.name(), List.of(put(AccountRows.toItem(account), NEW, Map.of()),
                put(AccountRows.nameItem(account), NEW, Map.of())));
    }

    @Override
    public Optional<Account> topUp(String domainId, Amount amount) {
        try {
            var updated = Failures.call("top up account " + domainId, () -> client.updateItem(request -> request
                    .tableName(tableName).key(AccountRows.accountKey(domainId))
                    .updateExpression("ADD #balance :amount")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#balance", AccountRows.BALANCE))
                    .expressionAttributeValues(Map.of(":amount",
                            AttributeValue.fromN(Long.toString(amount.hundredths()))))
                    .returnValues(ReturnValue.ALL_NEW)));
            return Optional.of(AccountRows.account(updated.attributes()));
        } catch (Conflict noSuchAccount) {
            return Optional.empty();
        }
    }

    @Override
    public List<Project> projectsOf(String domainId) {
        return query("list projects of " + domainId, AccountRows.accountPartition(domainId),
                AccountRows.projectPrefix()).stream().map(AccountRows::project).toList();
    }

    @Override
    public Optional<Project> findProject(String projectId) {
        return get("read project", AccountRows.projectIdKey(projectId), true).map(AccountRows::project);
    }

    @Override
    public void createProject(Project project) {
        write("create project " + project.projectId(), List.of(put(AccountRows.toItem(project), NEW, Map.of()),
                put(AccountRows.idItem(project), NEW, Map.of()),
                TransactWriteItem.builder().conditionCheck(check -> check.tableName(tableName)
                        .key(AccountRows.accountKey(project.domainId())).conditionExpression("attribute_exists(pk)"))
                        .build()));
    }

    @Override
    public Optional<User> findUser(String domainId, String name) {
        return get("read user", AccountRows.userKey(domainId, name), true).map(AccountRows::user);
    }

    @Override
    public void createUser(User user) {
        write("create user " + user.name(), List.of(put(AccountRows.toItem(user), NEW, Map.of()),
                TransactWriteItem.builder().conditionCheck(check -> check.tableName(tableName)
                        .key(AccountRows.accountKey(user.domainId())).conditionExpression("attribute_exists(pk)"))
                        .build()));
    }

    @Override
    public boolean updateUser(User user) {
        try {
            write("update user " + user.name(), List.of(put(AccountRows.toItem(user), "#version = :before",
                    Map.of(":before", AttributeValue.fromN(Long.toString(user.version() - 1))))));
            return true;
        } catch (Conflict lost) {
            return false;
        }
    }

    // --- tasks ---

    @Override
    public Optional<Task> find(InstanceRef instance, TaskId taskId) {
        Optional<Long> sequence = taskId.sequence();
        if (sequence.isEmpty()) {
            return Optional.empty(); // not an id this service hands out: no such task
        }
        return Optional.ofNullable(Failures.call("read task " + taskId, () -> tasks.getItem(request -> request
                .key(TaskRows.key(instance, sequence.get())).consistentRead(true))))
                .filter(found -> found.taskId().equals(taskId));
    }

    @Override
    public List<Task> newest(InstanceRef instance, int limit) {
        return Failures.call("list tasks of " + instance, () -> tasks.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                        .partitionValue(Keys.instancePk(instance)).sortValue(TaskRows.PREFIX).build()))
                .scanIndexForward(false).consistentRead(true).limit(limit).build()).iterator().next().items());
    }

    @Override
    public void record(Instance changed, List<Task> made) {
        List<TransactWriteItem> items = instanceWrite(changed, changed.version() == 0);
        made.forEach(task -> items.add(put(TaskRows.toItem(task), null, Map.of())));
        write("write instance " + changed.ref() + (made.isEmpty() ? "" : " with its tasks"), items);
    }

    // --- processor passes ---

    @Override
    public Optional<Instant> latest() {
        return get("read the processor's latest pass", Keys.attributes(Keys.key("PROCESSOR", Keys.META)), true)
                .map(item -> Row.read(item).instant(LAST_PASS));
    }

    @Override
    public void record(Instant at) {
        Map<String, AttributeValue> item = Row.of("PROCESSOR", Keys.META, "PROCESSOR")
                .put(LAST_PASS, Keys.CREATED_FORMAT.format(at)).item();
        try {
            // Fixed-width UTC text compares as time: only a later pass replaces the one recorded.
            Failures.run("record the processor's pass", () -> client.putItem(request -> request
                    .tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #last < :at")
                    .expressionAttributeNames(Map.of("#last", LAST_PASS))
                    .expressionAttributeValues(Map.of(":at", item.get(LAST_PASS)))));
        } catch (Conflict later) {
            // A pass as of a later instant is recorded: it stays.
        }
    }

    // --- flavor sales ---

    @Override
    public Set<String> soldOut(boolean latest) {
        // Strongly consistent for orders: an operator's sellout holds for the next order placed.
        return Failures.call("read flavor sales", () -> client.queryPaginator(request -> request
                        .tableName(tableName).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FLAVOR_SALES_PK)))
                        .consistentRead(latest))
                .items().stream().map(Row::read)
                .filter(row -> SaleStatus.SELLOUT.wireName().equals(row.text("status")))
                .map(row -> row.text(Keys.SK).substring(FLAVOR_SALE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public void setSaleStatus(String flavorType, SaleStatus status) {
        Map<String, AttributeValue> item = Row.of(FLAVOR_SALES_PK, FLAVOR_SALE_PREFIX + flavorType, "FLAVOR_SALE")
                .put("status", status.wireName()).item();
        Failures.run("set sale status of " + flavorType, () -> client.putItem(request -> request
                .tableName(tableName).item(item)));
    }

    // --- the table ---

    /** A bookkeeping row by its key. */
    private Optional<Map<String, AttributeValue>> get(String what, Map<String, AttributeValue> key,
                                                      boolean consistent) {
        var read = Failures.call(what, () -> client.getItem(request -> request.tableName(tableName).key(key)
                .consistentRead(consistent ? Boolean.TRUE : null)));
        return read.hasItem() && !read.item().isEmpty() ? Optional.of(read.item()) : Optional.empty();
    }
}
