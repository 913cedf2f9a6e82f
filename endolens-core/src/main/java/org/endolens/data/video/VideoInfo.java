package org.endolens.data.video;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a video file holds, read from its header: container, codec, native frame size, frame rate and length.
 *
 * @param file            the video file
 * @param container       FFmpeg's name for the container, e.g. {@code avi} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec           FFmpeg's name for the video decoder, e.g. {@code h264}, {@code mpeg4}, {@code mjpeg}
 * @param width           native frame width in pixels
 * @param height          native frame height in pixels
 * @param fps             average frames per second
 * @param frameCount      frames the header promises (containers without a count, such as MKV: duration × fps)
 * @param durationSeconds length of the video stream
 */
public record VideoInfo(Path file, String container, String codec, int width, int height, double fps, int frameCount,
        double durationSeconds) {

    /** Presentation time of frame {@code index}, in seconds from the start of the video. */
    public double timeOf(int index) {
        return index / fps;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s %s %dx%d, %d frames at %.3f fps, %.3f s", file, container, codec,
                width, height, frameCount, fps, durationSeconds);
    }
}
