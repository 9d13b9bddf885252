package cloud.iotda.domain.instance;

import java.util.Optional;

/** How many instances a project has that are not deleted, by edition. */
public record InstanceCount(long standard, long enterprise) {

    /** Of {@code edition}, or of both. */
    public long of(Optional<Edition> edition) {
        return edition.map(one -> one == Edition.STANDARD ? standard : enterprise).orElse(standard + enterprise);
    }
}
