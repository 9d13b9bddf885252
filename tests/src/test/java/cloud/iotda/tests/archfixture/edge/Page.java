package cloud.iotda.tests.archfixture.edge;

import cloud.iotda.tests.archfixture.RootWiring;
import cloud.iotda.tests.archfixture.adapter.JsonFile;

/** Fixture: an edge class that uses an adapter and the root (both forbidden). */
public final class Page {
    public Page(JsonFile file) {
        new RootWiring();
    }
}
