package org.endolens.bench;

import org.endolens.EndoLensException;
import org.endolens.cleanse.FrameQualityScorer;
import org.endolens.data.image.ImageFiles;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Frames per second of the cleansing stage's {@link FrameQualityScorer} on a folder of images: on frames decoded
 * beforehand (the scorer alone: area-average to the working size, then every feature) and from the files (JPEG/PNG
 * decode included), each on the same number of threads.
 */
public final class FrameQualityBench {
    private FrameQualityBench() {}

    /**
     * What to run.
     *
     * @param images folder of images (e.g. Kvasir-SEG's {@code images})
     * @param threads scoring threads
     * @param seconds length of each run; one untimed run of this length warms the JIT up first
     * @param runs timed runs of each measurement
     * @param decodedFrames images decoded beforehand for the scorer-only runs (memory: about 1 MB per Kvasir frame)
     */
    public record Settings(Path images, int threads, double seconds, int runs, int decodedFrames) {
        public Settings {
            if (threads < 1 || !(seconds > 0) || runs < 1 || decodedFrames < 1) {
                throw new IllegalArgumentException("threads, seconds, runs and decodedFrames must be positive, got "
                        + "threads=" + threads + " seconds=" + seconds + " runs=" + runs + " decodedFrames="
                        + decodedFrames);
            }
        }
    }

    /**
     * What one benchmark measured.
     *
     * @param cpu CPU model
     * @param cores cores the JVM sees
     * @param loadBefore one-minute load average before the first run (−1 where the OS has none)
     * @param loadAfter one-minute load average after the last run
     * @param files images in the folder
     * @param frameSize width x height of the first decoded frame
     * @param scorerOnly the scorer on decoded frames
     * @param withDecode decode and score
     */
    public record Result(String cpu, int cores, double loadBefore, double loadAfter, Settings settings, int files,
            String frameSize, Rates scorerOnly, Rates withDecode) {}

    /**
     * The timed runs of one measurement: wall-clock seconds per frame, and milliseconds of process CPU time per
     * frame (all threads), which other load on the machine disturbs much less than wall-clock time.
     */
    public record Rates(Timings secondsPerFrame, List<Double> cpuMillisPerFrame) {
        @JsonProperty
        public double framesPerSecond() {
            return 1 / secondsPerFrame.median();
        }

        @JsonProperty
        public double medianCpuMillisPerFrame() {
            return new Timings(cpuMillisPerFrame).median();
        }
    }

    public static Result run(Settings settings, Consumer<String> progress) {
        List<Path> files = Host.images(settings.images());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        FrameQualityScorer scorer = new FrameQualityScorer();
        progress.accept("decoding " + Math.min(settings.decodedFrames(), files.size()) + " frames");
        List<BufferedImage> decoded = new ArrayList<>();
        for (Path file : files.subList(0, Math.min(settings.decodedFrames(), files.size()))) {
            decoded.add(ImageFiles.read(file));
        }
        progress.accept("scorer only, " + settings.threads() + " threads");
        Rates scorerOnly = measure(settings, i -> scorer.score(decoded.get(i % decoded.size())));
        progress.accept("decode + scorer, " + settings.threads() + " threads");
        Rates withDecode = measure(settings, i -> scorer.score(ImageFiles.read(files.get(i % files.size()))));
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BufferedImage first = decoded.get(0);
        return new Result(Host.cpuModel(), Host.cores(), loadBefore, loadAfter, settings, files.size(),
                first.getWidth() + "x" + first.getHeight(), scorerOnly, withDecode);
    }

    /** One untimed warm-up run, then the timed runs, of {@code work} on frame indices 0, 1, 2, ... */
    private static Rates measure(Settings settings, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Double> secondsPerFrame = new ArrayList<>();
            List<Double> cpuMillisPerFrame = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int run = 0; run <= settings.runs(); run++) {
                AtomicLong frames = new AtomicLong();
                long start = System.nanoTime();
                double cpuStart = Host.processCpuSeconds();
                long deadline = start + (long) (settings.seconds() * 1e9);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < settings.threads(); t++) {
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            work.accept(Math.floorMod(next.getAndIncrement(), Integer.MAX_VALUE));
                            frames.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (run > 0) {
                    secondsPerFrame.add(seconds / frames.get());
                    cpuMillisPerFrame.add(1e3 * (Host.processCpuSeconds() - cpuStart) / frames.get());
                }
            }
            return new Rates(new Timings(secondsPerFrame), cpuMillisPerFrame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndoLensException("interrupted while timing the frame-quality scorer", e);
        } catch (ExecutionException e) {
            throw new EndoLensException("scoring failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
