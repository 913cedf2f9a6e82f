package org.endolens.data.video;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's log lines to SLF4J at debug level (logger {@code org.endolens.data.video.ffmpeg}) instead of the
 * console, so users read EndoLens' one-line errors; the last error of each thread is kept to explain failures.
 */
public final class FfmpegLog extends LogCallback {
    private static final Logger LOG = LoggerFactory.getLogger("org.endolens.data.video.ffmpeg");
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();
    // Native code calls back into this instance for the life of the process, so it must never be collected.
    private static final FfmpegLog INSTANCE = new FfmpegLog().retainReference();

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        avutil.setLogCallback(INSTANCE);
    }

    private FfmpegLog() {}

    /**
     * Installs the redirection (once per process). {@link VideoReader} does this itself; call it before using JavaCV
     * directly, e.g. an {@code FFmpegFrameRecorder}.
     */
    public static void install() {
        // Class initialisation does the work.
    }

    static void clearLastError() {
        LAST_ERROR.remove();
    }

    /** FFmpeg's last error line on this thread, without its {@code [component @ address]} prefix, or null. */
    static String lastError() {
        return LAST_ERROR.get();
    }

    @Override
    public void call(int level, BytePointer message) {
        if (level > avutil.AV_LOG_ERROR) {
            return;
        }
        String line = message.getString().strip();
        int prefixEnd = line.startsWith("[") ? line.indexOf("] ") : -1;
        String text = prefixEnd >= 0 ? line.substring(prefixEnd + 2) : line;
        if (!text.isEmpty()) {
            LAST_ERROR.set(text);
            LOG.debug("{}", line);
        }
    }
}
