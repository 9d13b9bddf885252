package cloud.iotda.tests.archfixture;

import cloud.iotda.tests.archfixture.adapter.JsonFile;
import cloud.iotda.tests.archfixture.edge.Page;

/** Fixture: a composition root, used by an edge class (which a root never is). */
public final class RootWiring {
    public Object wire() {
        return new Page(new JsonFile());
    }
}
