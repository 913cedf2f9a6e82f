package org.endolens.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Explains, with libavformat directly and without decoding, why a video cannot be opened or how much of a truncated
 * one is intact; used only on failure paths, so the reader's fast path stays on JavaCV.
 */
final class VideoDiagnosis {
    private VideoDiagnosis() {}

    /** Why {@code file} cannot be opened for decoding, as the end of a one-line message; {@code fallback} if unknown. */
    static String whyUnopenable(Path file, String fallback) {
        FfmpegLog.clearLastError();
        AVFormatContext context = new AVFormatContext(null);
        int status = avformat_open_input(context, file.toString(), null, null);
        if (status < 0) {
            return "not a readable video (unknown container, or a corrupt or truncated header): " + reason(status);
        }
        try {
            status = avformat_find_stream_info(context, (PointerPointer<?>) null);
            if (status < 0) {
                return "cannot read the stream information (corrupt or truncated): " + reason(status);
            }
            int stream = videoStream(context);
            if (stream < 0) {
                return "has no video stream";
            }
            AVCodecParameters codec = context.streams(stream).codecpar();
            if (avcodec_find_decoder(codec.codec_id()) == null) {
                return "unsupported video codec " + avcodec_get_name(codec.codec_id()).getString() + " (FourCC "
                        + fourCc(codec.codec_tag()) + "): the bundled FFmpeg has no decoder for it; "
                        + "re-encode it to H.264, MPEG-4 or MJPEG";
            }
            return fallback;
        } finally {
            avformat_close_input(context);
        }
    }

    /** Video packets stored whole in {@code file}: the frames of a truncated file that can still be decoded. */
    static int completeFrames(Path file) {
        AVFormatContext context = new AVFormatContext(null);
        if (avformat_open_input(context, file.toString(), null, null) < 0) {
            return 0;
        }
        AVPacket packet = av_packet_alloc();
        try {
            int stream = videoStream(context);
            int complete = 0;
            while (av_read_frame(context, packet) >= 0) {
                if (packet.stream_index() == stream && (packet.flags() & AV_PKT_FLAG_CORRUPT) == 0) {
                    complete++;
                }
                av_packet_unref(packet);
            }
            return complete;
        } finally {
            av_packet_free(packet);
            avformat_close_input(context);
        }
    }

    private static int videoStream(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            if (context.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                return i;
            }
        }
        return -1;
    }

    /** FFmpeg's description of an error code, preceded by its last logged error line when there is one. */
    private static String reason(int status) {
        byte[] text = new byte[256];
        av_strerror(status, text, text.length);
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        String description = new String(text, 0, length, StandardCharsets.UTF_8);
        String logged = FfmpegLog.lastError();
        return logged == null ? description : logged + " (" + description + ")";
    }

    private static String fourCc(int tag) {
        StringBuilder code = new StringBuilder(4);
        for (int shift = 0; shift < 32; shift += 8) {
            char c = (char) ((tag >>> shift) & 0xFF);
            code.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return code.toString();
    }
}
