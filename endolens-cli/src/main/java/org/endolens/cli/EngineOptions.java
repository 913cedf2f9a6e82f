package org.endolens.cli;

import org.endolens.util.EngineRuntime;

import ai.djl.Device;
import picocli.CommandLine.Option;

/** Options every command that runs a model shares: device and thread count. */
final class EngineOptions {
    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", defaultValue = "0",
            description = "libtorch intra-op threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    /** Starts the engine with these settings and returns the device to run on. */
    Device start() {
        EngineRuntime.setThreads(threads);
        return EngineRuntime.device(device);
    }
}
