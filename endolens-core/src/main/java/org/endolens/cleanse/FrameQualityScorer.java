package org.endolens.cleanse;

import org.endolens.EndoLensException;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Measures the {@link FrameFeatures} of a frame: exposure, sharpness, motion blur, glare, colour and fine bright
 * detail, in plain Java on the pixel arrays of the frame area-averaged to a small working resolution
 * ({@link ScaledFrame}), within the scope's field of view ({@link ViewMask}). Thread-safe.
 */
public final class FrameQualityScorer {
    /** Long side of the working resolution: enough for blur and bubbles, small enough for thousands of frames/s. */
    public static final int DEFAULT_MAX_SIDE = 128;

    /** Smallest working resolution with interior pixels (2 ViewMask.EDGE_MARGIN + 1 wide) and room around them. */
    private static final int MIN_SIDE = 2 * ViewMask.EDGE_MARGIN + 2;
    /** A frame that is black to its edges is all border: wholly under-exposed, nothing else measurable. */
    private static final FrameFeatures NOTHING_IN_VIEW = new FrameFeatures(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final int maxSide;

    /** A scorer at the default working resolution, {@value #DEFAULT_MAX_SIDE} pixels on the long side. */
    public FrameQualityScorer() {
        this(DEFAULT_MAX_SIDE);
    }

    /** A scorer that area-averages frames down to at most {@code maxSide} pixels on their long side. */
    public FrameQualityScorer(int maxSide) {
        if (maxSide < MIN_SIDE) {
            throw new IllegalArgumentException("maxSide must be at least " + MIN_SIDE + ", got " + maxSide);
        }
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    /** The features of one decoded frame. */
    public FrameFeatures score(BufferedImage image) {
        return measure(ScaledFrame.of(image, maxSide));
    }

    /**
     * The features of each image file, decoded and scored on {@code threads} threads, in the order of
     * {@code files}. An unreadable file is reported to {@code problems} (which throws under FAIL) and its entry is
     * null. {@code progress} hears the number of files done, 1 to {@code files.size()}, in order.
     */
    public List<FrameFeatures> scoreFiles(List<Path> files, int threads, Problems problems, IntConsumer progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        FrameFeatures[] features = new FrameFeatures[files.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Callable<Void> worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < features.length && !failed.get(); i = next.getAndIncrement()) {
                    features[i] = scoreFile(files.get(i), problems);
                    synchronized (done) {
                        progress.accept(done.incrementAndGet());
                    }
                }
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(worker));
            }
            for (Future<Void> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw new EndoLensException("scoring frames failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndoLensException("interrupted while scoring frames", e);
        } finally {
            pool.shutdownNow();
        }
        return Collections.unmodifiableList(Arrays.asList(features));
    }

    private FrameFeatures scoreFile(Path file, Problems problems) {
        BufferedImage image;
        try {
            image = ImageFiles.read(file);
        } catch (EndoLensException e) {
            String prefix = file + ": ";
            String message = e.getMessage();
            problems.report(file.toString(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            return null;
        }
        return score(image);
    }

    static FrameFeatures measure(ScaledFrame frame) {
        ViewMask view = ViewMask.of(frame);
        if (view.count() == 0) {
            return NOTHING_IN_VIEW;
        }
        ToneStatistics tones = new ToneStatistics(frame, view.inView(), view.count());
        TextureStatistics texture = new TextureStatistics(frame, view.interior());
        return new FrameFeatures(texture.sharpness, texture.motionBlur, tones.underexposed, tones.overexposed,
                tones.meanLuma, tones.specular, tones.hueMean, tones.hueStd, tones.saturationMean, tones.saturationStd,
                tones.mucosa, texture.ridges, tones.entropy, (double) view.count() / frame.luma.length);
    }
}
