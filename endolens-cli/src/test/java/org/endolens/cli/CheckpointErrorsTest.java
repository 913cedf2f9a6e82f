package org.endolens.cli;

import org.endolens.testing.SharedPaths;
import org.endolens.weights.SafeTensors;
import org.endolens.weights.StateDict;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken checkpoints and wrong flags give one-line errors that name the file and the key, and exit 1. */
class CheckpointErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void truncatedPthNamesTheFile() throws Exception {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        byte[] bytes = Files.readAllBytes(dir.resolve("weights.pth"));
        Path truncated = tmp.resolve("truncated.pth");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        String err = failingForward(truncated, dir, "--layout", "torchvision", "--heads", "4");
        assertTrue(err.contains("truncated.pth"), err);
    }

    @Test
    void missingKeyIsNamedInTheCheckpointsOwnLayout() {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        Path edited = edited(dir, "missing.safetensors", sd -> sd.remove("encoder.ln.weight"));
        String err = failingForward(edited, dir, "--layout", "torchvision", "--heads", "4");
        assertTrue(err.contains("missing.safetensors") && err.contains("encoder.ln.weight"), err);
    }

    @Test
    void missingKeyIsToleratedWithStrictFalse() {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        Path edited = edited(dir, "nohead.safetensors", sd -> {
            sd.remove("heads.head.weight");
            sd.remove("heads.head.bias");
            sd.remove("encoder.ln.bias");
        });
        CliRun run = CliRun.of("forward", "--checkpoint", edited.toString(), "--layout", "torchvision", "--heads", "4",
                "--strict", "false", "--input", dir.resolve("input.npy").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void shapeMismatchNamesKeyAndBothShapes() {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        String key = "encoder.layers.encoder_layer_1.mlp.3.weight";
        Path edited = edited(dir, "mismatch.safetensors",
                sd -> sd.put(key, sd.get(key).getManager().zeros(new Shape(64, 100))));
        String err = failingForward(edited, dir, "--layout", "torchvision", "--heads", "4");
        assertTrue(err.contains("mismatch.safetensors") && err.contains(key) && err.contains("(64, 100)")
                && err.contains("(64, 128)"), err);
    }

    @Test
    void wrongLayoutNamesTheExpectedKeyAndSuggestsTheRightOne() {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        String err = failingForward(dir.resolve("weights.pth"), dir, "--layout", "openclip");
        assertTrue(err.contains("weights.pth") && err.contains("visual.transformer.resblocks.0.attn.in_proj_weight")
                && err.contains("--layout torchvision"), err);
    }

    @Test
    void missingFileIsReportedNotThrown() {
        Path dir = SharedPaths.requireFixtures("torchvision-vit");
        String err = failingForward(tmp.resolve("nope.pth"), dir, "--layout", "torchvision");
        assertTrue(err.contains("nope.pth"), err);
    }

    private String failingForward(Path checkpoint, Path fixture, String... flags) {
        String[] base = {"forward", "--checkpoint", checkpoint.toString(), "--input",
            fixture.resolve("input.npy").toString(), "--out", tmp.resolve("out").toString()};
        CliRun run = CliRun.of(ForwardCommandTest.concat(base, flags));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one-line error expected, got:\n" + run.err());
        return run.err();
    }

    private Path edited(Path fixture, String name, Consumer<StateDict> edit) {
        Path out = tmp.resolve(name);
        try (NDManager m = NDManager.newBaseManager()) {
            StateDict sd = SafeTensors.read(fixture.resolve("weights.safetensors"), m);
            edit.accept(sd);
            SafeTensors.write(out, sd, Map.of("format", "pt"));
        }
        return out;
    }
}
