package cloud.iotda.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** An instance's address: the project it belongs to and its id within it. */
public record InstanceRef(String projectId, String instanceId) {
    private static final Pattern INSTANCE_ID = Pattern.compile("[a-f0-9-]{1,36}");

    public InstanceRef {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** The documented form of an instance id: 1..36 characters of a-f, 0-9 and -. */
    public static boolean isValidInstanceId(String instanceId) {
        return instanceId != null && INSTANCE_ID.matcher(instanceId).matches();
    }

    @Override
    public String toString() {
        return projectId + "/" + instanceId;
    }
}
