package cloud.iotda.functions;

import cloud.iotda.Service;
import cloud.iotda.edge.Operation;

/** Lambda entry point of {@link Operation#UNBIND_TAGS}. */
public final class UnbindInstanceTagsHandler extends ApiHandler {
    public UnbindInstanceTagsHandler() {
        this(Service.fromEnvironment());
    }

    public UnbindInstanceTagsHandler(Service service) {
        super(Operation.UNBIND_TAGS, service);
    }
}
