package cloud.iotda.edge;

import cloud.iotda.edge.internal.Log;
import cloud.iotda.json.JsonTrees;
import cloud.iotda.usecase.OrderLifecycle;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BooleanSupplier;

/** The scheduled processor's edge: one run of the lifecycle, its report as the JSON line the function answers. */
public final class ProcessorRun {
    private final OrderLifecycle lifecycle;

    public ProcessorRun(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Processes due orders a page at a time, starting a new page only while {@code keepGoing} says so. */
    public String run(BooleanSupplier keepGoing) {
        ObjectNode report = Views.report(lifecycle.processDue(OrderLifecycle.DEFAULT_PAGE_SIZE, keepGoing));
        Log.info("order processor run", report);
        return JsonTrees.write(report);
    }
}
