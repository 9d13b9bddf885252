package cloud.iotda.adapter.dynamodb.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An entity's mapping as the Enhanced Client's table schema, so that the client reads, writes and queries the domain
 * values themselves: no bean, no attribute list kept beside the mapping.
 */
public final class RowSchema<T> implements TableSchema<T> {
    private final EnhancedType<T> type;
    private final Function<T, Map<String, AttributeValue>> toItem;
    private final Function<Map<String, AttributeValue>, T> fromItem;
    private final TableMetadata metadata;

    private RowSchema(Class<T> type, Function<T, Map<String, AttributeValue>> toItem,
                      Function<Map<String, AttributeValue>, T> fromItem, TableMetadata metadata) {
        this.type = EnhancedType.of(type);
        this.toItem = toItem;
        this.fromItem = fromItem;
        this.metadata = metadata;
    }

    /** A schema of the single table's key ({@code pk}, {@code sk}) and {@code indexes}: name, key attributes. */
    public static <T> RowSchema<T> of(Class<T> type, Function<T, Map<String, AttributeValue>> toItem,
                                      Function<Map<String, AttributeValue>, T> fromItem, Index... indexes) {
        StaticTableMetadata.Builder keys = StaticTableMetadata.builder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), Keys.PK, AttributeValueType.S)
                .addIndexSortKey(TableMetadata.primaryIndexName(), Keys.SK, AttributeValueType.S);
        for (Index index : indexes) {
            if (index.partitionKey() != null) {
                keys.addIndexPartitionKey(index.name(), index.partitionKey(), AttributeValueType.S);
            }
            if (index.sortKey() != null) {
                keys.addIndexSortKey(index.name(), index.sortKey(), AttributeValueType.S);
            }
        }
        return new RowSchema<>(type, toItem, fromItem, keys.build());
    }

    /** A secondary index by its key attributes (a local one has no partition key of its own: null). */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    @Override
    public T mapToItem(Map<String, AttributeValue> item) {
        return fromItem.apply(item);
    }

    @Override
    public Map<String, AttributeValue> itemToMap(T item, boolean ignoreNulls) {
        return toItem.apply(item);
    }

    @Override
    public Map<String, AttributeValue> itemToMap(T item, Collection<String> attributes) {
        return toItem.apply(item).entrySet().stream().filter(entry -> attributes.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public AttributeValue attributeValue(T item, String attribute) {
        return toItem.apply(item).get(attribute);
    }

    @Override
    public TableMetadata tableMetadata() {
        return metadata;
    }

    @Override
    public EnhancedType<T> itemType() {
        return type;
    }

    /**
     * None: a row's attributes depend on its value (an absent field is no attribute). The gets, queries, scans,
     * puts and deletes the store makes through the Enhanced Client do not ask for them; an update built from the
     * schema would, and the store makes none.
     */
    @Override
    public List<String> attributeNames() {
        return List.of();
    }

    @Override
    public boolean isAbstract() {
        return false;
    }
}
