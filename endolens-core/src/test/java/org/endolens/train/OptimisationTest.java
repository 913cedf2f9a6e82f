package org.endolens.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimisationTest {
    /**
     * Reference: torch 1.13 {@code torch.optim.AdamW([w], lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)},
     * w = [0.5, -1, 2], three steps with the gradients below.
     */
    @Test
    void adamWMatchesTorchOptimAdamW() {
        float[][] grads = {{0.1f, -0.2f, 0.3f}, {0.4f, 0f, -0.1f}, {-0.3f, 0.5f, 0.2f}};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {0.5f, -1f, 2f});
            AdamW adam = new AdamW(m);
            for (float[] g : grads) {
                try (NDManager step = m.newSubManager()) {
                    adam.beginStep();
                    adam.update("w", w, step.create(g), 0.1, 0.05);
                }
            }
            assertArrayEquals(new float[] {0.287868649f, -0.859502256f, 1.771016836f}, w.toFloatArray(), 1e-6f);
            Map<String, NDArray> state = adam.state();
            assertArrayEquals(new float[] {0.0141f, 0.0338f, 0.0353f}, state.get("exp_avg.w").toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {0.000259820052f, 0.000289920048f, 0.000139810116f},
                    state.get("exp_avg_sq.w").toFloatArray(), 1e-9f);
        }
    }

    @Test
    void adamWCreatesNoArraysOutsideTheStepExceptItsState() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f});
            AdamW adam = new AdamW(m);
            adam.beginStep();
            try (NDManager step = m.newSubManager()) {
                adam.update("w", w, step.create(new float[] {0.1f, 0.1f}), 0.01, 0.1);
            }
            int afterFirst = m.getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                adam.beginStep();
                try (NDManager step = m.newSubManager()) {
                    adam.update("w", w, step.create(new float[] {0.1f, 0.1f}), 0.01, 0.1);
                }
            }
            assertEquals(afterFirst, m.getManagedArrays().size());
        }
    }

    @Test
    void cosineScheduleWarmsUpLinearlyThenDecaysToTheMinimum() {
        CosineSchedule s = new CosineSchedule(1e-3, 1e-5, 10, 110);
        assertEquals(1e-4, s.lr(0), 1e-15);
        assertEquals(1e-3, s.lr(9), 1e-15);
        assertEquals(1e-3, s.lr(10), 1e-15);
        assertEquals(1e-5 + (1e-3 - 1e-5) * 0.5, s.lr(60), 1e-12);
        assertEquals(1e-5, s.lr(110), 1e-15);
        assertEquals(1e-5, s.lr(500), 1e-15);
    }

    @Test
    void weightDecaySkipsBiasesNormsAndEmbeddings() {
        assertTrue(WeightDecayPolicy.decays("blocks.0.attn.qkv.weight", new Shape(192, 64)));
        assertTrue(WeightDecayPolicy.decays("text.token_embedding", new Shape(259, 64)));
        assertFalse(WeightDecayPolicy.decays("blocks.0.attn.qkv.bias", new Shape(192)));
        assertFalse(WeightDecayPolicy.decays("blocks.0.norm1.weight", new Shape(64)));
        assertFalse(WeightDecayPolicy.decays("visual.pos_embed", new Shape(1, 17, 64)));
        assertFalse(WeightDecayPolicy.decays("cls_token", new Shape(1, 1, 64)));
        assertFalse(WeightDecayPolicy.decays("logit_scale", new Shape()));
    }

    @Test
    void globalNormClippingMatchesTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            // norm of [3, 4] and [12] is 13; clip to 1.3 scales by 1.3 / (13 + 1e-6)
            Map<String, NDArray> grads = new java.util.LinkedHashMap<>();
            grads.put("a", m.create(new float[] {3f, 4f}));
            grads.put("b", m.create(new float[] {12f}));
            assertEquals(13.0, Gradients.clipByGlobalNorm(grads, 1.3), 1e-6);
            assertArrayEquals(new float[] {0.3f, 0.4f}, grads.get("a").toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {1.2f}, grads.get("b").toFloatArray(), 1e-6f);
        }
    }
}
