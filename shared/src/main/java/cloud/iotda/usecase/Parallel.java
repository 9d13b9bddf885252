package cloud.iotda.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * At most {@code threads} pieces of work at once, for one processor run: the due orders of a page are of different
 * instances (an instance holds one unfinished order), so they can be made side by side; each is still one
 * conditional write. One thread: in the caller's, in order.
 */
final class Parallel implements AutoCloseable {
    private final ExecutorService pool;

    Parallel(int threads) {
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "processor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code work} applied to every item, results in the items' order; the first failure is thrown. */
    <I, O> List<O> map(List<I> items, Function<I, O> work) {
        List<O> results = new ArrayList<>(items.size());
        if (pool == null) {
            items.forEach(item -> results.add(work.apply(item)));
            return results;
        }
        List<Future<O>> pending = new ArrayList<>(items.size());
        items.forEach(item -> pending.add(pool.submit(() -> work.apply(item))));
        try {
            for (Future<O> result : pending) {
                results.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the run's work was going on", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
