package cloud.iotda;

import cloud.iotda.domain.instance.Lapse;
import java.time.Duration;

/**
 * What the environment can set for a function (or, as system properties, for the local API where one JVM hosts
 * several).
 *
 * @param authCacheTtl how long a validated credential is served from memory ({@code CredentialCache}); zero:
 *                     every request reads it
 * @param processorParallelism how many due orders (and due subscriptions) one processor run handles at once
 * @param lapse how long an unrenewed yearly/monthly subscription's grace and retention periods last
 */
public record Settings(Duration authCacheTtl, int processorParallelism, Lapse lapse) {
    public static final String AUTH_CACHE_TTL_ENV = "AUTH_CACHE_TTL_SECONDS";
    public static final long DEFAULT_AUTH_CACHE_TTL_SECONDS = 60;
    public static final String PROCESSOR_PARALLELISM_ENV = "PROCESSOR_PARALLELISM";
    public static final long DEFAULT_PROCESSOR_PARALLELISM = 16;
    public static final String GRACE_PERIOD_ENV = "GRACE_PERIOD_DAYS";
    public static final String RETENTION_PERIOD_ENV = "RETENTION_PERIOD_DAYS";

    /** No credential cache, one due order at a time: every call's DynamoDB calls in a fixed order (tests). */
    public static final Settings PLAIN = new Settings(Duration.ZERO, 1);

    public Settings {
        if (authCacheTtl.isNegative() || processorParallelism < 1 || lapse == null) {
            throw new IllegalArgumentException("authCacheTtl >= 0, processorParallelism >= 1 and a lapse");
        }
    }

    /** Subscriptions lapsing as the billing center's international site has them (15 and 15 days). */
    public Settings(Duration authCacheTtl, int processorParallelism) {
        this(authCacheTtl, processorParallelism, Lapse.STANDARD);
    }

    /**
     * {@code AUTH_CACHE_TTL_SECONDS} (0..3600, default {@value #DEFAULT_AUTH_CACHE_TTL_SECONDS}; 0 turns the
     * cache off) and {@code PROCESSOR_PARALLELISM} (1..64, default {@value #DEFAULT_PROCESSOR_PARALLELISM}), from
     * the environment in Lambda or a system property where one JVM hosts several functions (the local API); and
     * {@code GRACE_PERIOD_DAYS} and {@code RETENTION_PERIOD_DAYS} (0..365 each, default 15).
     */
    public static Settings fromEnvironment() {
        long ttl = setting(AUTH_CACHE_TTL_ENV, DEFAULT_AUTH_CACHE_TTL_SECONDS, 0, 3600);
        Lapse standard = Lapse.STANDARD;
        return new Settings(Duration.ofSeconds(ttl),
                (int) setting(PROCESSOR_PARALLELISM_ENV, DEFAULT_PROCESSOR_PARALLELISM, 1, 64),
                Lapse.ofDays(setting(GRACE_PERIOD_ENV, standard.grace().toDays(), 0, 365),
                        setting(RETENTION_PERIOD_ENV, standard.retention().toDays(), 0, 365)));
    }

    private static long setting(String name, long byDefault, long min, long max) {
        String text = System.getenv(name) != null ? System.getenv(name) : System.getProperty(name);
        if (text == null || text.isBlank()) {
            return byDefault;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalStateException(name + " must be " + min + ".." + max + ", not " + text);
    }
}
