package org.endolens.train;

import org.endolens.CheckpointException;
import org.endolens.EndoLensException;
import org.endolens.model.ModelConfig;
import org.endolens.nn.NamedBlock;
import org.endolens.util.Json;
import org.endolens.weights.Provenance;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training loop every objective shares: per step a fresh NDManager scope, forward and backward under one
 * gradient collector, global-norm clipping, AdamW with the cosine schedule and weight-decay exclusions, JSONL
 * metrics, and a resumable checkpoint every {@code checkpointEvery} steps. Random streams are re-seeded from
 * (seed, step) at every step, so stopping at step N and resuming reproduces the uninterrupted run on CPU.
 */
public final class Trainer {
    public static final String CHECKPOINT = "checkpoint";
    public static final String METRICS = "metrics.jsonl";

    /** Hears about progress (the CLI draws a progress bar from it). */
    public interface Listener {
        void onStep(StepRecord record);

        default void onCheckpoint(Path dir, long step) {}
    }

    /**
     * A step whose gradient norm is NaN or infinite is skipped (the weights and AdamW moments stay as they were; the
     * metrics record the norm), as PyTorch's GradScaler skips overflowed steps; clipping cannot repair such a gradient
     * and would write NaN into the weights. This many in a row stop the run.
     */
    public static final int MAX_SKIPPED_IN_A_ROW = 5;

    private final TrainerConfig config;

    public Trainer(TrainerConfig config) {
        this.config = config;
    }

    /**
     * Trains {@code model} (parameters on {@code manager}) until {@code config.steps()}; with {@code resume}, continues
     * from {@code runDir/checkpoint} when it exists. Returns the metrics of the steps run in this call.
     */
    public List<StepRecord> fit(NamedBlock model, ModelConfig modelConfig, NDManager manager, StepFunction step,
            Path runDir, boolean resume, List<String> command, Listener listener) {
        Map<String, Parameter> params = model.stateParameters();
        AdamW optimizer = new AdamW(manager);
        long start = resume ? restore(runDir.resolve(CHECKPOINT), model, optimizer, manager) : 0;
        CosineSchedule schedule = config.schedule();
        ParameterStore store = new ParameterStore(manager, false);
        Engine engine = Engine.getInstance();
        List<StepRecord> records = new ArrayList<>();
        try {
            Files.createDirectories(runDir);
            Json.mapper().writeValue(runDir.resolve("trainer.json").toFile(), config);
            keepMetricsBefore(runDir.resolve(METRICS), start);
            try (BufferedWriter metrics = Files.newBufferedWriter(runDir.resolve(METRICS), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                long timer = System.nanoTime();
                int skippedInARow = 0;
                for (long s = start; s < config.steps(); s++) {
                    engine.setRandomSeed(stepSeed(s));
                    double loss;
                    double gradNorm;
                    double lr = schedule.lr(s);
                    try (NDManager scope = manager.newSubManager()) {
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            NDArray value = step.loss(store, s, scope);
                            collector.backward(value);
                            loss = value.getFloat();
                        }
                        if (!Double.isFinite(loss)) {
                            throw new EndoLensException("loss is " + loss + " at step " + s
                                    + "; lower --lr or check the data (the last checkpoint is intact)");
                        }
                        Map<String, NDArray> grads = Gradients.collect(params, scope);
                        gradNorm = Gradients.clipByGlobalNorm(grads, config.clipNorm());
                        if (Double.isFinite(gradNorm)) {
                            skippedInARow = 0;
                            optimizer.beginStep();
                            grads.forEach((name, g) -> {
                                NDArray w = params.get(name).getArray();
                                double decay = WeightDecayPolicy.decays(name, w.getShape()) ? config.weightDecay() : 0;
                                optimizer.update(name, w, g, lr, decay);
                            });
                        } else if (++skippedInARow < MAX_SKIPPED_IN_A_ROW) {
                            System.err.printf(Locale.ROOT, "warning: step %d: gradient norm is %s (loss %s, largest"
                                    + " gradient in %s); update skipped%n", s, gradNorm, loss, Gradients.largest(grads));
                        } else {
                            throw new EndoLensException("the gradient norm is " + gradNorm + " for " + skippedInARow
                                    + " steps in a row, last at step " + s + " (loss " + loss + ", largest gradient in "
                                    + Gradients.largest(grads) + "); lower --lr or check the data (the last checkpoint"
                                    + " is intact)");
                        }
                        Gradients.zero(params);
                    }
                    long done = s + 1;
                    if (done % config.logEvery() == 0 || done == config.steps()) {
                        long now = System.nanoTime();
                        double rate = (done % config.logEvery() == 0 ? config.logEvery() : done % config.logEvery())
                                / ((now - timer) / 1e9);
                        timer = now;
                        StepRecord record = new StepRecord(done, loss, lr, gradNorm, rate);
                        records.add(record);
                        metrics.write(Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(record));
                        metrics.newLine();
                        metrics.flush();
                        listener.onStep(record);
                    }
                    if (done % config.checkpointEvery() == 0 || done == config.steps()) {
                        Path dir = runDir.resolve(CHECKPOINT);
                        TrainingCheckpoint.save(dir, modelConfig, model, optimizer,
                                new TrainingCheckpoint.State(done, config),
                                Provenance.of(command).put("seed", config.seed()).put("step", done));
                        listener.onCheckpoint(dir, done);
                    }
                }
            }
        } catch (IOException e) {
            throw new EndoLensException(runDir + ": cannot write run files (" + e.getMessage() + ")", e);
        }
        return records;
    }

    private int stepSeed(long step) {
        return (int) (config.seed() * 1_000_003L + step);
    }

    private long restore(Path dir, NamedBlock model, AdamW optimizer, NDManager manager) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        TrainingCheckpoint.State state = TrainingCheckpoint.readState(dir);
        if (!state.config().equals(config)) {
            throw new CheckpointException(dir + ": was written with different trainer settings " + state.config()
                    + "; resume with the same settings or start a new --out directory");
        }
        TrainingCheckpoint.loadModel(dir, model, manager);
        optimizer.restore(TrainingCheckpoint.readOptimizer(dir, manager), state.step());
        return state.step();
    }

    /** Every record of {@code runDir}'s metrics file (empty when there is none), e.g. for a loss curve after a resume. */
    public static List<StepRecord> readMetrics(Path runDir) {
        Path file = runDir.resolve(METRICS);
        List<StepRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    records.add(Json.mapper().readValue(line, StepRecord.class));
                }
            }
        } catch (IOException e) {
            throw new EndoLensException(file + ": not a metrics file (" + e.getMessage() + ")", e);
        }
        return records;
    }

    private static void keepMetricsBefore(Path file, long start) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && Json.mapper().readTree(line).get("step").asLong() <= start) {
                kept.add(line);
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
    }
}
