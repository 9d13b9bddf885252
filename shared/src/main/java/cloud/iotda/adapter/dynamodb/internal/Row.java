package cloud.iotda.adapter.dynamodb.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item's attributes by name, as every entity's mapping writes and reads them: an absent value is no attribute
 * (and a stored NULL reads as absent), numbers are DynamoDB numbers, instants ISO-8601 text.
 */
public final class Row {
    private final Map<String, AttributeValue> item;

    private Row(Map<String, AttributeValue> item) {
        this.item = item;
    }

    /** A new row of the single table: its key and the entity it holds. */
    public static Row of(String pk, String sk, String entity) {
        return empty().put(Keys.PK, pk).put(Keys.SK, sk).put(Keys.ENTITY, entity);
    }

    /** A row without key: a document inside another row. */
    public static Row empty() {
        return new Row(new HashMap<>());
    }

    /** A stored row, to read. */
    public static Row read(Map<String, AttributeValue> item) {
        return new Row(item);
    }

    public Row put(String name, String value) {
        return value == null ? this : set(name, AttributeValue.fromS(value));
    }

    public Row put(String name, Number value) {
        return value == null ? this : set(name, AttributeValue.fromN(value.toString()));
    }

    public Row put(String name, Boolean value) {
        return value == null ? this : set(name, AttributeValue.fromBool(value));
    }

    public Row put(String name, Instant value) {
        return value == null ? this : put(name, value.toString());
    }

    /** A list of documents; none is no attribute. */
    public Row put(String name, List<Row> documents) {
        return documents == null || documents.isEmpty() ? this
                : set(name, AttributeValue.fromL(documents.stream().map(row -> AttributeValue.fromM(row.item))
                        .toList()));
    }

    private Row set(String name, AttributeValue value) {
        item.put(name, value);
        return this;
    }

    public Map<String, AttributeValue> item() {
        return item;
    }

    public boolean has(String name) {
        AttributeValue value = item.get(name);
        return value != null && !Boolean.TRUE.equals(value.nul());
    }

    public String text(String name) {
        return has(name) ? item.get(name).s() : null;
    }

    public Integer integer(String name) {
        return has(name) ? Integer.valueOf(item.get(name).n()) : null;
    }

    /** A number, or {@code absent} when the row has none. */
    public long number(String name, long absent) {
        return has(name) ? Long.parseLong(item.get(name).n()) : absent;
    }

    public Boolean bool(String name) {
        return has(name) ? item.get(name).bool() : null;
    }

    /** True only when stored as true. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(bool(name));
    }

    public Instant instant(String name) {
        return has(name) ? Instant.parse(item.get(name).s()) : null;
    }

    public List<Row> documents(String name) {
        return has(name) ? item.get(name).l().stream().map(value -> read(value.m())).toList() : List.of();
    }
}
