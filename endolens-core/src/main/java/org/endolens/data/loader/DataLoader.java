package org.endolens.data.loader;

import org.endolens.EndoLensException;
import org.endolens.data.Problems;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batches for training, decoded and augmented by background threads a bounded number of batches ahead (PyTorch's
 * {@code DataLoader} with {@code num_workers} and {@code prefetch_factor}). Order and augmentation depend only on the
 * seed, epoch and sample index, so 1 or 8 threads give identical batches. Bad inputs go to {@link Problems}: skipped
 * (the batch is smaller) or, under FAIL, thrown from {@link Epoch#next}. Close the loader to stop its threads.
 *
 * <pre>{@code
 * try (DataLoader loader = new DataLoader(source, LoaderConfig.of(32, seed), problems)) {
 *     for (int e = 0; e < epochs; e++) {
 *         try (DataLoader.Epoch batches = loader.epoch(e)) {
 *             while (batches.hasNext()) {
 *                 try (NDManager step = parent.newSubManager()) {
 *                     NDList batch = batches.next(step);   // image (B,3,H,W), ..., label (B)
 *                 }
 *             }
 *         }
 *     }
 * }
 * }</pre>
 */
public final class DataLoader implements AutoCloseable {
    /** How long {@link #close} waits for a thread still decoding. */
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final ExampleSource source;
    private final LoaderConfig config;
    private final Problems problems;
    private final ExecutorService workers;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private Epoch current;
    private boolean shutDown;

    public DataLoader(ExampleSource source, LoaderConfig config, Problems problems) {
        this.source = source;
        this.config = config;
        this.problems = problems;
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.threads(), task -> {
            Thread thread = new Thread(task, "endolens-loader-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
    }

    /** Batches planned for {@code epoch} (batches whose every example is a bad input are skipped when iterating). */
    public int batchCount(int epoch) {
        return BatchPlan.of(source, config, epoch).size();
    }

    /** Starts decoding {@code epoch}; the previous epoch must be closed. */
    public synchronized Epoch epoch(int epoch) {
        if (shutDown) {
            throw new IllegalStateException("the data loader is closed");
        }
        if (current != null && !current.closed) {
            throw new IllegalStateException("epoch " + current.epoch + " is still open; close it before starting epoch " + epoch);
        }
        current = new Epoch(epoch, BatchPlan.of(source, config, epoch));
        return current;
    }

    /** Cancels the open epoch and joins the threads once they finish their current sample. */
    @Override
    public synchronized void close() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (current != null) {
            current.close();
        }
        workers.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
        boolean interrupted = false;
        try {
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new EndoLensException("data loader thread " + thread.getName() + " did not stop within "
                                + STOP_TIMEOUT_SECONDS + " s (is a decoder stuck on a file?)");
                    }
                    try {
                        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One pass over the data; use from one consumer thread, and close it (also when stopping early). */
    public final class Epoch implements AutoCloseable {
        private final int epoch;
        private final List<BatchPlan> plan;
        private final ArrayDeque<PendingBatch> inFlight = new ArrayDeque<>();
        private int submitted;
        private HostBatch ready;
        private volatile boolean closed;

        private Epoch(int epoch, List<BatchPlan> plan) {
            this.epoch = epoch;
            this.plan = plan;
            refill();
        }

        /** Whether another batch comes; waits for it to be decoded. */
        public boolean hasNext() {
            if (closed) {
                throw new IllegalStateException("epoch " + epoch + " is closed");
            }
            while (ready == null && !inFlight.isEmpty()) {
                HostBatch batch = await(inFlight.poll());
                refill();
                if (batch.size() > 0) {
                    ready = batch;
                }
            }
            return ready != null;
        }

        /**
         * The next batch, created on {@code manager} (the caller's per-step manager, which owns and frees it): each
         * example tensor stacked as (B, ...) float32 under its name, then {@code label} (B) int64, then for
         * per-patient batches {@code group} (B) int64, each frame's patient slot in the batch.
         */
        public NDList next(NDManager manager) {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch " + epoch + " has no more batches");
            }
            HostBatch batch = ready;
            ready = null;
            return batch.toNDList(manager);
        }

        /** Stops decoding this epoch's remaining batches. */
        @Override
        public void close() {
            closed = true;
            inFlight.clear();
            ready = null;
        }

        private void refill() {
            while (inFlight.size() < config.prefetchBatches() && submitted < plan.size()) {
                PendingBatch pending = new PendingBatch(plan.get(submitted++));
                inFlight.add(pending);
                pending.submit();
            }
        }

        private HostBatch await(PendingBatch pending) {
            try {
                return pending.done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndoLensException("interrupted while waiting for a batch of epoch " + epoch, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new EndoLensException("loading a batch of epoch " + epoch + " failed: " + e.getCause(), e.getCause());
            }
        }

        /** One batch being decoded: each example is a task; the thread that finishes the last one stacks them. */
        private final class PendingBatch {
            private final BatchPlan plan;
            private final Example[] examples;
            private final AtomicInteger remaining;
            private final CompletableFuture<HostBatch> done = new CompletableFuture<>();

            PendingBatch(BatchPlan plan) {
                this.plan = plan;
                this.examples = new Example[plan.items().length];
                this.remaining = new AtomicInteger(examples.length);
            }

            void submit() {
                for (int slot = 0; slot < examples.length; slot++) {
                    int s = slot;
                    workers.execute(() -> run(s));
                }
            }

            private void run(int slot) {
                try {
                    if (!closed && !done.isDone()) {
                        examples[slot] = load(plan.items()[slot]);
                    }
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
                // The decrement publishes this thread's example to whichever thread finishes the batch.
                if (remaining.decrementAndGet() == 0 && !done.isDone()) {
                    try {
                        done.complete(HostBatch.stack(plan, examples));
                    } catch (Throwable t) {
                        done.completeExceptionally(t);
                    }
                }
            }

            private Example load(int index) {
                try {
                    return source.load(index, SampleSeeds.forSample(config.seed(), epoch, index));
                } catch (EndoLensException | UncheckedIOException e) {
                    String file = source.describe(index);
                    String reason = String.valueOf(e.getMessage());
                    problems.report(file, reason.startsWith(file + ": ") ? reason.substring(file.length() + 2) : reason);
                    return null;
                }
            }
        }
    }
}
