package org.endolens.data.video;

import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry_from_timestamp;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decodes frames of one video file (MP4, AVI, MOV, MKV, …; H.264, HEVC, MPEG-4, MJPEG, VP9, AV1, …) with FFmpeg,
 * by index or by {@link FrameSampling}, seeking to the nearest keyframe and decoding forward to the exact frame.
 *
 * <p>Not thread-safe: a reader owns one native decoder; give each thread its own reader. Close it to free the
 * decoder's native memory. A file that ends early reads normally up to its last intact frame; asking for a later
 * frame throws a {@link DataFormatException} that says how many frames are intact.
 */
public final class VideoReader implements AutoCloseable {
    /**
     * Without a keyframe index (some AVI, MKV before its cues are read) a target at most this many frames ahead is
     * reached by decoding forward, farther ones by seeking; two seconds of 25 fps video.
     */
    private static final int FORWARD_DECODE_LIMIT = 50;
    /** {@link #next} after a failed read: the decoder's position is unknown, so the next read seeks. */
    private static final int POSITION_UNKNOWN = Integer.MAX_VALUE;
    /** libavutil's {@code AV_FRAME_FLAG_CORRUPT} (frame.h), which the JavaCPP presets do not map. */
    private static final int AV_FRAME_FLAG_CORRUPT = 1;

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final AVStream stream;
    private final long startMicros;
    /** The index of the frame the decoder returns next when asked without seeking. */
    private int next;
    /** The frame returned last, handed out again when a sampling repeats an index. */
    private VideoFrame last;
    private boolean closed;

    private VideoReader(Path file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        this.stream = grabber.getFormatContext().streams(grabber.getVideoStream());
        AVRational timeBase = stream.time_base();
        long streamStart = stream.start_time();
        this.startMicros = streamStart == AV_NOPTS_VALUE ? 0 : micros(streamStart, timeBase);
        double fps = grabber.getVideoFrameRate();
        double duration = stream.duration() == AV_NOPTS_VALUE || stream.duration() <= 0
                ? grabber.getLengthInTime() / 1e6 : micros(stream.duration(), timeBase) / 1e6;
        long frames = stream.nb_frames() > 0 ? stream.nb_frames() : Math.round(duration * fps);
        this.info = new VideoInfo(file, grabber.getFormat(), grabber.getVideoCodecName(),
                stream.codecpar().width(), stream.codecpar().height(), fps, (int) frames, duration);
    }

    /** Opens {@code file} to decode frames at their native size. */
    public static VideoReader open(Path file) {
        return start(file, 0, 0);
    }

    /**
     * Opens {@code file} to decode frames resized to {@code width × height} by FFmpeg's swscale (bilinear; the aspect
     * ratio is not kept), much faster than resizing decoded images in Java.
     */
    public static VideoReader open(Path file, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        return start(file, width, height);
    }

