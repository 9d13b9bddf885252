package cloud.iotda.domain.instance;

/** The two instance editions; a resize never crosses from one to the other. */
public enum Edition {
    STANDARD("standard"),
    ENTERPRISE("enterprise");

    private final String wireName;

    Edition(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Edition fromWireName(String name) {
        for (Edition edition : values()) {
            if (edition.wireName.equals(name)) {
                return edition;
            }
        }
        throw new IllegalArgumentException("unknown edition " + name);
    }
}
