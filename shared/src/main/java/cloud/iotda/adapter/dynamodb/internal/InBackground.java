package cloud.iotda.adapter.dynamodb.internal;

/**
 * Init work run on a daemon thread beside the caller's, so that a function's init overlaps its independent parts
 * (bench/levers.md measures it on two cores and on one).
 */
public final class InBackground {
    private InBackground() {
    }

    /**
     * Starts {@code work} on a daemon thread named {@code name}. What it throws is dropped: whoever needs its result
     * does the same work, or waits for it, and sees the failure there.
     */
    public static Thread run(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // seen by whoever needs the result (see above)
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
