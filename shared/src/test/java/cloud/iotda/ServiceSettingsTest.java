package cloud.iotda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        System.clearProperty(Service.AUTH_CACHE_TTL_ENV);
        System.clearProperty(Service.PROCESSOR_PARALLELISM_ENV);
    }

    @Test
    void unsetSettingsAreTheTemplatesDefaults() {
        assertEquals(new Service.Settings(Duration.ofSeconds(60), 16), Service.Settings.fromEnvironment());
    }

    @Test
    void aTtlOfZeroTurnsTheCacheOff() {
        System.setProperty(Service.AUTH_CACHE_TTL_ENV, "0");
        System.setProperty(Service.PROCESSOR_PARALLELISM_ENV, "4");
        assertEquals(new Service.Settings(Duration.ZERO, 4), Service.Settings.fromEnvironment());
    }

    @Test
    void rejectsATtlOverAnHourAndAParallelismOfZero() {
        System.setProperty(Service.AUTH_CACHE_TTL_ENV, "3601");
        assertThrows(IllegalStateException.class, Service.Settings::fromEnvironment);
        System.setProperty(Service.AUTH_CACHE_TTL_ENV, "sixty");
        assertThrows(IllegalStateException.class, Service.Settings::fromEnvironment);
        System.clearProperty(Service.AUTH_CACHE_TTL_ENV);
        System.setProperty(Service.PROCESSOR_PARALLELISM_ENV, "0");
        assertThrows(IllegalStateException.class, Service.Settings::fromEnvironment);
    }
}
