package cloud.iotda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.iotda.domain.instance.Lapse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The settings a function reads at init (here as system properties, as the local API sets them; the environment,
 * which the template sets, wins where both are): defaults as the template's, a bad value refused at init.
 */
class ServiceSettingsTest {
    @AfterEach
    void clear() {
        System.clearProperty(Settings.AUTH_CACHE_TTL_ENV);
        System.clearProperty(Settings.PROCESSOR_PARALLELISM_ENV);
        System.clearProperty(Settings.GRACE_PERIOD_ENV);
        System.clearProperty(Settings.RETENTION_PERIOD_ENV);
    }

    @Test
    void graceAndRetentionAreSettingsOf0To365Days() {
        assertEquals(Lapse.STANDARD, Settings.fromEnvironment().lapse(), "15 and 15 days unless set");
        System.setProperty(Settings.GRACE_PERIOD_ENV, "0");
        System.setProperty(Settings.RETENTION_PERIOD_ENV, "30");
        assertEquals(Lapse.ofDays(0, 30), Settings.fromEnvironment().lapse());
        System.setProperty(Settings.RETENTION_PERIOD_ENV, "366");
        assertThrows(IllegalStateException.class, Settings::fromEnvironment);
        System.setProperty(Settings.RETENTION_PERIOD_ENV, "-1");
        assertThrows(IllegalStateException.class, Settings::fromEnvironment);
    }

    @Test
    void unsetSettingsAreTheTemplatesDefaults() {
        assertEquals(new Settings(Duration.ofSeconds(60), 16), Settings.fromEnvironment());
    }

    @Test
    void aTtlOfZeroTurnsTheCacheOff() {
        System.setProperty(Settings.AUTH_CACHE_TTL_ENV, "0");
        System.setProperty(Settings.PROCESSOR_PARALLELISM_ENV, "4");
        assertEquals(new Settings(Duration.ZERO, 4), Settings.fromEnvironment());
    }

    @Test
    void rejectsATtlOverAnHourAndAParallelismOfZero() {
        System.setProperty(Settings.AUTH_CACHE_TTL_ENV, "3601");
        assertThrows(IllegalStateException.class, Settings::fromEnvironment);
        System.setProperty(Settings.AUTH_CACHE_TTL_ENV, "sixty");
        assertThrows(IllegalStateException.class, Settings::fromEnvironment);
        System.clearProperty(Settings.AUTH_CACHE_TTL_ENV);
        System.setProperty(Settings.PROCESSOR_PARALLELISM_ENV, "0");
        assertThrows(IllegalStateException.class, Settings::fromEnvironment);
    }
}
