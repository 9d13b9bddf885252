package cloud.iotda.tests.archfixture.domain;

import cloud.iotda.tests.archfixture.edge.Page;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fixture: a domain class that knows JSON and the edge (both forbidden). */
public final class Rule {
    public ObjectNode render(Page page) {
        return null;
    }
}
