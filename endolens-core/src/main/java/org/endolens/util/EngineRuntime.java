package org.endolens.util;

import org.endolens.EndoLensException;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts DJL's PyTorch engine offline (natives come from the {@code pytorch-native-cpu} jar on the class path,
 * never from the network) and describes it: versions, threads, devices and where libtorch was loaded from.
 */
public final class EngineRuntime {
    public static final String ENGINE = "PyTorch";

    private EngineRuntime() {}

    /** Forbids DJL's run-time downloads; must run before the engine is first touched. */
    public static void preferOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // Shapes vary (multi-crop views, frames); TorchScript graph optimisation would re-specialise per shape.
        if (System.getProperty("ai.djl.pytorch.graph_optimizer") == null) {
            System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        }
    }

    /** The PyTorch engine, with a clear error when its natives cannot be loaded. */
    public static Engine engine() {
        preferOffline();
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EndoLensException("cannot start the PyTorch engine (" + e.getMessage() + "); the class path needs "
                    + "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64 and pytorch-jni 2.7.1-0.35.1, or set "
                    + "PYTORCH_LIBRARY_PATH to a local libtorch 2.7.1", e);
        }
    }

    /** Sets libtorch's intra-op thread count (0 keeps the default: one per core). */
    public static void setThreads(int threads) {
        engine();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** Resolves {@code auto|cpu|gpu} to a device, failing clearly when a GPU is asked for but absent. */
    public static Device device(String spec) {
        Engine engine = engine();
        return switch (spec.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (engine.getGpuCount() == 0) {
                    throw new EndoLensException("--device gpu: no GPU visible to libtorch; install a CUDA libtorch 2.7.1, "
                            + "set PYTORCH_LIBRARY_PATH and PYTORCH_FLAVOR=cu128 (see README), or use --device cpu");
                }
                yield Device.gpu();
            }
            case "auto" -> engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> throw new EndoLensException("--device " + spec + ": expected auto, cpu or gpu");
        };
    }

    /** Facts about the running engine, for {@code endolens info} and provenance files. */
    public static Map<String, Object> describe() {
        Engine engine = engine();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("engine", engine.getEngineName());
        info.put("djl", Engine.getDjlVersion());
        info.put("pytorch", engine.getVersion());
        info.put("pytorch_flavor", System.getenv().getOrDefault("PYTORCH_FLAVOR", "cpu"));
        info.put("intra_op_threads", JniUtils.getNumThreads());
        info.put("inter_op_threads", JniUtils.getNumInteropThreads());
        info.put("cores", Runtime.getRuntime().availableProcessors());
        List<String> devices = new ArrayList<>();
        for (Device d : engine.getDevices()) {
            devices.add(d.toString());
        }
        info.put("devices", devices);
        info.put("gpus", engine.getGpuCount());
        info.put("libtorch_path", LibUtils.getLibtorchPath());
        var nativeJar = EngineRuntime.class.getClassLoader().getResource("native/lib/pytorch.properties");
        info.put("natives_from", nativeJar == null ? "PYTORCH_LIBRARY_PATH or DJL cache" : nativeJar.getPath().replaceFirst("!.*", ""));
        info.put("offline", Boolean.parseBoolean(System.getProperty("ai.djl.offline", "false")));
        info.put("java", System.getProperty("java.version"));
        return info;
    }
}
