package cloud.iotda.dynamodb;

import cloud.iotda.auth.CredentialStore;
import cloud.iotda.dynamodb.internal.AccessKeyItem;
import cloud.iotda.dynamodb.internal.InstanceItem;
import cloud.iotda.dynamodb.internal.Items;
import cloud.iotda.dynamodb.internal.OrderItem;
import cloud.iotda.dynamodb.internal.TokenItem;
import cloud.iotda.instance.Instance;
import cloud.iotda.order.Order;
import cloud.iotda.order.OrderStatus;
import cloud.iotda.order.OrderStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Instances, orders and credentials in one DynamoDB table, through the Enhanced Client. */
public final class DynamoDbStore implements OrderStore, CredentialStore {
    // Static: building a bean schema is reflective work, done once per JVM (Lambda init, before the snapshot).
    private static final TableSchema<InstanceItem> INSTANCE_SCHEMA = TableSchema.fromBean(InstanceItem.class);
    private static final TableSchema<OrderItem> ORDER_SCHEMA = TableSchema.fromBean(OrderItem.class);
    private static final TableSchema<TokenItem> TOKEN_SCHEMA = TableSchema.fromBean(TokenItem.class);
    private static final TableSchema<AccessKeyItem> ACCESS_KEY_SCHEMA = TableSchema.fromBean(AccessKeyItem.class);

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<InstanceItem> instances;
    private final DynamoDbTable<OrderItem> orders;
    private final DynamoDbTable<TokenItem> tokens;
    private final DynamoDbTable<AccessKeyItem> accessKeys;

    public DynamoDbStore(DynamoDbClient client, String tableName) {
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.instances = enhanced.table(tableName, INSTANCE_SCHEMA);
        this.orders = enhanced.table(tableName, ORDER_SCHEMA);
        this.tokens = enhanced.table(tableName, TOKEN_SCHEMA);
        this.accessKeys = enhanced.table(tableName, ACCESS_KEY_SCHEMA);
    }

    @Override
    public Optional<Instance> findInstance(String projectId, String instanceId) {
        InstanceItem item = instances.getItem(request -> request
                .key(key(Items.instancePk(projectId, instanceId), Items.META))
                .consistentRead(true));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    /** Creates an instance that does not exist yet (seeding, the operator CLI). */
    public void createInstance(Instance instance) {
        instances.putItem(request -> request
                .item(Items.toItem(instance))
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()));
    }

