package cloud.iotda.domain.catalogue;

/** Whether a flavor is on sale: a new order for a sold-out one is refused, and a placed one fails when it runs. */
public enum SaleStatus {
    NORMAL("normal"),
    SELLOUT("sellout");

    private final String wireName;

    SaleStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SaleStatus fromWireName(String text) {
        for (SaleStatus status : values()) {
            if (status.wireName.equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a sale status: " + text);
    }
}
