package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.endolens.model.ModelConfig;
import org.endolens.util.EngineRuntime;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchLoopTest {
    @Test
    void inferenceBenchTimesOnlyTheRunsAfterWarmUpAndFreesEveryForward() {
        ModelConfig config = TinyClassifier.config();
        List<Integer> heard = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(EngineRuntime.ENGINE)) {
            ModelThroughput result = VitInferenceBench.measure(config, manager, new RunPlan(2, 1, 3), heard::add);
            assertEquals(List.of(1, 2, 3, 4), heard);
            assertEquals(3, result.timings().seconds().size());
            assertEquals(2 * VitFlops.forwardMacs(config.vision()), result.flopsPerImage());
            assertTrue(result.imagesPerSecond() > 0);
            assertEquals(0, manager.getManagedArrays().size(), "arrays left after the benchmark closed its model");
        }
    }

    @Test
    void trainingBenchRecordsMemoryAfterEveryStep() {
        try (NDManager manager = NDManager.newBaseManager(EngineRuntime.ENGINE)) {
            MemoryTrace trace = VitTrainingBench.memory(TinyClassifier.config(), manager, 2, 4, step -> { });
            assertEquals(4, trace.steps());
            assertTrue(trace.rssAt(1) > 0);
        }
    }

    @Test
    void gemmPeakCountsTwoNCubedFlopsPerProduct() {
        try (NDManager manager = NDManager.newBaseManager(EngineRuntime.ENGINE)) {
            GemmPeak.Result result = GemmPeak.measure(manager, 64, 1, 3);
            assertEquals(2.0 * 64 * 64 * 64 / result.timings().median(), result.flopsPerSecond(), 1e-6);
        }
    }
}
