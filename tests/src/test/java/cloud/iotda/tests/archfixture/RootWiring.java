package cloud.iotda.tests.archfixture;

import cloud.iotda.tests.archfixture.adapter.JsonFile;
import cloud.iotda.tests.archfixture.adapter.internal.Detail;
import cloud.iotda.tests.archfixture.edge.Page;

/** Fixture: a composition root, used by an edge class (which a root never is), reaching an adapter's internals. */
public final class RootWiring {
    public Object wire() {
        new Detail();
        return new Page(new JsonFile());
    }
}
