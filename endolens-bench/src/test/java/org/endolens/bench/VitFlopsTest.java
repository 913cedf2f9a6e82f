package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.endolens.model.Presets;
import org.endolens.nn.Activation;
import org.endolens.nn.VisionConfig;

import org.junit.jupiter.api.Test;

class VitFlopsTest {
    @Test
    void vitB16ForwardIs35Point1GigaflopsPerImage() {
        VisionConfig vitB16 = Presets.load("vit-b-16").vision();
        // ARCHITECTURE.md: ViT-B/16 at 224² is 17.6 GMACs = 35.1 GFLOP per image.
        assertEquals(17.6e9, VitFlops.forwardMacs(vitB16), 0.01 * 17.6e9);
        assertEquals(35.1e9, VitFlops.forwardFlops(vitB16), 0.01 * 35.1e9);
        assertEquals(3 * VitFlops.forwardFlops(vitB16), VitFlops.trainingFlops(vitB16));
    }

    @Test
    void tinyConfigMatchesTheHandCount() {
        VisionConfig tiny = new VisionConfig(32, 8, 3, 64, 2, 4, 256, Activation.GELU, 1e-6f, true, true, false, 10, 0, 0,
                null, 0f);
        long patches = 16;
        long tokens = 17;
        long patchEmbed = patches * 64 * (3 * 8 * 8);   // 196,608
        long qkv = tokens * 64 * 192;                   // 208,896
        long scoresAndMix = 2 * tokens * tokens * 64;   // 36,992
        long proj = tokens * 64 * 64;                   // 69,632
        long mlp = 2 * tokens * 64 * 256;               // 557,056
        long head = 64 * 10;                            // 640
        long expected = patchEmbed + 2 * (qkv + scoresAndMix + proj + mlp) + head;
        assertEquals(1_942_400L, expected);
        assertEquals(expected, VitFlops.forwardMacs(tiny));
        assertEquals(2.0 * expected, VitFlops.forwardFlops(tiny));
    }

    @Test
    void videoTowersAreRejected() {
        VisionConfig video = Presets.load("timesformer-tiny-8").vision();
        assertThrows(IllegalArgumentException.class, () -> VitFlops.forwardMacs(video));
    }
}
