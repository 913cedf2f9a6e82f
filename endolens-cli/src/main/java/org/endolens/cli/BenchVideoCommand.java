package org.endolens.cli;

import org.endolens.bench.VideoDecodeBench;
import org.endolens.data.video.VideoInfo;
import org.endolens.util.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code endolens bench video}: video decoding throughput, frames resized by FFmpeg to the model's input size. */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = "Decode every frame of a video, resized by FFmpeg to SIZE x SIZE, into RGB float planes, and print"
            + " frames/s and CPU ms/frame (medians of the timed runs after warm-up; see docs/benchmarks.md). Without"
            + " --file, a test video is first encoded from the frames in --images into the temporary folder.")
final class BenchVideoCommand implements Callable<Integer> {
    @Option(names = "--file", description = "Video to decode (default: one encoded from --images).")
    Path file;

    @Option(names = "--images", defaultValue = "${env:ENDOLENS_DATA:-../shared/data}/cvc-clinicdb/images",
            description = "Frames (.jpg/.png, numbered) to build the test video from (default: ${DEFAULT-VALUE}).")
    Path images;

    @Option(names = "--codec", defaultValue = "h264",
            description = "Codec of the built test video: h264 (OpenH264) or mpeg4 (default: ${DEFAULT-VALUE}).")
    String codec;

    @Option(names = "--size", defaultValue = "224", description = "Output frame side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seconds", defaultValue = "3", description = "Length of each run in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs before timing (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Also write every measurement as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Path video = file != null ? file : testVideo();
        VideoDecodeBench.Result result = VideoDecodeBench.run(video, size, seconds, warmup, runs);
        VideoInfo info = result.video();
        System.out.printf(Locale.ROOT, "video    %s%n", info);
        System.out.printf(Locale.ROOT, "cpu      %s, %d cores, load average %.2f -> %.2f during timing%n", result.cpu(),
                result.cores(), result.loadBefore(), result.loadAfter());
        System.out.printf(Locale.ROOT, "decode   %s -> %dx%d RGB float planes, %d runs of %.1f s after %d warm-up%n",
                info.codec(), size, size, runs, seconds, warmup);
        System.out.printf(Locale.ROOT, "frames/s %.1f median (spread %.1f%%), CPU %.3f ms/frame%n",
                result.framesPerSecond(), 100 * result.timings().spread(), result.medianCpuMillisPerFrame());
        if (json != null) {
            Json.mapper().writeValue(json.toFile(), result);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    private Path testVideo() throws Exception {
        String encoder = switch (codec.toLowerCase(Locale.ROOT)) {
            case "h264" -> "libopenh264";
            case "mpeg4" -> "mpeg4";
            default -> throw new IllegalArgumentException("--codec " + codec + ": expected h264 or mpeg4");
        };
        Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "endolens-bench"));
        // Named after the frames' folder and its parent, e.g. cvc-clinicdb-images-h264.mp4.
        Path source = images.toAbsolutePath().normalize();
        String name = source.getNameCount() > 1 ? source.subpath(source.getNameCount() - 2, source.getNameCount())
                .toString().replace(source.getFileSystem().getSeparator(), "-") : String.valueOf(source.getFileName());
        Path video = folder.resolve(name + "-" + codec.toLowerCase(Locale.ROOT) + ".mp4");
        System.err.println("encoding " + images + " into " + video + " ...");
        VideoDecodeBench.encode(images, video, encoder);
        return video;
    }
}
