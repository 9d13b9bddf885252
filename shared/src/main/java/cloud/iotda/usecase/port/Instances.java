package cloud.iotda.usecase.port;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import cloud.iotda.domain.instance.InstanceCount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where instances live. Every write is conditional, so concurrent writers never overwrite each other unseen. */
public interface Instances {

    /** The instance, deleted or not ({@link Instance#isDeleted()}). */
    Optional<Instance> find(InstanceRef ref);

    /**
     * Stores a new instance (and counts it with its project's).
     *
     * @throws Conflict if one with that ref exists; nothing is written then
     */
    void create(Instance instance);

    /**
     * Writes a changed instance if it is still at {@code changed.version() - 1}.
     *
     * @throws Conflict otherwise; nothing is written then
     */
    void update(Instance changed);

    /**
     * One page of the project's instances that are not deleted, newest first by {@link Instance#recordId()}, after
     * the record {@code before} (a marker; the record need not exist any more; empty: from the newest). The page's
     * {@link Page#next()} is its last record id when more may follow, null when none does.
     */
    Page<Instance> listed(String projectId, Optional<String> before, int limit);

    /**
     * How many instances of each edition the project has that are not deleted, as counted with every write that
     * creates or deletes one; empty for a project whose instances were all written before counts were kept.
     */
    Optional<InstanceCount> counted(String projectId);

    /**
     * One page of instances whose {@link Instance#subscriptionDueAt()} is at or before {@code now}, earliest first;
     * {@code cursor} is the {@link Page#next()} of the page before (null: the first page).
     */
    Page<Instance> subscriptionsDue(Instant now, int limit, String cursor);

    /** Every instance not deleted, for the operator CLI; a full read, so not for the request path. */
    List<Instance> all();
}
