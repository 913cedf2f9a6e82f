package org.endolens.data.loader;

import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.VideoRecord;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.transform.RgbImage;
import org.endolens.data.transform.SpatioTemporalViews;
import org.endolens.data.video.VideoReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * Clips for Endo-FM pretraining, one per item: an exam's frames in time order (frame-sequence data sets such as
 * CVC-ClinicDB) or a video. A random window of at most {@code clipFrames} consecutive frames is the clip the
 * {@link SpatioTemporalViews} sample from; only the frames the views show are decoded, in ascending order.
 */
public final class ClipExamples implements ExampleSource {
    private final List<Clip> clips;
    private final SpatioTemporalViews views;
    private final int clipFrames;

    private ClipExamples(List<Clip> clips, SpatioTemporalViews views, int clipFrames) {
        if (clipFrames <= 0) {
            throw new IllegalArgumentException("a clip needs at least one frame, got " + clipFrames);
        }
        this.clips = List.copyOf(clips);
        this.views = views;
        this.clipFrames = clipFrames;
    }

    /** Each exam with frames is one clip: its frames by {@code time_s} when every frame has one, else in record order. */
    public static ClipExamples frameSequences(List<ExamRecord> exams, Path folder, SpatioTemporalViews views,
            int clipFrames) {
        List<Clip> clips = new ArrayList<>();
        for (ExamRecord exam : exams) {
            if (exam.frames().isEmpty()) {
                continue;
            }
            List<FrameRecord> frames = new ArrayList<>(exam.frames());
            if (frames.stream().allMatch(f -> f.timeS() != null)) {
                frames.sort(Comparator.comparingDouble(FrameRecord::timeS));
            }
            List<Path> files = frames.stream().map(f -> folder.resolve(f.path())).toList();
            clips.add(new Clip(exam.patientId(), "exam " + exam.examId(), files, null));
        }
        return new ClipExamples(clips, views, clipFrames);
    }

    /** Each video of the exams is one clip. */
    public static ClipExamples videos(List<ExamRecord> exams, Path folder, SpatioTemporalViews views, int clipFrames) {
        List<Clip> clips = new ArrayList<>();
        for (ExamRecord exam : exams) {
            for (VideoRecord video : exam.videos()) {
                Path file = folder.resolve(video.path());
                clips.add(new Clip(exam.patientId(), file.toString(), null, file));
            }
        }
        return new ClipExamples(clips, views, clipFrames);
    }

    @Override
    public int size() {
        return clips.size();
    }

    @Override
    public String group(int index) {
        return clips.get(index).patient;
    }

    @Override
    public String describe(int index) {
        return clips.get(index).name;
    }

    @Override
    public Example load(int index, RandomGenerator random) {
        Clip clip = clips.get(index);
        if (clip.video == null) {
            return viewsOf(clip.frames.size(), i -> RgbImage.of(ImageFiles.read(clip.frames.get(i))), random);
        }
        try (VideoReader reader = VideoReader.open(clip.video)) {
            return viewsOf(reader.info().frameCount(), i -> RgbImage.of(reader.read(i).toImage()), random);
        }
    }

    private Example viewsOf(int available, IntFunction<RgbImage> frame, RandomGenerator random) {
        int length = Math.min(clipFrames, available);
        int start = random.nextInt(available - length + 1);
        List<int[]> indices = views.frameIndices(length, random);
        TreeSet<Integer> needed = new TreeSet<>();
        indices.forEach(view -> {
            for (int i : view) {
                needed.add(i);
            }
        });
        Map<Integer, RgbImage> decoded = new HashMap<>();
        for (int i : needed) {
            decoded.put(i, frame.apply(start + i));
        }
        return new Example(views.views(indices, decoded::get, random), Example.NO_LABEL);
    }

    private record Clip(String patient, String name, List<Path> frames, Path video) {}
}