    /** Opens the decoder; a size of 0 × 0 keeps the native size. */
    private static VideoReader start(Path file, int width, int height) {
        if (!Files.isRegularFile(file)) {
            throw new EndoLensException(file + ": no such video file");
        }
        FfmpegLog.install();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            throw new DataFormatException(file + ": " + VideoDiagnosis.whyUnopenable(file, firstSentence(e)), e);
        }
        if (!grabber.hasVideo()) {
            release(grabber);
            throw new DataFormatException(file + ": has no video stream");
        }
        return new VideoReader(file, grabber);
    }

    public VideoInfo info() {
        return info;
    }

    /** Decodes frame {@code index} (0-based, presentation order). */
    public VideoFrame read(int index) {
        if (closed) {
            // The stream and decoder are freed native memory now; touching them could crash the JVM.
            throw new IllegalStateException(file + ": the reader is closed");
        }
        if (index < 0 || index >= info.frameCount()) {
            throw new EndoLensException(String.format(Locale.ROOT, "%s: frame %d requested, but the video has %d frames (0-%d)",
                    file, index, info.frameCount(), info.frameCount() - 1));
        }
        if (last != null && last.index() == index) {
            return last;
        }
        try {
            moveTo(index);
            Frame frame = grabber.grabImage();
            int decoded = frame == null || isDamaged(frame) ? -1 : indexOf(frame);
            while (decoded >= 0 && decoded < index) {
                frame = grabber.grabImage();
                decoded = frame == null || isDamaged(frame) ? -1 : indexOf(frame);
            }
            if (decoded < 0) {
                next = POSITION_UNKNOWN;
                throw unreadable(index);
            }
            next = decoded + 1;
            if (decoded != index) {
                throw new DataFormatException(String.format(Locale.ROOT,
                        "%s: seeking to frame %d landed on frame %d (timestamps are irregular or the index is damaged)",
                        file, index, decoded));
            }
            last = VideoFrame.copyOf((ByteBuffer) frame.image[0], frame.imageStride, frame.imageWidth,
                    frame.imageHeight, index, info.timeOf(index));
            return last;
        } catch (FrameGrabber.Exception e) {
            throw new DataFormatException(file + ": cannot decode frame " + index + ": " + firstSentence(e), e);
        }
    }

    /** Decodes the frames {@code sampling} selects, in ascending order, handing each to {@code action} as it comes. */
    public void forEach(FrameSampling sampling, Consumer<VideoFrame> action) {
        for (int index : sampling.indices(info)) {
            action.accept(read(index));
        }
    }

    /** Decodes the frames {@code sampling} selects, in ascending order; for long passes prefer {@link #forEach}. */
    public List<VideoFrame> read(FrameSampling sampling) {
        List<VideoFrame> frames = new ArrayList<>();
        forEach(sampling, frames::add);
        return frames;
    }

    @Override
    public void close() {
        closed = true;
        release(grabber);
    }

    /** Positions the decoder so that its next frame is {@code index}: decoding forward when no keyframe is nearer. */
    private void moveTo(int index) throws FrameGrabber.Exception {
        if (index == next) {
            return;
        }
        if (index > next && !keyframeBetween(next, index)) {
            while (next < index - 1) {
                Frame skipped = grabber.grabFrame(false, true, false, false, false);
                if (skipped == null) {
                    return;
                }
                next = indexOf(skipped) + 1;
            }
            return;
        }
        grabber.setVideoFrameNumber(index);
    }

    /** Whether a keyframe lies after frame {@code from} and at or before {@code to}, so seeking saves decoding. */
    private boolean keyframeBetween(int from, int to) {
        AVRational timeBase = stream.time_base();
        long target = Math.round((startMicros + info.timeOf(to) * 1e6) * timeBase.den() / (1e6 * timeBase.num()));
        AVIndexEntry keyframe = avformat_index_get_entry_from_timestamp(stream, target, AVSEEK_FLAG_BACKWARD);
        if (keyframe == null || keyframe.isNull()) {
            return to - from > FORWARD_DECODE_LIMIT;
        }
        return indexOfMicros(micros(keyframe.timestamp(), timeBase)) > from;
    }

    /** Why frame {@code index} could not be decoded: the file ends before it, or its data is damaged. */
    private DataFormatException unreadable(int index) {
        int complete = VideoDiagnosis.completeFrames(file);
        if (complete > index) {
            return new DataFormatException(file + ": frame " + index + " cannot be decoded: its data is corrupt");
        }
        return new DataFormatException(String.format(Locale.ROOT,
                "%s: frame %d cannot be decoded: the file is truncated or corrupt; %d of the %d frames its header "
                        + "promises are intact (the first %.3f s)",
                file, index, complete, info.frameCount(), info.timeOf(complete)));
    }

    private int indexOf(Frame frame) {
        return indexOfMicros(frame.timestamp);
    }

    private int indexOfMicros(long micros) {
        return (int) Math.round((micros - startMicros) * info.fps() / 1e6);
    }

    /**
     * Whether FFmpeg flagged the frame as decoded from a cut-short packet or patched up by error concealment (for a
     * truncated file: the last, partly stored frame, filled in from the one before); such frames are unreadable.
     */
    private static boolean isDamaged(Frame frame) {
        return frame.opaque instanceof AVFrame picture
                && ((picture.flags() & AV_FRAME_FLAG_CORRUPT) != 0 || picture.decode_error_flags() != 0);
    }

    private static long micros(long timestamp, AVRational timeBase) {
        return Math.round(timestamp * 1e6 * timeBase.num() / timeBase.den());
    }

    private static String firstSentence(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end);
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Closing frees native memory; an error here leaves nothing the caller could act on.
        }
    }
}
