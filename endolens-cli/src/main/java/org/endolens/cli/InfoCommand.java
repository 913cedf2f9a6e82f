package org.endolens.cli;

import org.endolens.util.EngineRuntime;
import org.endolens.util.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code endolens info}: what engine runs, where its natives came from, and which devices it sees. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the engine, PyTorch version, threads, devices and where the native libraries were loaded from.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;

    @Option(names = "--json", description = "Print JSON instead of aligned text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        engine.start();
        Map<String, Object> info = EngineRuntime.describe();
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(info));
        } else {
            info.forEach((k, v) -> System.out.printf("%-18s %s%n", k, v));
        }
        return 0;
    }
}
