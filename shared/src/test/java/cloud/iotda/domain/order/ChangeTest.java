package cloud.iotda.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cloud.iotda.domain.instance.ChargeInfo;
import cloud.iotda.domain.instance.Flavor;
import cloud.iotda.domain.instance.PeriodType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change's fingerprint is the retry key stored with an instance: these are the keys orders placed so far carry, so a
 * renamed field or a new toString must not change them (a resend within the retry window would place a new order).
 */
class ChangeTest {
    @Test
    void fingerprintsStayTheKeysStoredSoFar() {
        Map<Change, String> stored = new LinkedHashMap<>();
        stored.put(new Change.Resize(new Flavor("iotda.standard.s1", 3), true, false),
                "3adb308bf0e56cd4902f2b3ec125f003c6b74144a9758da15a31e82f5979ca8f");
        stored.put(new Change.Resize(new Flavor("iotda.enterprise.1000tps.10wonlinedevice", null), false, true),
                "ae2bc1dce809e3086d37e3889cea7127725ce7cd3f7adfe04b24ed0f17699723");
        stored.put(new Change.ChargeModeChange(PeriodType.MONTH, 2, true, false),
                "952b47be5b90715aba2a6a29aae8b760997d938f670a32e1895d4f7e04a15039");
        stored.put(new Change.Renew(PeriodType.YEAR, 1, true),
                "e88b027aedfd1bb9bf5bc25159b63f6c4ccdcb5e5dce517e94602c24325b0447");
        stored.put(new Change.Create(ChargeInfo.prePaid(PeriodType.MONTH, 1, false, true)),
                "5d51999b0db3db4d65bd08905da8711acb80068e9f4eda010b84dfb183bf4547");
        stored.forEach((change, key) -> assertEquals(key, change.fingerprint(), change.canonical()));
    }

    @Test
    void requestsDifferingInAnyFieldHaveDifferentFingerprints() {
        Change resize = new Change.Resize(new Flavor("iotda.standard.s1", 3), true, false);
        List<Change> others = List.of(new Change.Resize(new Flavor("iotda.standard.s1", 4), true, false),
                new Change.Resize(new Flavor("iotda.standard.s2", 3), true, false),
                new Change.Resize(new Flavor("iotda.standard.s1", 3), false, false),
                new Change.Resize(new Flavor("iotda.standard.s1", 3), true, true));
        for (Change other : others) {
            assertNotEquals(resize.fingerprint(), other.fingerprint(), other.canonical());
        }
    }
}
