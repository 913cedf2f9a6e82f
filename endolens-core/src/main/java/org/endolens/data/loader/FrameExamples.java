package org.endolens.data.loader;

import org.endolens.DataFormatException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.image.ImageSize;
import org.endolens.data.image.Mask;
import org.endolens.data.image.MaskFiles;
import org.endolens.data.transform.RgbImage;
import org.endolens.data.transform.Sample;
import org.endolens.data.transform.SampleViews;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Every frame of the given exams as one example: image (and mask, when the frame has one) decoded, turned into
 * tensors by {@link SampleViews}, with the frame's label as a class index.
 */
public final class FrameExamples implements ExampleSource {
    /** What per-patient batches group frames by. */
    public enum GroupBy { PATIENT, EXAM }

    private final List<Item> items;
    private final SampleViews views;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<String> classes;

    /**
     * @param exams the frames' exams (records file or {@code Dataset})
     * @param folder what relative image and mask paths are relative to (a records file's folder)
     * @param views how a decoded frame becomes tensors
     * @param classes class names in index order; empty for unlabelled training, where every label is
     *     {@link Example#NO_LABEL}
     * @param groupBy the key of {@link #group}
     */
    public FrameExamples(List<ExamRecord> exams, Path folder, SampleViews views, List<String> classes, GroupBy groupBy) {
        this.items = new ArrayList<>();
        for (ExamRecord exam : exams) {
            String group = groupBy == GroupBy.PATIENT ? exam.patientId() : exam.examId();
            for (FrameRecord frame : exam.frames()) {
                Path mask = frame.mask() == null ? null : folder.resolve(frame.mask());
                items.add(new Item(frame, folder.resolve(frame.path()), mask, group));
            }
        }
        this.views = views;
        this.classes = List.copyOf(classes);
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public String group(int index) {
        return items.get(index).group;
    }

    @Override
    public String describe(int index) {
        return items.get(index).image.toString();
    }

    @Override
    public Example load(int index, RandomGenerator random) {
        Item item = items.get(index);
        RgbImage image = image(item.image);
        Mask mask = item.mask == null ? null : MaskFiles.read(item.mask, image.width(), image.height());
        Sample sample = new Sample(item.frame.id(), image, mask, item.frame.boxes(), item.frame.label());
        return new Example(views.views(sample, random), label(item));
    }

    /**
     * JPEGs are decoded when first cropped, and then only the crop's rows ({@link JpegRegions}); other formats
     * whole, now.
     */
    private static RgbImage image(Path file) {
        if (!JpegRegions.isJpeg(file)) {
            return RgbImage.of(ImageFiles.read(file));
        }
        ImageSize size = ImageFiles.size(file);
        return RgbImage.deferred(size.width(), size.height(),
                (region, subsampling) -> JpegRegions.read(file, region, subsampling));
    }

    private long label(Item item) {
        if (classes.isEmpty() || item.frame.label() == null) {
            return Example.NO_LABEL;
        }
        Integer index = classIndex.get(item.frame.label());
        if (index == null) {
            throw new DataFormatException(item.image + ": label '" + item.frame.label() + "' is not one of the classes "
                    + classes);
        }
        return index;
    }

    private record Item(FrameRecord frame, Path image, Path mask, String group) {}
}
