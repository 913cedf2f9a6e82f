package org.endolens.data.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.VideoRecord;
import org.endolens.data.transform.FloatTensor;
import org.endolens.data.transform.SpatioTemporalViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipExamplesTest {
    private static final int WIDTH = 48;
    private static final int HEIGHT = 40;

    @TempDir
    Path tmp;

    @Test
    void frameSequencesBecomeEndoFmViewsInTimeOrder() throws Exception {
        List<FrameRecord> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    image.setRGB(x, y, (10 * i) << 16 | (4 * x) << 8 | 5 * y);
                }
            }
            ImageIO.write(image, "jpg", tmp.resolve(i + ".jpg").toFile());
            // Listed out of order: the clip follows time_s.
            frames.add(new FrameRecord("f" + i, i + ".jpg", (double) ((i * 7) % 20), null, null, List.of(), null));
        }
        ExamRecord exam = new ExamRecord("p", "e", null, frames, List.of(), null, null);
        ClipExamples clips = ClipExamples.frameSequences(List.of(exam), tmp, SpatioTemporalViews.endoFm(), 16);
        assertEquals(1, clips.size());
        assertEquals("p", clips.group(0));
        Example example = clips.load(0, new SplittableRandom(2));
        assertShapes(example);
        Example again = clips.load(0, new SplittableRandom(2));
        for (int v = 0; v < example.tensors().size(); v++) {
            assertArrayEquals(example.tensors().get(v).data(), again.tensors().get(v).data(), "view " + v);
        }
    }

    @Test
    void videosBecomeEndoFmViews() throws Exception {
        Path video = tmp.resolve("clip.avi");
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), WIDTH, HEIGHT)) {
            recorder.setFormat("avi");
            recorder.setVideoCodecName("mpeg4");
            recorder.setFrameRate(10);
            recorder.start();
            Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < 24; i++) {
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                for (int at = 0; at < frame.imageStride * HEIGHT; at++) {
                    pixels.put(at, (byte) (8 * i + at % 3 * 40));
                }
                recorder.record(frame);
            }
        }
        ExamRecord exam = new ExamRecord("p", "e", null, List.of(), List.of(new VideoRecord("clip.avi", null)), null, null);
        ClipExamples clips = ClipExamples.videos(List.of(exam), tmp, SpatioTemporalViews.endoFm(), 16);
        assertEquals(video.toString(), clips.describe(0));
        assertShapes(clips.load(0, new SplittableRandom(3)));
    }

    private static void assertShapes(Example example) {
        List<FloatTensor> views = example.tensors();
        assertEquals(10, views.size());
        assertArrayEquals(new long[] {3, 8, 224, 224}, views.get(0).shape());
        assertArrayEquals(new long[] {3, 16, 224, 224}, views.get(1).shape());
        assertArrayEquals(new long[] {3, 16, 96, 96}, views.get(9).shape());
        assertEquals(Example.NO_LABEL, example.label());
    }
}
