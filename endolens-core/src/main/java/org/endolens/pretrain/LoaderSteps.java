package org.endolens.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.endolens.EndoLensException;
import org.endolens.data.loader.DataLoader;

/**
 * Serves a {@link DataLoader}'s batches by training step, epoch after epoch: step s is batch s of the concatenated
 * epochs, so a resumed run (which asks for a later step first) sees the batches the uninterrupted run saw. Batches
 * before the first requested step are decoded and dropped.
 */
public final class LoaderSteps implements AutoCloseable {
    private final DataLoader loader;
    private DataLoader.Epoch current;
    private int epoch = -1;
    private long nextStep = -1;

    public LoaderSteps(DataLoader loader) {
        this.loader = loader;
    }

    /** The batch of {@code step}, created on {@code scope}. */
    public NDList batch(long step, NDManager scope) {
        if (step != nextStep) {
            seek(step);
        }
        NDList batch = nextBatch(scope);
        nextStep = step + 1;
        return batch;
    }

    private void seek(long step) {
        int e = 0;
        long first = 0;
        for (int count = batchCount(e); first + count <= step; count = batchCount(++e)) {
            first += count;
        }
        open(e);
        for (long s = first; s < step; s++) {
            try (NDManager skipped = NDManager.newBaseManager()) {
                nextBatch(skipped);
            }
        }
    }

    private int batchCount(int e) {
        int count = loader.batchCount(e);
        if (count == 0) {
            throw new EndoLensException("the training data has no batches; are all frames filtered out?");
        }
        return count;
    }

    private NDList nextBatch(NDManager scope) {
        if (!current.hasNext()) {
            open(epoch + 1);
            if (!current.hasNext()) {
                throw new EndoLensException("epoch " + epoch + " produced no batch; every frame failed to load");
            }
        }
        return current.next(scope);
    }

    private void open(int e) {
        if (current != null) {
            current.close();
        }
        epoch = e;
        current = loader.epoch(e);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
        loader.close();
    }
}
