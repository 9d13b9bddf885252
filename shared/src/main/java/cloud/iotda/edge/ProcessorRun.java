package cloud.iotda.edge;

import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.OrderLifecycle;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BooleanSupplier;

/**
 * The scheduled processor's edge: one run of the lifecycle, its report as the JSON line the function answers, and
 * the age of the oldest order still due as a metric ({@value #BACKLOG_METRIC}, seconds) that the template's alarm
 * watches.
 */
public final class ProcessorRun {
    /** The namespace of the processor's metrics: the stack's, so that two stacks' never mix. */
    public static final String METRICS_NAMESPACE_ENV = "METRICS_NAMESPACE";
    public static final String BACKLOG_METRIC = "OldestDueOrderAgeSeconds";

    private final OrderLifecycle lifecycle;

    public ProcessorRun(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Processes due orders a page at a time, starting a new page only while {@code keepGoing} says so. */
    public String run(BooleanSupplier keepGoing) {
        OrderLifecycle.Report report = lifecycle.processDue(OrderLifecycle.DEFAULT_PAGE_SIZE, keepGoing);
        ObjectNode view = Views.report(report);
        Log.info("order processor run", view);
        Log.metric(System.getenv(METRICS_NAMESPACE_ENV), BACKLOG_METRIC, report.oldestDue().toSeconds(), "Seconds");
        return JsonTrees.write(view);
    }
}
