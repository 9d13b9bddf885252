package cloud.iotda.tests.archfixture.usecase;

import cloud.iotda.tests.archfixture.adapter.JsonFile;
import cloud.iotda.tests.archfixture.domain.Rule;

/** Fixture: a use case that calls an adapter instead of a port (forbidden). */
public final class Case {
    public Object run() {
        return new JsonFile().read(new Rule());
    }
}
