package org.endolens.data.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Endo-FM's spatio-temporal views (Wang et al., MICCAI 2023, after SVT): from one clip of n frames, two global views
 * at 224² of 8 and 16 frames spread over frames [0, n-5] and [5, n-1], and local views at 96² of 2, 2, 4, 4, 8, 8,
 * 16 and 16 frames, each spread over a random window of n/8 frames. Every frame of one view gets the same crop, flip
 * and colour jitter; each view is a (C, T, H, W) tensor named {@code global0}, {@code global1}, {@code local0}, ...
 */
public final class SpatioTemporalViews {
    public static final int GLOBAL_SIZE = 224;
    public static final int LOCAL_SIZE = 96;
    /** Endo-FM's frame counts ({@code rand_fr}): the two global views, then the local views. */
    private static final int[] ENDO_FM_GLOBAL_FRAMES = {8, 16};
    private static final int[] ENDO_FM_LOCAL_FRAMES = {2, 2, 4, 4, 8, 8, 16, 16};
    /** The first global view ends, and the second starts, this many frames from the clip's end and start. */
    public static final int GLOBAL_MARGIN = 5;
    /** A local view's window is the clip length divided by this. */
    public static final int LOCAL_WINDOW_DIVISOR = 8;

    private final int[] globalFrames;
    private final int[] localFrames;
    private final Transform global;
    private final Transform local;

    /**
     * Views with the given frame counts (exactly two global views), DINO's crop scales, and Endo-FM's per-view
     * augmentation: bicubic random resized crop, horizontal flip, colour jitter (0.4, 0.4, 0.2; no hue) with p 0.8,
     * grey with p 0.2, then {@code normalize}. Endo-FM leaves out blur and solarisation.
     */
    public SpatioTemporalViews(int[] globalFrames, int[] localFrames, Normalize normalize) {
        if (globalFrames.length != 2) {
            throw new IllegalArgumentException("Endo-FM has two global views, got frame counts " + Arrays.toString(globalFrames));
        }
        for (int frames : concat(globalFrames, localFrames)) {
            if (frames <= 0) {
                throw new IllegalArgumentException("every view needs at least one frame, got " + Arrays.toString(globalFrames)
                        + " and " + Arrays.toString(localFrames));
            }
        }
        this.globalFrames = globalFrames.clone();
        this.localFrames = localFrames.clone();
        Transform flipAndColorJitter = Transform.compose(RandomFlip.horizontal(),
                new RandomApply(MultiCropViews.JITTER_P,
                        new ColorJitter(ColorJitter.DINO_BRIGHTNESS, ColorJitter.DINO_CONTRAST,
                                ColorJitter.DINO_SATURATION, 0)),
                new RandomGrayscale(RandomGrayscale.DINO_P));
        this.global = Transform.compose(new RandomResizedCrop(GLOBAL_SIZE, MultiCropViews.GLOBAL_SCALE_MIN,
                MultiCropViews.GLOBAL_SCALE_MAX, Interpolation.BICUBIC), flipAndColorJitter, normalize);
        this.local = Transform.compose(new RandomResizedCrop(LOCAL_SIZE, MultiCropViews.LOCAL_SCALE_MIN,
                MultiCropViews.LOCAL_SCALE_MAX, Interpolation.BICUBIC), flipAndColorJitter, normalize);
    }

    /** Endo-FM's views: global 8 and 16 frames, local 2, 2, 4, 4, 8, 8, 16, 16 frames, ImageNet normalisation. */
    public static SpatioTemporalViews endoFm() {
        return new SpatioTemporalViews(ENDO_FM_GLOBAL_FRAMES, ENDO_FM_LOCAL_FRAMES, Normalize.imagenet());
    }

    /** How many views {@link #views} returns. */
    public int viewCount() {
        return globalFrames.length + localFrames.length;
    }

