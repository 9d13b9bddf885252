package cloud.iotda.domain.task;

import cloud.iotda.domain.instance.ChargeMode;
import cloud.iotda.domain.instance.Flavor;

/** What a MODIFY task changes the instance to: a flavor, a billing mode, or neither (null where unchanged). */
public record TargetConfig(Flavor flavor, ChargeMode chargeMode) {
}
