package org.endolens.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.endolens.data.video.FfmpegLog;
import org.endolens.data.video.VideoInfo;
import org.endolens.data.video.VideoReader;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Video decoding throughput of {@link VideoReader}: every frame in order, resized by FFmpeg to size × size and turned
 * into the RGB float planes a model takes; plus a way to build a test video from a folder of frames.
 */
public final class VideoDecodeBench {
    /** Endoscopy recorders write 25 or 30 fps; CVC-ClinicDB's frames come from 25 fps PAL sequences. */
    public static final double TEST_VIDEO_FPS = 25;
    /** A keyframe every two seconds, as recorders typically write. */
    private static final int TEST_VIDEO_GOP = 50;
    /** 2 Mbit/s: a clinical-recording quality for 384 × 288 frames (ten times the encoders' default). */
    private static final int TEST_VIDEO_BITRATE = 2_000_000;

    private VideoDecodeBench() {}

    /**
     * What a benchmark measured.
     *
     * @param video             the decoded video
     * @param size              frames were resized to size × size
     * @param secondsPerRun     how long each timed run decoded
     * @param frames            frames decoded in each timed run
     * @param timings           wall-clock seconds per decoded frame, one entry per timed run
     * @param cpuMillisPerFrame the process's CPU time (all threads, FFmpeg's included) per frame, per timed run:
     *                          what decoding costs, which other load on the machine moves much less than frames/s
     * @param loadBefore        the system's one-minute load average before the timed runs (−1 where the OS has none)
     * @param loadAfter         the same after them
     * @param cpu               CPU model
     * @param cores             cores available to the JVM
     */
    public record Result(VideoInfo video, int size, double secondsPerRun, List<Integer> frames, Timings timings,
            List<Double> cpuMillisPerFrame, double loadBefore, double loadAfter, String cpu, int cores) {
        /** Median frames per second over the timed runs. */
        @JsonProperty
        public double framesPerSecond() {
            return 1 / timings.median();
        }

        /** Median CPU milliseconds per frame over the timed runs. */
        @JsonProperty
        public double medianCpuMillisPerFrame() {
            return new Timings(cpuMillisPerFrame).median();
        }
    }

    /**
     * Decodes {@code video} for {@code warmup} untimed and {@code runs} timed runs of {@code secondsPerRun} seconds
     * each, from its first frame and starting over at its end.
     */
    public static Result run(Path video, int size, double secondsPerRun, int warmup, int runs) {
        if (size < 1 || !(secondsPerRun > 0) || warmup < 0 || runs < 1) {
            throw new IllegalArgumentException("size, seconds and runs must be positive and warm-up non-negative, got size="
                    + size + " seconds=" + secondsPerRun + " warmup=" + warmup + " runs=" + runs);
        }
        VideoInfo info;
        try (VideoReader reader = VideoReader.open(video)) {
            info = reader.info();
        }
        for (int i = 0; i < warmup; i++) {
            decodeFor(video, size, secondsPerRun);
        }
        double loadBefore = loadAverage();
        List<Integer> frames = new ArrayList<>();
        List<Double> secondsPerFrame = new ArrayList<>();
        List<Double> cpuMillisPerFrame = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            double cpuStart = Host.processCpuSeconds();
            int decoded = decodeFor(video, size, secondsPerRun);
            frames.add(decoded);
            secondsPerFrame.add((System.nanoTime() - start) / 1e9 / decoded);
            cpuMillisPerFrame.add(1e3 * (Host.processCpuSeconds() - cpuStart) / decoded);
        }
        return new Result(info, size, secondsPerRun, frames, new Timings(secondsPerFrame), cpuMillisPerFrame,
                loadBefore, loadAverage(), Host.cpuModel(), Host.cores());
    }

    /**
     * Encodes the images of {@code folder} (JPEG or PNG, in the numeric order of their names, resized to the first
     * one's size) into {@code video} at {@link #TEST_VIDEO_FPS} with the FFmpeg encoder {@code encoder}, e.g.
     * {@code libopenh264} (H.264) or {@code mpeg4}.
     */
    public static void encode(Path folder, Path video, String encoder) throws IOException {
        FfmpegLog.install();
        List<Path> images = framesOf(folder);
        BufferedImage first = read(images.get(0));
        Java2DFrameConverter converter = new Java2DFrameConverter();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), first.getWidth(), first.getHeight())) {
            recorder.setVideoCodecName(encoder);
            recorder.setFrameRate(TEST_VIDEO_FPS);
            recorder.setGopSize(TEST_VIDEO_GOP);
            recorder.setVideoBitrate(TEST_VIDEO_BITRATE);
            recorder.start();
            for (Path image : images) {
                recorder.record(converter.convert(read(image)));
            }
        } catch (FrameRecorder.Exception e) {
            throw new EndoLensException(video + ": cannot encode with FFmpeg encoder " + encoder + ": " + e.getMessage(), e);
        }
    }

    private static int decodeFor(Path video, int size, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int decoded = 0;
        while (System.nanoTime() < deadline) {
            try (VideoReader reader = VideoReader.open(video, size, size)) {
                int count = reader.info().frameCount();
                for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                    reader.read(i).toRgbFloats();
                    decoded++;
                }
            }
        }
        return decoded;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }


    private static List<Path> framesOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new EndoLensException(folder + ": no such folder of frames");
        }
        List<Path> images;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)"))
                    .sorted(Comparator.comparing(VideoDecodeBench::numericName).thenComparing(Path::toString))
                    .toList();
        }
        if (images.isEmpty()) {
            throw new EndoLensException(folder + ": holds no .jpg or .png frames");
        }
        return images;
    }

    /** 12 for {@code 12.jpg}, so that frame 2 comes before frame 10; names without digits sort last. */
    private static long numericName(Path file) {
        String digits = file.getFileName().toString().replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static BufferedImage read(Path image) throws IOException {
        BufferedImage decoded = ImageIO.read(image.toFile());
        if (decoded == null) {
            throw new DataFormatException(image + ": not a readable image");
        }
        return decoded;
    }
}
