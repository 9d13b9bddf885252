package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#BIND_TAGS}. */
public final class BindInstanceTagsHandler extends ApiHandler {
    public BindInstanceTagsHandler() {
        this(Service.fromEnvironment());
    }

    public BindInstanceTagsHandler(Service service) {
        super(Operation.BIND_TAGS, service);
    }
}
