package cloud.iotda.instance;

import cloud.iotda.api.ApiException;
import java.util.regex.Pattern;

public final class InstanceIds {
    private static final Pattern VALID = Pattern.compile("[a-f0-9-]{1,36}");

    private InstanceIds() {
    }

    public static String require(String instanceId) {
        if (instanceId == null || !VALID.matcher(instanceId).matches()) {
            throw ApiException.invalid("instance_id must be 1..36 characters of a-f, 0-9 and -");
        }
        return instanceId;
    }
}
