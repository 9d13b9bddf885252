package cloud.iotda.domain;

import java.util.List;

/**
 * A request refused on purpose: a {@link Reason} and the facts it names. It says nothing about HTTP; the edge
 * decides status, code and wording. No stack trace: it is an answer, not a failure.
 */
public final class Rejected extends RuntimeException {
    private final Reason reason;
    private final List<Object> facts;

    private Rejected(Reason reason, List<Object> facts) {
        super(reason + " " + facts, null, false, false);
        this.reason = reason;
        this.facts = facts;
    }

    public static Rejected because(Reason reason, Object... facts) {
        return new Rejected(reason, List.of(facts));
    }

    /** Input that breaks a documented rule; {@code detail} names the field and the rule. */
    public static Rejected invalid(String detail) {
        return because(Reason.INVALID_INPUT, detail);
    }

    /** A request that cannot be read at all (not JSON, a wrong media type); {@code detail} says why. */
    public static Rejected malformed(String detail) {
        return because(Reason.MALFORMED_REQUEST, detail);
    }

    public Reason reason() {
        return reason;
    }

    public List<Object> facts() {
        return facts;
    }

    /** The first fact as text: for INVALID_INPUT, the field and rule. */
    public String detail() {
        return facts.isEmpty() ? "" : String.valueOf(facts.get(0));
    }
}
