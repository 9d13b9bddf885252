package cloud.iotda.testing;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records every DynamoDB request a client makes, as the IAM authorization AWS makes of it: the action and the
 * resource each part is authorized on. As AWS documents it, a transaction is no action of its own: each item of
 * {@code TransactWriteItems} is authorized as {@code dynamodb:PutItem}, {@code UpdateItem}, {@code DeleteItem} or
 * {@code ConditionCheckItem} on its table, each item of {@code TransactGetItems} as {@code dynamodb:GetItem}; a
 * Query or Scan of an index is authorized on {@code table/NAME/index/INDEX}. Tables are named here by what the
 * template calls the service's table ({@link #TABLE}), whatever a test's table is called.
 *
 * <p>Only what runs inside {@link #recordAs} is recorded, under that name: a test's own set-up is not.
 */
public final class IamRecorder implements ExecutionInterceptor {
    /** The logical id of the service's one table in template.yaml. */
    public static final String TABLE = "OrdersTable";

    /** One authorization: {@code dynamodb:GetItem} on {@code OrdersTable} or {@code OrdersTable/index/DueOrders}. */
    public record Use(String action, String resource) implements Comparable<Use> {
        @Override
        public int compareTo(Use other) {
            int byResource = resource.compareTo(other.resource);
            return byResource != 0 ? byResource : action.compareTo(other.action);
        }

        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    private final Map<String, Set<Use>> uses = Collections.synchronizedMap(new TreeMap<>());
    private volatile String recording;

    /** Runs {@code work}, recording its DynamoDB requests under {@code who} (a function's or a command's name). */
    public <T> T recordAs(String who, Callable<T> work) throws Exception {
        String before = recording;
        recording = who;
        uses.computeIfAbsent(who, name -> Collections.synchronizedSet(new LinkedHashSet<>()));
        try {
            return work.call();
        } finally {
            recording = before;
        }
    }

    /** What was recorded under each name, sorted. */
    public Map<String, Set<Use>> uses() {
        Map<String, Set<Use>> copy = new TreeMap<>();
        synchronized (uses) {
            uses.forEach((who, used) -> {
                synchronized (used) {
                    copy.put(who, new TreeSet<>(used));
                }
            });
        }
        return copy;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String who = recording;
        if (who == null) {
            return;
        }
        Set<Use> used = uses.get(who);
        for (Use use : authorizations(context.request())) {
            used.add(use);
        }
    }

    /** The authorizations AWS makes of one request. */
    static Set<Use> authorizations(SdkRequest request) {
        Set<Use> made = new LinkedHashSet<>();
        if (request instanceof GetItemRequest) {
            made.add(new Use("dynamodb:GetItem", TABLE));
        } else if (request instanceof PutItemRequest) {
            made.add(new Use("dynamodb:PutItem", TABLE));
        } else if (request instanceof UpdateItemRequest) {
            made.add(new Use("dynamodb:UpdateItem", TABLE));
        } else if (request instanceof DeleteItemRequest) {
            made.add(new Use("dynamodb:DeleteItem", TABLE));
        } else if (request instanceof QueryRequest query) {
            made.add(new Use("dynamodb:Query", onIndex(query.indexName())));
        } else if (request instanceof ScanRequest scan) {
            made.add(new Use("dynamodb:Scan", onIndex(scan.indexName())));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                made.add(new Use(item.put() != null ? "dynamodb:PutItem" : item.update() != null
                        ? "dynamodb:UpdateItem" : item.delete() != null ? "dynamodb:DeleteItem"
                        : "dynamodb:ConditionCheckItem", TABLE));
            }
        } else if (request instanceof TransactGetItemsRequest transaction) {
            for (TransactGetItem item : transaction.transactItems()) {
                made.add(new Use("dynamodb:GetItem", TABLE));
            }
        } else if (request instanceof BatchGetItemRequest) {
            made.add(new Use("dynamodb:BatchGetItem", TABLE));
        } else if (request instanceof BatchWriteItemRequest) {
            made.add(new Use("dynamodb:BatchWriteItem", TABLE));
        } else {
            // Table management and anything else: named by its operation, so a grant test cannot miss it.
            made.add(new Use("dynamodb:" + request.getClass().getSimpleName().replaceFirst("Request$", ""), TABLE));
        }
        return made;
    }

    private static String onIndex(String index) {
        return index == null ? TABLE : TABLE + "/index/" + index;
    }
}
