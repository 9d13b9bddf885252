package cloud.iotda.usecase.port;

import java.util.List;

/** Items and, if there may be more, where to continue (an order id, or an opaque cursor). */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }
}
