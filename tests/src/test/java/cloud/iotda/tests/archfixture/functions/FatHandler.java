package cloud.iotda.tests.archfixture.functions;

import cloud.iotda.tests.archfixture.domain.Rule;
import cloud.iotda.tests.archfixture.usecase.Case;

/** Fixture: an entry point that runs a use case and builds domain values itself (forbidden). */
public final class FatHandler {
    public Object handle() {
        return new Case().run() + String.valueOf(new Rule());
    }
}
