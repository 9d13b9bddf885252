package cloud.iotda.order;

import cloud.iotda.api.ApiException;
import cloud.iotda.api.Json;
import cloud.iotda.api.JsonFields;
import cloud.iotda.instance.PeriodType;
import com.fasterxml.jackson.databind.node.ObjectNode;

public record ChangeChargeModeRequest(PeriodType periodType, int periodNum, boolean autoRenew, boolean autoPay)
        implements ChangeRequest {

    public static ChangeChargeModeRequest parse(ObjectNode body) {
        JsonFields fields = JsonFields.of(body);
        String typeName = fields.requiredString("period_type");
        PeriodType periodType;
        try {
            periodType = PeriodType.fromWireName(typeName);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("period_type must be month or year");
        }
        long periodNum = fields.requiredInteger("period_num");
        if (periodNum < 1 || periodNum > periodType.maxPeriods()) {
            throw ApiException.invalid("period_num must be 1.." + periodType.maxPeriods()
                    + " when period_type is " + periodType.wireName());
        }
        boolean autoRenew = fields.optionalBoolean("is_auto_renew", false);
        boolean autoPay = fields.optionalBoolean("is_auto_pay", false);
        return new ChangeChargeModeRequest(periodType, (int) periodNum, autoRenew, autoPay);
    }

    @Override
    public OrderType type() {
        return OrderType.CHANGE_CHARGE_MODE;
    }

    @Override
    public ObjectNode normalized() {
        return Json.object()
                .put("period_type", periodType.wireName())
                .put("period_num", periodNum)
                .put("is_auto_renew", autoRenew)
                .put("is_auto_pay", autoPay);
    }
}