    /**
     * For each view (globals first), the clip frames it shows: Endo-FM's {@code temporal_sampling}, i.e.
     * {@code linspace(start, end, T)} in float32, clamped to the clip and truncated.
     */
    public List<int[]> frameIndices(int clipLength, RandomGenerator random) {
        if (clipLength <= 0) {
            throw new IllegalArgumentException("a clip needs at least one frame");
        }
        List<int[]> indices = new ArrayList<>(viewCount());
        indices.add(linspace(0, clipLength - GLOBAL_MARGIN, globalFrames[0], clipLength));
        indices.add(linspace(GLOBAL_MARGIN, clipLength, globalFrames[1], clipLength));
        int window = clipLength / LOCAL_WINDOW_DIVISOR;
        for (int frames : localFrames) {
            // Python's random.randint(0, n - window - 1), both ends included.
            int start = random.nextInt(clipLength - window);
            indices.add(linspace(start, start + window, frames, clipLength));
        }
        return indices;
    }

    /**
     * The views showing the frames {@link #frameIndices} chose (drawn from the same {@code random} just before);
     * {@code frame} returns clip frame i as decoded (all frames the same size) and is called once per distinct frame.
     */
    public List<FloatTensor> views(List<int[]> indices, IntFunction<RgbImage> frame, RandomGenerator random) {
        if (indices.size() != viewCount()) {
            throw new IllegalArgumentException("expected frame indices for " + viewCount() + " views, got " + indices.size());
        }
        Map<Integer, Sample> decoded = new HashMap<>();
        IntFunction<Sample> decode = i -> {
            RgbImage image = frame.apply(i);
            // Several views may crop this frame: decode a deferred one whole once.
            image.decodeWhole();
            Sample sample = Sample.of(image);
            Sample other = decoded.isEmpty() ? sample : decoded.values().iterator().next();
            if (sample.width() != other.width() || sample.height() != other.height()) {
                throw new IllegalArgumentException("clip frame " + i + " is " + sample.width() + "x" + sample.height()
                        + " but an earlier frame is " + other.width() + "x" + other.height());
            }
            return sample;
        };
        List<FloatTensor> views = new ArrayList<>(indices.size());
        for (int v = 0; v < indices.size(); v++) {
            boolean isGlobal = v < globalFrames.length;
            // Replaying one seed for every frame of a view gives each frame the same crop, flip and jitter.
            long viewSeed = random.nextLong();
            int[] frames = indices.get(v);
            RgbImage[] augmented = new RgbImage[frames.length];
            for (int t = 0; t < frames.length; t++) {
                Sample source = decoded.get(frames[t]);
                if (source == null) {
                    source = decode.apply(frames[t]);
                    decoded.put(frames[t], source);
                }
                augmented[t] = (isGlobal ? global : local).apply(source, new SplittableRandom(viewSeed)).image();
            }
            String name = isGlobal ? "global" + v : "local" + (v - globalFrames.length);
            views.add(clipTensor(name, augmented));
        }
        return views;
    }

    /** Frames (each 3 x H x W) stacked as (3, T, H, W). */
    private static FloatTensor clipTensor(String name, RgbImage[] frames) {
        int height = frames[0].height();
        int width = frames[0].width();
        int area = height * width;
        int count = frames.length;
        float[] data = new float[RgbImage.CHANNELS * count * area];
        for (int t = 0; t < count; t++) {
            float[] planes = frames[t].planes();
            for (int c = 0; c < RgbImage.CHANNELS; c++) {
                System.arraycopy(planes, c * area, data, (c * count + t) * area, area);
            }
        }
        return new FloatTensor(name, new long[] {RgbImage.CHANNELS, count, height, width}, data);
    }

    // torch.linspace's float32 kernel: forward from start in the first half, backward from end in the second.
    private static int[] linspace(int start, int end, int steps, int clipLength) {
        int[] indices = new int[steps];
        if (steps == 1) {
            indices[0] = Math.max(0, Math.min(clipLength - 1, start));
            return indices;
        }
        float step = (end - start) / (float) (steps - 1);
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            float value = i < half ? start + step * i : end - step * (steps - i - 1);
            indices[i] = (int) Math.max(0f, Math.min(clipLength - 1f, value));
        }
        return indices;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
