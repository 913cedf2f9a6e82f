package org.endolens.cli;

import org.endolens.util.Json;
import org.endolens.weights.CheckpointSaver;
import org.endolens.weights.LoadedModel;
import org.endolens.weights.Provenance;

import ai.djl.ndarray.NDManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code endolens convert}: a public checkpoint to an EndoLens checkpoint directory. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a PyTorch (.pth/.pt) or safetensors checkpoint into an EndoLens checkpoint directory",
            "(model.safetensors in open_clip/timm/Endo-FM names + config.json + provenance.json), written atomically."})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "Source checkpoint file (or EndoLens directory).")
    Path from;

    @Option(names = "--to", required = true, description = "Destination directory (replaced atomically if it exists).")
    Path to;

    @Mixin
    CheckpointOptions checkpoint;

    @Override
    public Integer call() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            LoadedModel loaded = checkpoint.load(from, manager, System.err);
            List<String> command = new ArrayList<>(List.of("endolens", "convert"));
            command.addAll(spec.commandLine().getParseResult().originalArgs());
            Provenance provenance = Provenance.of(command).putFile("source", from)
                    .put("source_layout", loaded.layout().configName());
            CheckpointSaver.save(to, loaded.config(), loaded.model(), provenance);
            System.out.println("wrote " + to + " (" + loaded.config().kind().configName() + ", "
                    + loaded.model().stateParameters().size() + " tensors)");
            System.out.println(Json.mapper().writeValueAsString(loaded.config()));
        }
        return 0;
    }
}
