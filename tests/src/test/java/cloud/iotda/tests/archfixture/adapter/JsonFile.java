package cloud.iotda.tests.archfixture.adapter;

import cloud.iotda.tests.archfixture.domain.Rule;
import cloud.iotda.tests.archfixture.usecase.Case;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Fixture: an adapter that calls a use case and builds an ObjectMapper (both forbidden). */
public final class JsonFile {
    public Object read(Rule rule) {
        new ObjectMapper();
        return new Case();
    }
}
