package cloud.iotda;

import java.time.Duration;

/**
 * What the environment can set for a function (or, as system properties, for the local API where one JVM hosts
 * several).
 *
 * @param authCacheTtl how long a validated credential is served from memory ({@code CredentialCache}); zero:
 *                     every request reads it
 * @param processorParallelism how many due orders (and due subscriptions) one processor run handles at once
 */
public record Settings(Duration authCacheTtl, int processorParallelism) {
    public static final String AUTH_CACHE_TTL_ENV = "AUTH_CACHE_TTL_SECONDS";
    public static final long DEFAULT_AUTH_CACHE_TTL_SECONDS = 60;
    public static final String PROCESSOR_PARALLELISM_ENV = "PROCESSOR_PARALLELISM";
    public static final long DEFAULT_PROCESSOR_PARALLELISM = 16;

    /** No credential cache, one due order at a time: every call's DynamoDB calls in a fixed order (tests). */
    public static final Settings PLAIN = new Settings(Duration.ZERO, 1);

    public Settings {
        if (authCacheTtl.isNegative() || processorParallelism < 1) {
            throw new IllegalArgumentException("authCacheTtl >= 0 and processorParallelism >= 1");
        }
    }

    /**
     * {@code AUTH_CACHE_TTL_SECONDS} (0..3600, default {@value #DEFAULT_AUTH_CACHE_TTL_SECONDS}; 0 turns the
     * cache off) and {@code PROCESSOR_PARALLELISM} (1..64, default {@value #DEFAULT_PROCESSOR_PARALLELISM}), from
     * the environment in Lambda or a system property where one JVM hosts several functions (the local API).
     */
    public static Settings fromEnvironment() {
        long ttl = setting(AUTH_CACHE_TTL_ENV, DEFAULT_AUTH_CACHE_TTL_SECONDS, 0, 3600);
        return new Settings(Duration.ofSeconds(ttl),
                (int) setting(PROCESSOR_PARALLELISM_ENV, DEFAULT_PROCESSOR_PARALLELISM, 1, 64));
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
