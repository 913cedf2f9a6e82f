package org.endolens.data.video;

import org.endolens.EndoLensException;

import java.util.Locale;

/**
 * Which frames of a video to read: every n-th frame, frames at a target rate, or N frames spread uniformly, over the
 * whole video or a time window. Frame indices count from 0 in presentation order; frame i is shown at i / fps.
 */
public final class FrameSampling {
    // Guards the rounding of times that sit exactly on a frame boundary (2.0 s × 10 fps = 19.999…).
    private static final double EPSILON = 1e-9;

    private enum Kind { STRIDE, RATE, UNIFORM }

    private final Kind kind;
    private final double amount;
    private final double startSeconds;
    private final double endSeconds;

    private FrameSampling(Kind kind, double amount, double startSeconds, double endSeconds) {
        this.kind = kind;
        this.amount = amount;
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
    }

    /** The window's first frame and every {@code step}-th after it; {@code stride(1)} is every frame. */
    public static FrameSampling stride(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + step);
        }
        return new FrameSampling(Kind.STRIDE, step, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * The frame on screen at every 1 / fps seconds from the window's start; a rate above the video's own gives every
     * frame once.
     */
    public static FrameSampling rate(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("sampling rate must be a positive number of frames per second, got " + fps);
        }
        return new FrameSampling(Kind.RATE, fps, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code count} frames spread evenly: the window is cut into {@code count} equal segments and the middle frame of
     * each is taken (TSN-style), so a window shorter than {@code count} frames repeats frames rather than failing.
     */
    public static FrameSampling uniform(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("uniform sampling needs at least 1 frame, got " + count);
        }
        return new FrameSampling(Kind.UNIFORM, count, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * The same sampling restricted to frames shown in [start, end) seconds; an end up to one frame past the video's
     * end is cut to the end (rounding of annotated times), further is an error.
     */
    public FrameSampling within(double startSeconds, double endSeconds) {
        if (!(startSeconds >= 0) || !(endSeconds > startSeconds)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "time window [%s s, %s s) must start at 0 s or later and end after it starts", startSeconds, endSeconds));
        }
        return new FrameSampling(kind, amount, startSeconds, endSeconds);
    }

    /** The frame indices this sampling selects in {@code video}, ascending (repeated only by {@link #uniform}). */
    public int[] indices(VideoInfo video) {
        int first = (int) Math.ceil(startSeconds * video.fps() - EPSILON);
        int end = video.frameCount();
        if (Double.isFinite(endSeconds)) {
            long windowEnd = (long) Math.ceil(endSeconds * video.fps() - EPSILON);
            if (windowEnd > video.frameCount() + 1L) {
                throw new EndoLensException(String.format(Locale.ROOT, "%s: time window %s ends after the video (%.3f s)",
                        video.file(), window(), video.durationSeconds()));
            }
            end = (int) Math.min(end, windowEnd);
        }
        if (first >= end) {
            throw new EndoLensException(String.format(Locale.ROOT,
                    "%s: time window %s holds no frame of the video (%d frames at %.3f fps, %.3f s)",
                    video.file(), window(), video.frameCount(), video.fps(), video.durationSeconds()));
        }
        return switch (kind) {
            case STRIDE -> strided(first, end, amount);
            case RATE -> strided(first, end, Math.max(1, video.fps() / amount));
            case UNIFORM -> uniform(first, end - first, (int) amount);
        };
    }

    private static int[] strided(int first, int end, double step) {
        int count = (int) Math.floor((end - 1 - first) / step + EPSILON) + 1;
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = first + (int) Math.floor(i * step + EPSILON);
        }
        return indices;
    }

    private static int[] uniform(int first, int frames, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = first + (int) Math.floor((i + 0.5) * frames / count);
        }
        return indices;
    }

    private String window() {
        return String.format(Locale.ROOT, "[%s s, %s s)", startSeconds, endSeconds);
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case STRIDE -> "every " + (int) amount + " frame(s)";
            case RATE -> amount + " frames/s";
            case UNIFORM -> (int) amount + " frames uniformly";
        };
        return Double.isFinite(endSeconds) ? what + " in " + window() : what;
    }
}
