package cloud.iotda.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local world's one clock: the API's answers and refusals and every processor run follow it. It is real time
 * moved forward by an offset kept in DynamoDB Local (an item of the local table), which {@code iotda-admin clock}
 * sets and advances, never backwards, and {@code iotda-admin reset} removes; every process of the local world (the
 * local API, each iotda-admin command) reads it. Only the local tools have it: a deployed function's clock is the
 * system's, and no setting moves it.
 */
final class LocalClock extends Clock {
    static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("LOCAL#CLOCK"),
            "sk", AttributeValue.fromS("#META"));
    private static final String OFFSET = "offsetMillis";
    /** How long an offset read is used before it is read again: less than any command takes to start. */
    private static final long FRESH_NANOS = Duration.ofMillis(50).toNanos();

    private final DynamoDbClient client;
    private final String table;
    private final Clock real;
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAt = Long.MIN_VALUE;

    LocalClock(DynamoDbClient client, String table, Clock real) {
        this.client = client;
        this.table = table;
        this.real = real;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset());
    }

    /** How far ahead of real time the local world is (zero: real time). */
    Duration offset() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > FRESH_NANOS) {
            try {
                offset = read();
            } catch (SdkException unreadable) {
                // The clock never fails a request: it keeps the offset it last read until a read succeeds.
            }
            readAt = now;
        }
        return offset;
    }

    /** Moves the clock to {@code target}, which must not be before the clock's time now. */
    Instant moveTo(Instant target) {
        Instant current = real.instant().plus(readNow());
        if (target.isBefore(current)) {
            throw new IllegalArgumentException("the local clock stands at " + current.truncatedTo(ChronoUnit.SECONDS)
                    + "; it does not go back to " + target);
        }
        Duration moved = Duration.between(real.instant(), target);
        client.putItem(request -> request.tableName(table).item(Map.of("pk", KEY.get("pk"), "sk", KEY.get("sk"),
                "entity", AttributeValue.fromS("LOCAL_CLOCK"),
                OFFSET, AttributeValue.fromN(Long.toString(moved.toMillis())))));
        offset = moved;
        readAt = System.nanoTime();
        return target;
    }

    /** Back to real time (a reset of the local world). */
    void reset() {
        client.deleteItem(request -> request.tableName(table).key(KEY));
        offset = Duration.ZERO;
        readAt = System.nanoTime();
    }

    /** The offset as stored now, not as last read; a failed read fails the caller (a command, not a request). */
    private Duration readNow() {
        offset = read();
        readAt = System.nanoTime();
        return offset;
    }

    private Duration read() {
        var item = client.getItem(request -> request.tableName(table).key(KEY).consistentRead(true));
        AttributeValue stored = item.hasItem() ? item.item().get(OFFSET) : null;
        return stored == null ? Duration.ZERO : Duration.ofMillis(Long.parseLong(stored.n()));
    }

    /** The clock's time and how it relates to real time, as the tools print it. */
    String describe() {
        Duration ahead = readNow();
        Instant now = real.instant().plus(ahead);
        return now.truncatedTo(ChronoUnit.SECONDS) + (ahead.isZero() ? " (real time)"
                : " (real time + " + Cli.duration(ahead) + ", moved by iotda-admin clock)");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
