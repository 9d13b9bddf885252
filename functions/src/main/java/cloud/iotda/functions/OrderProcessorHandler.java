package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.ProcessorRun;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Runs on the template's schedule: executes due scheduled orders and cancels expired unpaid ones. */
public final class OrderProcessorHandler implements RequestHandler<ScheduledEvent, String> {
    /** Stop starting pages when less than this is left of the invocation; the next run goes on. */
    private static final long RESERVE_MILLIS = 10_000;

    private final ProcessorRun processor;

    public OrderProcessorHandler() {
        this(Service.fromEnvironment());
    }

    public OrderProcessorHandler(Service service) {
        this.processor = service.processor();
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return processor.run(() -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
    }
}
