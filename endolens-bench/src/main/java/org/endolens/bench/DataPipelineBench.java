package org.endolens.bench;

import org.endolens.EndoLensException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.ColorJitter;
import org.endolens.data.transform.Normalize;
import org.endolens.data.transform.RandomFlip;
import org.endolens.data.transform.RandomResizedCrop;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;

import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.annotation.JsonProperty;
import ai.djl.ndarray.NDManager;

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

/**
 * Images per second of the training input pipeline on a folder of JPEGs: decode, RandomResizedCrop to 224², flip,
 * colour jitter (DINO's strengths, always applied), CLIP normalisation, batched into NDArrays by {@link DataLoader}.
 * JPEG decoding alone, on as many threads, is measured beside it as the ceiling.
 */
public final class DataPipelineBench {
    public static final int CROP_SIZE = 224;
    /** Run seed of the augmentations; any fixed value makes runs comparable. */
    static final long SEED = 0;

    /**
     * What to run.
     *
     * @param images folder of JPEG/PNG images (e.g. Kvasir-SEG's {@code images})
     * @param threads decode threads
     * @param seconds length of each timed run (one untimed run of this length warms up the JIT first)
     * @param runs timed runs of each measurement
     * @param batch images per batch
     */
    public record Settings(Path images, int threads, double seconds, int runs, int batch) {
        public Settings {
            if (threads <= 0 || !(seconds > 0) || runs <= 0 || batch <= 0) {
                throw new IllegalArgumentException("threads, seconds, runs and batch must be positive, got threads=" + threads
                        + " seconds=" + seconds + " runs=" + runs + " batch=" + batch);
            }
        }
    }

    /**
     * What one benchmark measured.
     *
     * @param cpu CPU model name
     * @param cores cores the JVM sees
     * @param files images in the folder
     * @param decodeOnly {@code ImageFiles.read} alone
     * @param pipeline decode + crop + flip + jitter + normalise + batching
     * @param badInputs images skipped as unreadable
     */
    public record Result(String cpu, int cores, Settings settings, int files, Rates decodeOnly, Rates pipeline, int badInputs) {}

    /**
     * The timed runs of one measurement: images per second of wall-clock time, and milliseconds of process CPU time
     * per image (all threads, JIT and GC included), which other load on the machine disturbs much less.
     */
    public record Rates(List<Double> imagesPerSecond, List<Double> cpuMillisPerImage) {
        @JsonProperty
        public double medianImagesPerSecond() {
            return median(imagesPerSecond);
        }

        @JsonProperty
        public double medianCpuMillisPerImage() {
            return median(cpuMillisPerImage);
        }

        private static double median(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /** Images and process CPU time over one run. */
    private record Run(long images, double seconds, double cpuSeconds) {}

    private DataPipelineBench() {}

    /** The training augmentation that is timed: RandomResizedCrop 224, horizontal flip, colour jitter, normalise. */
    public static Transform augmentation() {
        return Transform.compose(new RandomResizedCrop(CROP_SIZE), RandomFlip.horizontal(), ColorJitter.dino(), Normalize.clip());
    }

    public static Result run(Settings settings, NDManager manager, Consumer<String> progress) {
        List<Path> files = Host.images(settings.images());
        progress.accept("decode only, " + settings.threads() + " threads");
        Rates decode = decodeOnly(files, settings);
        List<ExamRecord> exams = files.stream().map(DataPipelineBench::exam).toList();
        Problems problems = new Problems(BadInputPolicy.SKIP);
        FrameExamples source = new FrameExamples(exams, settings.images(), SampleViews.single(augmentation()), List.of(),
                FrameExamples.GroupBy.EXAM);
        LoaderConfig config = LoaderConfig.of(settings.batch(), SEED).withThreads(settings.threads());
        progress.accept("pipeline, " + settings.threads() + " threads");
        List<Run> runs = new ArrayList<>();
        try (DataLoader loader = new DataLoader(source, config, problems)) {
            int[] epoch = {0};
            for (int run = 0; run <= settings.runs(); run++) {
                runs.add(pipelineRun(loader, epoch, manager, settings.seconds()));
            }
        }
        return new Result(Host.cpuModel(), Host.cores(), settings, files.size(), decode, timed(runs), problems.count());
    }

    /** Batches until {@code seconds} have passed, finishing the batch in hand. */
    private static Run pipelineRun(DataLoader loader, int[] epoch, NDManager manager, double seconds) {
        long start = System.nanoTime();
        double cpuStart = Host.processCpuSeconds();
        long deadline = start + (long) (seconds * 1e9);
        long images = 0;
        while (true) {
            try (DataLoader.Epoch batches = loader.epoch(epoch[0]++)) {
                while (batches.hasNext()) {
                    try (NDManager step = manager.newSubManager()) {
                        NDList batch = batches.next(step);
                        images += batch.get(0).getShape().get(0);
                    }
                    long now = System.nanoTime();
                    if (now >= deadline) {
                        return new Run(images, (now - start) / 1e9, Host.processCpuSeconds() - cpuStart);
                    }
                }
            }
        }
    }

    /** The runs after the first (the warm-up). */
    private static Rates timed(List<Run> runs) {
        List<Run> timed = runs.subList(1, runs.size());
        return new Rates(timed.stream().map(r -> r.images() / r.seconds()).toList(),
                timed.stream().map(r -> 1e3 * r.cpuSeconds() / r.images()).toList());
    }


    /** The untimed warm-up run, then the timed runs, of ImageFiles.read on the loader's thread count. */
    private static Rates decodeOnly(List<Path> files, Settings settings) {
        ExecutorService threads = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Run> runs = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int run = 0; run <= settings.runs(); run++) {
                AtomicLong decoded = new AtomicLong();
                long start = System.nanoTime();
                double cpuStart = Host.processCpuSeconds();
                long deadline = start + (long) (settings.seconds() * 1e9);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < settings.threads(); t++) {
                    workers.add(threads.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            Path file = files.get(Math.floorMod(next.getAndIncrement(), files.size()));
                            try {
                                ImageFiles.read(file);
                                decoded.incrementAndGet();
                            } catch (EndoLensException e) {
                                // Counted by the pipeline run's Problems; here only decodable files count.
                            }
                        }
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                runs.add(new Run(decoded.get(), (System.nanoTime() - start) / 1e9, Host.processCpuSeconds() - cpuStart));
            }
            return timed(runs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndoLensException("interrupted while timing JPEG decoding", e);
        } catch (ExecutionException e) {
            throw new EndoLensException("decoding failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }


    private static ExamRecord exam(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        return new ExamRecord(id, id, null, List.of(FrameRecord.of(id, file.toAbsolutePath().toString())), List.of(), null, null);
    }
}
