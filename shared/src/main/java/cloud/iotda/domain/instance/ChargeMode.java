package cloud.iotda.domain.instance;

/** How an instance is billed: pay-per-use ({@code postPaid}) or yearly/monthly ({@code prePaid}). */
public enum ChargeMode {
    POST_PAID("postPaid"),
    PRE_PAID("prePaid");

    private final String wireName;

    ChargeMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ChargeMode fromWireName(String name) {
        for (ChargeMode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown charge mode " + name);
    }
}
