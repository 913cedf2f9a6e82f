package org.endolens.tasks.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.endolens.DataFormatException;
import org.endolens.data.Box;
import org.endolens.data.image.Mask;
import org.endolens.data.image.MaskFiles;
import org.endolens.data.transform.FloatTensor;
import org.endolens.data.transform.Interpolation;
import org.endolens.data.transform.Resize;
import org.endolens.data.transform.Sample;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;

/**
 * Training views that decode each frame and its mask once: the first time a frame is seen, image (bilinear) and mask
 * (nearest) are resized to the model's square size and kept in memory; every epoch then only applies the random
 * augmentation to the kept copy. Endoscopy frames are large (Kvasir-SEG up to 1920x1072) while models see 96-224
 * pixels, so decoding dominated a training step on two cores. The resize is deterministic, so cached and fresh
 * samples are identical and runs stay reproducible. Samples are keyed by their id, which must name the image file.
 * Boxes move with the resize; detection uses the cache {@link #withoutMasks without masks}.
 */
public final class ResizedFrameCache implements SampleViews {
    private final Map<String, Path> maskOfImage;
    private final Transform resize;
    private final SampleViews augmented;
    private final Map<String, Sample> resized = new ConcurrentHashMap<>();

    /**
     * @param maskOfImage mask file of each image, keyed by the sample ids the frames are loaded under
     * @param size side length of the resized square
     * @param augmentation what every epoch applies to the resized sample (flips, normalisation, ...)
     */
    ResizedFrameCache(Map<String, Path> maskOfImage, int size, Transform augmentation) {
        this(Map.copyOf(maskOfImage), size, SampleViews.single(augmentation));
    }

    private ResizedFrameCache(Map<String, Path> maskOfImage, int size, SampleViews augmented) {
        this.maskOfImage = maskOfImage;
        this.resize = Resize.to(size, size, Interpolation.BILINEAR);
        this.augmented = augmented;
    }

    /** A cache of images and their boxes only; {@code augmented} turns each resized sample into tensors. */
    public static ResizedFrameCache withoutMasks(int size, SampleViews augmented) {
        return new ResizedFrameCache(null, size, augmented);
    }

    @Override
    public List<FloatTensor> views(Sample sample, RandomGenerator random) {
        Sample small = resized.get(sample.id());
        if (small == null) {
            requireBoxesInside(sample);
            Mask mask = maskOfImage == null ? null : MaskFiles.read(maskFile(sample), sample.width(), sample.height());
            small = resize.apply(new Sample(sample.id(), sample.image(), mask, sample.boxes(), sample.label()), random);
            resized.putIfAbsent(sample.id(), small);
        }
        return augmented.views(small, random);
    }

    /** The resize would clip a box that sticks out of its image; such an annotation is wrong, not to be trained on. */
    private static void requireBoxesInside(Sample sample) {
        for (Box box : sample.boxes()) {
            if (!box.inside(sample.width(), sample.height())) {
                throw new DataFormatException(sample.id() + ": box (" + box.xmin() + ", " + box.ymin() + ") - ("
                        + box.xmax() + ", " + box.ymax() + ") lies outside the " + sample.width() + "x" + sample.height()
                        + " image; fix or remove the annotation");
            }
        }
    }

    private Path maskFile(Sample sample) {
        Path maskFile = maskOfImage.get(sample.id());
        if (maskFile == null) {
            throw new IllegalStateException("no mask registered for sample '" + sample.id() + "'");
        }
        return maskFile;
    }
}
