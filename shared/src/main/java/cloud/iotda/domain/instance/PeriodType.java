package cloud.iotda.domain.instance;

/**
 * A yearly/monthly billing period, how many of them one subscription may buy (IoTDA's limits), and how many one
 * renewal may add (the billing center's: 1..11 months, 1..3 years).
 */
public enum PeriodType {
    MONTH("month", 9, 11),
    YEAR("year", 3, 3);

    private final String wireName;
    private final int maxPeriods;
    private final int maxRenewalPeriods;

    PeriodType(String wireName, int maxPeriods, int maxRenewalPeriods) {
        this.wireName = wireName;
        this.maxPeriods = maxPeriods;
        this.maxRenewalPeriods = maxRenewalPeriods;
    }

    public int maxRenewalPeriods() {
        return maxRenewalPeriods;
    }

    public String wireName() {
        return wireName;
    }

    public int maxPeriods() {
        return maxPeriods;
    }

    /** How many months {@code periods} of this type are. */
    public int months(int periods) {
        return this == MONTH ? periods : 12 * periods;
    }

    public static PeriodType fromWireName(String name) {
        for (PeriodType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown period type " + name);
    }
}
