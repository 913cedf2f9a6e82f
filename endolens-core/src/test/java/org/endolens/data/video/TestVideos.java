package org.endolens.data.video;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Small videos written with FFmpeg for the tests: frame i is a flat colour R = 8i, G = 255 − 8i, B = 128, so a
 * decoded frame tells which frame it is and whether the channels are in order, through lossy coding and resizing.
 */
final class TestVideos {
    static final int WIDTH = 64;
    static final int HEIGHT = 48;
    static final int FRAMES = 30;
    static final double FPS = 10;
    /** A keyframe every 10 frames, so that seeking must decode forward from the keyframe before the target. */
    static final int GOP = 10;

    private TestVideos() {}

    /** Writes {@link #FRAMES} frames at {@link #FPS} into {@code dir/name} in {@code container} with {@code encoder}. */
    static Path write(Path dir, String name, String container, String encoder) throws Exception {
        FfmpegLog.install();
        Path file = dir.resolve(name);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT)) {
            recorder.setFormat(container);
            recorder.setVideoCodecName(encoder);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(GOP);
            if (!encoder.equals("libopenh264")) {
                recorder.setVideoQuality(2);
            }
            recorder.start();
            Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < FRAMES; i++) {
                paint(frame, i);
                recorder.record(frame);
            }
        }
        return file;
    }

    /** Which frame {@code frame} is, read from its red level; checks green and blue so that BGR/RGB mix-ups fail. */
    static int paintedIndex(VideoFrame frame) {
        float[] rgb = frame.toRgbFloats();
        int area = frame.width() * frame.height();
        double red = mean(rgb, 0, area) * 255;
        double green = mean(rgb, area, area) * 255;
        double blue = mean(rgb, 2 * area, area) * 255;
        int index = (int) Math.round(red / 8);
        if (Math.abs(green - (255 - 8 * index)) > 12 || Math.abs(blue - 128) > 12) {
            throw new AssertionError(String.format("frame %d has colour (%.1f, %.1f, %.1f), not frame %d's",
                    frame.index(), red, green, blue, index));
        }
        return index;
    }

    private static void paint(Frame frame, int index) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int at = y * frame.imageStride + 3 * x;
                pixels.put(at, (byte) 128);
                pixels.put(at + 1, (byte) (255 - 8 * index));
                pixels.put(at + 2, (byte) (8 * index));
            }
        }
    }

    private static double mean(float[] values, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
