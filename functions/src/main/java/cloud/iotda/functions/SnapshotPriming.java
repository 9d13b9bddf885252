package cloud.iotda.functions;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hook for one function: before the snapshot is taken, runs the function's priming, so the snapshot
 * holds its loaded classes and warmed code. Nothing needs renewing after a restore: priming keeps no connection.
 */
final class SnapshotPriming implements Resource {
    private final Runnable prime;

    private SnapshotPriming(Runnable prime) {
        this.prime = prime;
    }

    /** Registers {@code prime}; the caller must keep the returned hook, as the context holds it only weakly. */
    static SnapshotPriming register(Runnable prime) {
        SnapshotPriming hook = new SnapshotPriming(prime);
        Core.getGlobalContext().register(hook);
        return hook;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Priming kept no connection; the DynamoDB client opens new ones as it needs them.
    }
}
