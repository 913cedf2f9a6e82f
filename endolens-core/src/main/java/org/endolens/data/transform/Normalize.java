package org.endolens.data.transform;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** torchvision's {@code Normalize}: {@code (x - mean[c]) / std[c]} per channel; the last step before a model. */
public final class Normalize implements Transform {
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private final float[] mean;
    private final float[] std;

    public Normalize(float[] mean, float[] std) {
        if (mean.length != RgbImage.CHANNELS || std.length != RgbImage.CHANNELS) {
            throw new IllegalArgumentException("need 3 means and 3 standard deviations, got " + Arrays.toString(mean)
                    + " and " + Arrays.toString(std));
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("standard deviations must be positive, got " + Arrays.toString(std));
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** ImageNet statistics, mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225): torchvision models, DINO, Endo-FM. */
    public static Normalize imagenet() {
        return new Normalize(IMAGENET_MEAN, IMAGENET_STD);
    }

    /**
     * OpenAI CLIP's statistics (open_clip's {@code OPENAI_DATASET_MEAN/STD}), mean (0.48145466, 0.4578275, 0.40821073),
     * std (0.26862954, 0.26130258, 0.27577711).
     */
    public static Normalize clip() {
        return new Normalize(CLIP_MEAN, CLIP_STD);
    }

    @Override
    public Sample apply(Sample sample, RandomGenerator random) {
        return sample.withImage(normalize(sample.image()));
    }

    /** The normalised planes as a new image. */
    public RgbImage normalize(RgbImage image) {
        float[] planes = image.planes();
        float[] out = new float[planes.length];
        int area = image.width() * image.height();
        for (int c = 0; c < RgbImage.CHANNELS; c++) {
            float m = mean[c];
            float s = std[c];
            for (int i = c * area; i < (c + 1) * area; i++) {
                out[i] = (planes[i] - m) / s;
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