    @Override
    public void commit(Order order, Instance changed) {
        Expression newOrder = Expression.builder().expression("attribute_not_exists(pk)").build();
        Expression unchangedInstance = atVersion(changed.version() - 1);
        try {
            enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(orders, TransactPutItemEnhancedRequest.builder(OrderItem.class)
                            .item(Items.toItem(order)).conditionExpression(newOrder).build())
                    .addPutItem(instances, TransactPutItemEnhancedRequest.builder(InstanceItem.class)
                            .item(Items.toItem(changed)).conditionExpression(unchangedInstance).build())
                    .build());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean orderIdTaken = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
            throw new Conflict(orderIdTaken);
        }
    }

    @Override
    public void transition(Order order, OrderStatus expectedStatus, Instance changed) {
        Expression stillExpected = Expression.builder()
                .expression("#status = :expected")
                .expressionNames(Map.of("#status", "status"))
                .expressionValues(Map.of(":expected", AttributeValue.fromS(expectedStatus.name())))
                .build();
        TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(orders, TransactPutItemEnhancedRequest.builder(OrderItem.class)
                        .item(Items.toItem(order)).conditionExpression(stillExpected).build());
        if (changed != null) {
            request.addPutItem(instances, TransactPutItemEnhancedRequest.builder(InstanceItem.class)
                    .item(Items.toItem(changed)).conditionExpression(atVersion(changed.version() - 1)).build());
        }
        try {
            enhanced.transactWriteItems(request.build());
        } catch (TransactionCanceledException e) {
            throw new Conflict(false);
        }
    }

    @Override
    public void saveInstance(Instance changed) {
        try {
            instances.putItem(request -> request.item(Items.toItem(changed))
                    .conditionExpression(atVersion(changed.version() - 1)));
        } catch (ConditionalCheckFailedException e) {
            throw new Conflict(false);
        }
    }

    private static Expression atVersion(long version) {
        return Expression.builder()
                .expression("#version = :expected")
                .expressionNames(Map.of("#version", "version"))
                .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version))))
                .build();
    }

    @Override
    public Optional<Order> findOrder(String projectId, String instanceId, String orderId) {
        OrderItem item = orders.getItem(request -> request
                .key(key(Items.instancePk(projectId, instanceId), Items.ORDER_PREFIX + orderId))
                .consistentRead(true));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public Optional<Order> findOrderById(String orderId) {
        // The index is eventually consistent: read the row itself once the index has named it.
        return orders.index("ByOrderId")
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(orderId).build()))
                        .limit(1).build())
                .stream().flatMap(page -> page.items().stream()).findFirst()
                .flatMap(found -> findOrder(found.getProjectId(), found.getInstanceId(), orderId));
    }

    @Override
    public Page<Order> listOrders(String projectId, String instanceId, int limit, String afterOrderId) {
        String pk = Items.instancePk(projectId, instanceId);
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit);
        if (afterOrderId != null) {
            Optional<Order> after = findOrder(projectId, instanceId, afterOrderId);
            if (after.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            OrderItem item = Items.toItem(after.get());
            request.exclusiveStartKey(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(item.getSk()),
                    "createdKey", AttributeValue.fromS(item.getCreatedKey())));
        }
        var page = orders.index("ByCreateTime").query(request.build()).iterator().next();
        List<Order> items = ordersOf(page);
        String next = page.lastEvaluatedKey() == null || items.isEmpty() ? null : items.get(items.size() - 1).orderId();
        return new Page<>(items, next);
    }

    @Override
    public Page<Order> dueOrders(OrderStatus status, Instant now, int limit, String cursor) {
        QueryConditional due = QueryConditional.sortLessThanOrEqualTo(
                Key.builder().partitionValue(status.name()).sortValue(Items.DUE_FORMAT.format(now)).build());
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder().queryConditional(due).limit(limit);
        if (cursor != null) {
            request.exclusiveStartKey(Items.decodeCursor(cursor));
        }
        var page = orders.index("DueOrders").query(request.build()).iterator().next();
        return new Page<>(ordersOf(page), page.lastEvaluatedKey() == null ? null : Items.encodeCursor(page.lastEvaluatedKey()));
    }

    @Override
    public List<Order> ordersOf(String projectId, String instanceId) {
        QueryConditional inInstance = QueryConditional.sortBeginsWith(
                key(Items.instancePk(projectId, instanceId), Items.ORDER_PREFIX));
        return orders.query(QueryEnhancedRequest.builder().queryConditional(inInstance).consistentRead(true).build())
                .items().stream().map(Items::fromItem).toList();
    }

    @Override
    public Optional<StoredToken> findToken(byte[] tokenSha256) {
        TokenItem item = tokens.getItem(key(Items.tokenPk(tokenSha256), Items.META));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public void saveToken(StoredToken token) {
        tokens.putItem(Items.toItem(token));
    }

    @Override
    public boolean deleteToken(byte[] tokenSha256) {
        return tokens.deleteItem(key(Items.tokenPk(tokenSha256), Items.META)) != null;
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        AccessKeyItem item = accessKeys.getItem(key(Items.accessKeyPk(accessKeyId), Items.META));
        return Optional.ofNullable(item).map(Items::fromItem);
    }

    @Override
    public void saveAccessKey(AccessKey key) {
        accessKeys.putItem(Items.toItem(key));
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        return accessKeys.deleteItem(key(Items.accessKeyPk(accessKeyId), Items.META)) != null;
    }

    /** Every instance, for the operator CLI; a scan, so not for the request path. */
    public List<Instance> allInstances() {
        Expression instancesOnly = Expression.builder().expression("entity = :entity")
                .expressionValues(Map.of(":entity", AttributeValue.fromS("INSTANCE"))).build();
        return instances.scan(request -> request.filterExpression(instancesOnly).consistentRead(true))
                .items().stream().map(Items::fromItem).toList();
    }

    private static List<Order> ordersOf(software.amazon.awssdk.enhanced.dynamodb.model.Page<OrderItem> page) {
        return page.items().stream().map(Items::fromItem).toList();
    }

    private static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }
}
