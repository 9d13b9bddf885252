package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.Sha256;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.usecase.port.Instances;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** ShowInstance and ListInstances. */
public final class InstanceQueries {
    public static final int MAX_OFFSET = 500;
    public static final int MAX_LIMIT = 500;
    private static final Pattern MARKER = Pattern.compile("[0-9a-f]{24}");

    private final Instances instances;

    public InstanceQueries(Instances instances) {
        this.instances = instances;
    }

    public Instance show(InstanceRef ref) {
        return Lookup.instance(instances, ref);
    }

    /**
     * What ListInstances asks for: a name to find anywhere in the instance's (case-insensitive), an edition, the
     * marker of the page before, how many records to skip after it, and how many to answer.
     */
    public record ListQuery(Optional<String> name, Optional<Edition> edition, Optional<String> marker, int offset,
                            int limit) {
        public ListQuery {
            if (offset < 0 || offset > MAX_OFFSET || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
            }
            if (marker.isPresent() && !isMarker(marker.get())) {
                throw new IllegalArgumentException("not a marker: " + marker.get());
            }
        }
    }

    /** A page of instances, newest first: how many match in all, and the marker of the last one answered. */
    public record InstanceList(int count, Optional<String> marker, List<Instance> instances) {
    }

    /** The documented form of a marker: a record id of 24 lowercase hex digits. */
    public static boolean isMarker(String text) {
        return MARKER.matcher(text).matches();
    }

    /**
     * The project's instances that match, newest first. Records are ordered by an id made of their creation time
     * (12 hex digits of epoch milliseconds) and a hash of their instance id, so that newer records have greater
     * ids, as the API documents for its markers, and a marker still works after its record was deleted.
     */
    public InstanceList list(String projectId, ListQuery query) {
        List<Instance> matching = instances.inProject(projectId).stream()
                .filter(instance -> query.edition().map(edition -> instance.edition() == edition).orElse(true))
                .filter(instance -> query.name().map(name -> instance.name().toLowerCase(Locale.ROOT)
                        .contains(name.toLowerCase(Locale.ROOT))).orElse(true))
                .sorted(Comparator.comparing(InstanceQueries::recordId).reversed())
                .toList();
        List<Instance> afterMarker = query.marker()
                .map(marker -> matching.stream().filter(instance -> recordId(instance).compareTo(marker) < 0).toList())
                .orElse(matching);
        List<Instance> page = afterMarker.stream().skip(query.offset()).limit(query.limit()).toList();
        Optional<String> marker = page.isEmpty() ? Optional.empty()
                : Optional.of(recordId(page.get(page.size() - 1)));
        return new InstanceList(matching.size(), marker, page);
    }

    static String recordId(Instance instance) {
        String time = String.format("%012x", instance.createTime().toEpochMilli());
        String hash = HexFormat.of().formatHex(Sha256.of(instance.ref().instanceId())).substring(0, 12);
        return time + hash;
    }
}
