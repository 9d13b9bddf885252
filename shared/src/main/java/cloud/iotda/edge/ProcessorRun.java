package cloud.iotda.edge;

import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.OrderProcessor;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BooleanSupplier;

/**
 * The scheduled processor's edge: one run of the order processor, its report as the JSON line the function answers, and
 * the age of the oldest order still due as a metric ({@value #BACKLOG_METRIC}, seconds) that the template's alarm
 * watches.
 */
public final class ProcessorRun {
    /** The namespace of the processor's metrics: the stack's, so that two stacks' never mix. */
    public static final String METRICS_NAMESPACE_ENV = "METRICS_NAMESPACE";
    public static final String BACKLOG_METRIC = "OldestDueOrderAgeSeconds";

    private final OrderProcessor processor;

    public ProcessorRun(OrderProcessor processor) {
        this.processor = processor;
    }

    /** Processes due orders a page at a time, starting a new page only while {@code keepGoing} says so. */
    public String run(BooleanSupplier keepGoing) {
        OrderProcessor.Report report = processor.processDue(OrderProcessor.DEFAULT_PAGE_SIZE, keepGoing);
        ObjectNode view = Views.report(report);
        Log.info("order processor run", view);
        Log.metric(System.getenv(METRICS_NAMESPACE_ENV), BACKLOG_METRIC, report.oldestDue().toSeconds(), "Seconds");
        return JsonTrees.write(view);
    }
}
