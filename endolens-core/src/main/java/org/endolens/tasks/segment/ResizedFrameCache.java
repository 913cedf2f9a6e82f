package org.endolens.tasks.segment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
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
 */
final class ResizedFrameCache implements SampleViews {
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
        this.maskOfImage = Map.copyOf(maskOfImage);
        this.resize = Resize.to(size, size, Interpolation.BILINEAR);
        this.augmented = SampleViews.single(augmentation);
    }

    @Override
    public List<FloatTensor> views(Sample sample, RandomGenerator random) {
        Sample small = resized.get(sample.id());
        if (small == null) {
            Path maskFile = maskOfImage.get(sample.id());
            if (maskFile == null) {
                throw new IllegalStateException("no mask registered for sample '" + sample.id() + "'");
            }
            Mask mask = MaskFiles.read(maskFile, sample.width(), sample.height());
            small = resize.apply(new Sample(sample.id(), sample.image(), mask, List.of(), sample.label()), random);
            resized.putIfAbsent(sample.id(), small);
        }
        return augmented.views(small, random);
    }
}
