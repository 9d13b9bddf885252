package cloud.iotda.tests.archfixture.adapter;

import cloud.iotda.tests.archfixture.domain.Rule;
import cloud.iotda.tests.archfixture.usecase.Case;

/** Fixture: an adapter that calls a use case (forbidden). */
public final class JsonFile {
    public Object read(Rule rule) {
        return new Case();
    }
}
