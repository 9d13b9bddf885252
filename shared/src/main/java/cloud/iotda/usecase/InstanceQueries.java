package cloud.iotda.usecase;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Edition;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import cloud.iotda.usecase.port.Instances;
import cloud.iotda.usecase.port.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** ShowInstance and ListInstances. */
public final class InstanceQueries {
    public static final int MAX_OFFSET = 500;
    public static final int MAX_LIMIT = 500;
    /** Records read a page when a filter may leave some out. */
    private static final int FILTERED_PAGE = 100;
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
     * The project's instances that match, newest first by {@link Instance#recordId()}. A page reads what it shows:
     * the listing from the marker on, as far as the offset and limit reach (further only while a filter leaves
     * records out); the count comes from the project's kept count, except with a name filter, whose matches are
     * counted by reading the project's instances.
     */
    public InstanceList list(String projectId, ListQuery query) {
        Predicate<Instance> matching = instance -> query.edition().map(edition -> instance.edition() == edition)
                .orElse(true) && query.name().map(name -> instance.profile().name().toLowerCase(Locale.ROOT)
                .contains(name.toLowerCase(Locale.ROOT))).orElse(true);
        int wanted = query.offset() + query.limit();
        boolean filtered = query.name().isPresent() || query.edition().isPresent();
        Listing listing = read(projectId, query.marker(), matching, wanted, filtered ? FILTERED_PAGE : wanted);
        List<Instance> page = listing.found().stream().skip(query.offset()).limit(query.limit()).toList();
        Optional<String> marker = page.isEmpty() ? Optional.empty()
                : Optional.of(page.get(page.size() - 1).recordId());
        return new InstanceList(count(projectId, query, matching, listing), marker, page);
    }

    /** What a listing read: the matches, and whether it reached the project's oldest record. */
    private record Listing(List<Instance> found, boolean complete) {
    }

    /** The matches after {@code before}, page by page of {@code pageSize}, until {@code wanted} are found. */
    private Listing read(String projectId, Optional<String> before, Predicate<Instance> matching, int wanted,
                         int pageSize) {
        List<Instance> found = new ArrayList<>();
        Optional<String> next = before;
        do {
            Page<Instance> page = instances.listed(projectId, next, pageSize);
            page.items().stream().filter(matching).forEach(found::add);
            next = Optional.ofNullable(page.next());
        } while (found.size() < wanted && next.isPresent());
        return new Listing(found, next.isEmpty());
    }

    private int count(String projectId, ListQuery query, Predicate<Instance> matching, Listing listing) {
        if (query.name().isEmpty()) {
            Optional<InstanceCount> counted = instances.counted(projectId);
            if (counted.isPresent()) {
                return (int) counted.get().of(query.edition());
            }
        }
        if (query.marker().isEmpty() && listing.complete()) {
            return listing.found().size();
        }
        // A name filter (or a project counted before counts were kept): every match, read.
        return read(projectId, Optional.empty(), matching, Integer.MAX_VALUE, FILTERED_PAGE).found().size();
    }
}
