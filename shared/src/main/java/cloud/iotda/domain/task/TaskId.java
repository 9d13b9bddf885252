package cloud.iotda.domain.task;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A task's id: up to 64 characters of {@code a-f 0-9 -}, as the API documents it. Ours are the task's place in its
 * instance's history (8 hex digits) and a random UUID, so the store finds a task from its id alone and the newest
 * ones sort last.
 */
public record TaskId(String value) {
    private static final Pattern DOCUMENTED = Pattern.compile("[a-f0-9-]{1,64}");
    private static final Pattern OURS = Pattern.compile("([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
            + "[0-9a-f]{12}");
    public static final String DESCRIPTION = "up to 64 characters of a-f, 0-9 and -";

    public TaskId {
        if (!DOCUMENTED.matcher(value).matches()) {
            throw new IllegalArgumentException("not a task id: " + value);
        }
    }

    /** A well-formed id (any the API documents); whether such a task exists is the store's to say. */
    public static Optional<TaskId> parse(String text) {
        return text != null && DOCUMENTED.matcher(text).matches() ? Optional.of(new TaskId(text)) : Optional.empty();
    }

    public static TaskId of(long sequence, UUID random) {
        return new TaskId(String.format("%08x-%s", sequence, random));
    }

    /** Where the task stands in its instance's history (1 for the first), if the id is one of ours. */
    public Optional<Long> sequence() {
        var matcher = OURS.matcher(value);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1), 16)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
