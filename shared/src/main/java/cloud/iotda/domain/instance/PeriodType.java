package cloud.iotda.domain.instance;

import java.time.ZonedDateTime;

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

    public ZonedDateTime plus(ZonedDateTime start, int periods) {
        return this == MONTH ? start.plusMonths(periods) : start.plusYears(periods);
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
