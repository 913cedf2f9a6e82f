package org.endolens.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * DINO's multi-crop augmentation ({@code DataAugmentationDINO}, Caron et al. 2021): two global crops and N local
 * crops of one image, each with a random flip, colour jitter (p 0.8) and grey (p 0.2); blur on the first global view
 * always, on the second with p 0.1 and on locals with p 0.5; solarisation on the second global view with p 0.2.
 * Tensors are named {@code global0}, {@code global1}, {@code local0}, ...
 */
public final class MultiCropViews implements SampleViews {
    public static final int GLOBAL_SIZE = 224;
    public static final int LOCAL_SIZE = 96;
    /** DINO's {@code --global_crops_scale} and {@code --local_crops_scale} defaults. */
    public static final double GLOBAL_SCALE_MIN = 0.4;
    public static final double GLOBAL_SCALE_MAX = 1.0;
    public static final double LOCAL_SCALE_MIN = 0.05;
    public static final double LOCAL_SCALE_MAX = 0.4;
    /** DINO's {@code --local_crops_number} default. */
    public static final int LOCAL_CROPS = 8;
    /** Probability of the colour jitter. */
    public static final double JITTER_P = 0.8;

    private final Transform firstGlobal;
    private final Transform secondGlobal;
    private final Transform local;
    private final int localCrops;

    /** DINO's views with {@code localCrops} local crops, ending in {@code normalize}. */
    public MultiCropViews(int localCrops, Normalize normalize) {
        if (localCrops < 0) {
            throw new IllegalArgumentException("local crop count must be non-negative, got " + localCrops);
        }
        Transform flipAndColorJitter = Transform.compose(RandomFlip.horizontal(),
                new RandomApply(JITTER_P, ColorJitter.dino()), new RandomGrayscale(RandomGrayscale.DINO_P));
        this.firstGlobal = Transform.compose(globalCrop(), flipAndColorJitter,
                new RandomApply(GaussianBlur.DINO_P_FIRST_GLOBAL, GaussianBlur.dino()), normalize);
        this.secondGlobal = Transform.compose(globalCrop(), flipAndColorJitter,
                new RandomApply(GaussianBlur.DINO_P_SECOND_GLOBAL, GaussianBlur.dino()),
                new RandomSolarize(RandomSolarize.THRESHOLD, RandomSolarize.DINO_P), normalize);
        this.local = Transform.compose(
                new RandomResizedCrop(LOCAL_SIZE, LOCAL_SCALE_MIN, LOCAL_SCALE_MAX, Interpolation.BICUBIC),
                flipAndColorJitter, new RandomApply(GaussianBlur.DINO_P_LOCAL, GaussianBlur.dino()), normalize);
        this.localCrops = localCrops;
    }

    /** DINO's defaults: 8 local crops, ImageNet normalisation. */
    public static MultiCropViews dino() {
        return new MultiCropViews(LOCAL_CROPS, Normalize.imagenet());
    }

    @Override
    public List<FloatTensor> views(Sample sample, RandomGenerator random) {
        // Every view crops the same image: decode a deferred one whole once rather than a region per view.
        sample.image().decodeWhole();
        List<FloatTensor> views = new ArrayList<>(2 + localCrops);
        views.add(firstGlobal.apply(sample, random).image().toTensor("global0"));
        views.add(secondGlobal.apply(sample, random).image().toTensor("global1"));
        for (int i = 0; i < localCrops; i++) {
            views.add(local.apply(sample, random).image().toTensor("local" + i));
        }
        return views;
    }

    private static Transform globalCrop() {
        // DINO resizes its crops bicubically.
        return new RandomResizedCrop(GLOBAL_SIZE, GLOBAL_SCALE_MIN, GLOBAL_SCALE_MAX, Interpolation.BICUBIC);
    }
}
