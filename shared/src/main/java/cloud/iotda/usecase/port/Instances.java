package cloud.iotda.usecase.port;

import cloud.iotda.domain.InstanceRef;
import cloud.iotda.domain.instance.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where instances live. Every write is conditional, so concurrent writers never overwrite each other unseen. */
public interface Instances {

    /** The instance, deleted or not ({@link Instance#isDeleted()}). */
    Optional<Instance> find(InstanceRef ref);

    /**
     * Stores a new instance.
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

    /** The project's instances that are not deleted, in no particular order (ListInstances). */
    List<Instance> inProject(String projectId);

    /**
     * One page of instances whose {@link Instance#subscriptionDueAt()} is at or before {@code now}, earliest first;
     * {@code cursor} is the {@link Page#next()} of the page before (null: the first page).
     */
    Page<Instance> subscriptionsDue(Instant now, int limit, String cursor);

    /** Every instance not deleted, for the operator CLI; a full read, so not for the request path. */
    List<Instance> all();
}
