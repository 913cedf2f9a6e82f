package org.endolens.cli;

import org.endolens.testing.SharedPaths;
import org.endolens.weights.Npy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code endolens forward} writes outputs that match the PyTorch fixtures, and converted checkpoints agree exactly. */
class ForwardCommandTest {
    @TempDir
    Path tmp;

    @Test
    void forwardReproducesTorchvisionLogitsFromPth() {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        Path out = tmp.resolve("tv");
        CliRun run = CliRun.of("forward", "--checkpoint", dir.resolve("weights.pth").toString(), "--layout", "torchvision",
                "--heads", "4", "--input", dir.resolve("input.npy").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertMaxAbs(dir.resolve("logits.npy"), out.resolve("logits.npy"), 1e-4);
        assertMaxAbs(dir.resolve("cls_feature.npy"), out.resolve("cls.npy"), 1e-4);
    }

    @Test
    void forwardReproducesOpenClipFeaturesAndScaleFromSafetensors() {
        Path dir = SharedPaths.requireFixtures("open-clip");
        Path out = tmp.resolve("clip");
        CliRun run = CliRun.of("forward", "--checkpoint", dir.resolve("weights.safetensors").toString(),
                "--layout", "openclip", "--heads", "2", "--text-heads", "2", "--quick-gelu",
                "--input", dir.resolve("input.npy").toString(), "--tokens", dir.resolve("tokens.npy").toString(),
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertMaxAbs(dir.resolve("image_features.npy"), out.resolve("image_features.npy"), 1e-4);
        assertMaxAbs(dir.resolve("text_features.npy"), out.resolve("text_features.npy"), 1e-4);
        assertMaxAbs(dir.resolve("logit_scale.npy"), out.resolve("logit_scale.npy"), 1e-4);
    }

    @Test
    void convertedCheckpointsGiveIdenticalOutputs() {
        roundTrip("torchvision-vit", new String[] {"--layout", "torchvision", "--heads", "4"}, false);
        roundTrip("open-clip", new String[] {"--layout", "openclip", "--heads", "2", "--text-heads", "2", "--quick-gelu"}, true);
        roundTrip("endofm-timesformer", new String[] {"--layout", "endofm", "--heads", "4"}, false);
    }

    private void roundTrip(String fixture, String[] layoutArgs, boolean withTokens) {
        Path dir = SharedPaths.requireFixtures(fixture);
        Path converted = tmp.resolve(fixture + "-ckpt");
        CliRun convert = CliRun.of(concat(new String[] {"convert", "--from", dir.resolve("weights.pth").toString(),
                "--to", converted.toString()}, layoutArgs));
        assertEquals(0, convert.exitCode(), convert.err());

        String[] inputs = withTokens
                ? new String[] {"--input", dir.resolve("input.npy").toString(), "--tokens", dir.resolve("tokens.npy").toString()}
                : new String[] {"--input", dir.resolve("input.npy").toString()};
        Path direct = tmp.resolve(fixture + "-direct");
        Path viaCheckpoint = tmp.resolve(fixture + "-via");
        assertEquals(0, CliRun.of(concat(concat(new String[] {"forward", "--checkpoint", dir.resolve("weights.pth").toString(),
                "--out", direct.toString()}, layoutArgs), inputs)).exitCode());
        // Heads and activation come from config.json; no layout flags are needed for our own checkpoints.
        CliRun fromDir = CliRun.of(concat(new String[] {"forward", "--checkpoint", converted.toString(),
                "--out", viaCheckpoint.toString()}, inputs));
        assertEquals(0, fromDir.exitCode(), fromDir.err());
        String first = withTokens ? "image_features.npy" : "features.npy";
        assertMaxAbs(direct.resolve(first), viaCheckpoint.resolve(first), 0.0);
        if (withTokens) {
            assertMaxAbs(direct.resolve("text_features.npy"), viaCheckpoint.resolve("text_features.npy"), 0.0);
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void assertMaxAbs(Path expectedFile, Path actualFile, double tolerance) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray expected = Npy.read(expectedFile, m);
            NDArray actual = Npy.read(actualFile, m);
            assertArrayEquals(expected.getShape().getShape(), actual.getShape().getShape(), actualFile + " shape");
            float diff = expected.sub(actual).abs().max().getFloat();
            assertTrue(diff <= tolerance, actualFile + ": max abs diff " + diff + " > " + tolerance);
        }
    }
}
