package cloud.iotda.domain.instance;

/** A yearly/monthly billing period and how many of them one subscription may buy. */
public enum PeriodType {
    MONTH("month", 9),
    YEAR("year", 3);

    private final String wireName;
    private final int maxPeriods;

    PeriodType(String wireName, int maxPeriods) {
        this.wireName = wireName;
        this.maxPeriods = maxPeriods;
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
