package cloud.iotda.tests.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Asks DynamoDB for the capacity each call consumes ({@code ReturnConsumedCapacity=TOTAL}, set on the way out by the
 * SDK's interceptor hook, so the service's code is unchanged) and adds up what the answers report: read and write
 * request units, and each call's operation name. DynamoDB Local's figures follow DynamoDB's documented rules for
 * single-item reads and writes and queries (indexes included), but not for transactions: it reports 4 units for
 * every item of a TransactWriteItems, whatever its size, and leaves out the indexes. A transaction's units are
 * therefore computed from its items by the documented rules instead: 2 write units per KB of each item written to
 * the table, and 1 per KB of what each index it lands in projects of it ({@link #computedTransactions}).
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private final List<String> calls = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<String> tableKeys;
    private int computedTransactions;

    /** An index as the table defines it: the attribute that puts an item in it, and what it projects. */
    private record Index(String name, List<String> keys, ProjectionType projection, List<String> included) {
    }

    public CapacityMeter(CreateTableRequest table) {
        tableKeys = table.keySchema().stream().map(KeySchemaElement::attributeName).toList();
        table.globalSecondaryIndexes().forEach(index -> indexes.add(new Index(index.indexName(),
                index.keySchema().stream().map(KeySchemaElement::attributeName).toList(),
                index.projection().projectionType(), index.projection().nonKeyAttributes())));
        table.localSecondaryIndexes().forEach(index -> indexes.add(new Index(index.indexName(),
                index.keySchema().stream().map(KeySchemaElement::attributeName).toList(),
                index.projection().projectionType(), index.projection().nonKeyAttributes())));
    }
    private double readUnits;
    private double writeUnits;
    private int unreported;

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof ScanRequest scan) {
            return scan.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof TransactWriteItemsRequest transact) {
            return transact.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.add(context.request().getClass().getSimpleName().replace("Request", ""));
        Object response = context.response();
        ConsumedCapacity reported = null;
        if (response instanceof GetItemResponse get) {
            reported = get.consumedCapacity();
        } else if (response instanceof PutItemResponse put) {
            reported = put.consumedCapacity();
        } else if (response instanceof DeleteItemResponse delete) {
            reported = delete.consumedCapacity();
        } else if (response instanceof QueryResponse query) {
            reported = query.consumedCapacity();
        } else if (response instanceof ScanResponse scan) {
            reported = scan.consumedCapacity();
        } else if (response instanceof TransactWriteItemsResponse) {
            writeUnits += transactionUnits((TransactWriteItemsRequest) context.request());
            computedTransactions++;
            return;
        }
        if (reported != null) {
            add(reported, response instanceof GetItemResponse || response instanceof QueryResponse
                    || response instanceof ScanResponse);
        } else {
            unreported++;
        }
    }

    /** A transaction's write units by the documented rules, from the items it writes. */
    private double transactionUnits(TransactWriteItemsRequest request) {
        double units = 0;
        for (TransactWriteItem item : request.transactItems()) {
            if (item.put() != null) {
                Map<String, AttributeValue> written = item.put().item();
                units += 2 * kilobytes(size(written));
                for (Index index : indexes) {
                    if (written.keySet().containsAll(index.keys())) {
                        units += kilobytes(size(projected(written, index)));
                    }
                }
            } else if (item.conditionCheck() != null) {
                units += 2;
            } else {
                // An update (a task ended in place, a project's count) or a delete: its item is under 1 KB here,
                // a unit, doubled in a transaction.
                units += 2;
            }
        }
        return units;
    }

    private Map<String, AttributeValue> projected(Map<String, AttributeValue> item, Index index) {
        if (index.projection() == ProjectionType.ALL) {
            return item;
        }
        Map<String, AttributeValue> projected = new HashMap<>();
        List<String> kept = new ArrayList<>(tableKeys);
        kept.addAll(index.keys());
        if (index.projection() == ProjectionType.INCLUDE) {
            kept.addAll(index.included());
        }
        kept.stream().filter(item::containsKey).forEach(name -> projected.put(name, item.get(name)));
        return projected;
    }

    private static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /** An item's size by DynamoDB's documented rules: names and values, as UTF-8. */
    static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + size(attribute.getValue());
        }
        return bytes;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            // Up to 38 significant digits, about one byte per two digits, plus one.
            long digits = value.n().replaceAll("[^0-9]", "").replaceFirst("^0+", "").length();
            return (digits + 1) / 2 + 1;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasL()) {
            long bytes = 3;
            for (AttributeValue element : value.l()) {
                bytes += 1 + size(element);
            }
            return bytes;
        }
        if (value.hasM()) {
            long bytes = 3;
            for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                bytes += 1 + entry.getKey().getBytes(StandardCharsets.UTF_8).length + size(entry.getValue());
            }
            return bytes;
        }
        return value.b() == null ? 0 : value.b().asByteArray().length;
    }

    /** How many transactions' units were computed from their items rather than read off DynamoDB Local's answer. */
    public synchronized int computedTransactions() {
        return computedTransactions;
    }

    private void add(ConsumedCapacity capacity, boolean read) {
        if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
            readUnits += capacity.readCapacityUnits() == null ? 0 : capacity.readCapacityUnits();
            writeUnits += capacity.writeCapacityUnits() == null ? 0 : capacity.writeCapacityUnits();
        } else if (capacity.capacityUnits() != null) {
            if (read) {
                readUnits += capacity.capacityUnits();
            } else {
                writeUnits += capacity.capacityUnits();
            }
        } else {
            unreported++;
        }
    }

    public synchronized void reset() {
        calls.clear();
        readUnits = 0;
        writeUnits = 0;
        unreported = 0;
        computedTransactions = 0;
    }

    public synchronized double readUnits() {
        return readUnits;
    }

    public synchronized double writeUnits() {
        return writeUnits;
    }

    /** Calls whose answer reported no capacity (DynamoDB Local leaves some out). */
    public synchronized int unreported() {
        return unreported;
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
