package org.endolens.data.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

class VideoReaderTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeVideos() throws Exception {
        TestVideos.write(dir, "clip.avi", "avi", "mjpeg");
        TestVideos.write(dir, "clip.mp4", "mp4", "mpeg4");
        TestVideos.write(dir, "clip.mov", "mov", "mpeg4");
        TestVideos.write(dir, "clip.mkv", "matroska", "libopenh264");
        TestVideos.write(dir, "h264.avi", "avi", "libopenh264");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip.avi", "clip.mp4", "clip.mov", "clip.mkv"})
    void readsMetadataFromTheHeader(String name) {
        try (VideoReader reader = VideoReader.open(dir.resolve(name))) {
            VideoInfo info = reader.info();
            assertEquals(TestVideos.WIDTH, info.width());
            assertEquals(TestVideos.HEIGHT, info.height());
            assertEquals(TestVideos.FPS, info.fps(), 1e-6);
            assertEquals(TestVideos.FRAMES, info.frameCount());
            assertEquals(3.0, info.durationSeconds(), 0.01);
            assertEquals(name.endsWith("avi") ? "mjpeg" : name.endsWith("mkv") ? "h264" : "mpeg4", info.codec());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip.avi", "clip.mp4", "clip.mov", "clip.mkv"})
    void seekingToAFrameReturnsExactlyThatFrame(String name) {
        try (VideoReader reader = VideoReader.open(dir.resolve(name))) {
            for (int index : new int[] {25, 3, 17, 29, 0, 10, 9, 11, 12, 28, 14}) {
                VideoFrame frame = reader.read(index);
                assertEquals(index, frame.index());
                assertEquals(index / TestVideos.FPS, frame.seconds(), 1e-9);
                assertEquals(index, TestVideos.paintedIndex(frame), name + " frame " + index);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip.avi", "clip.mkv"})
    void readingEveryFrameDecodesThemInOrder(String name) {
        try (VideoReader reader = VideoReader.open(dir.resolve(name))) {
            int[] painted = reader.read(FrameSampling.stride(1)).stream().mapToInt(TestVideos::paintedIndex).toArray();
            int[] expected = new int[TestVideos.FRAMES];
            Arrays.setAll(expected, i -> i);
            assertArrayEquals(expected, painted);
        }
    }

    @Test
    void samplingDecodesTheSelectedFrames() {
        try (VideoReader reader = VideoReader.open(dir.resolve("clip.mp4"))) {
            assertArrayEquals(new int[] {3, 9, 15, 21, 27}, painted(reader.read(FrameSampling.uniform(5))));
            assertArrayEquals(new int[] {0, 4, 8, 12, 16, 20, 24, 28}, painted(reader.read(FrameSampling.stride(4))));
            assertArrayEquals(new int[] {0, 5, 10, 15, 20, 25}, painted(reader.read(FrameSampling.rate(2))));
            assertArrayEquals(new int[] {11, 13, 15, 17, 19},
                    painted(reader.read(FrameSampling.uniform(5).within(1.0, 2.0))));
        }
    }

    @Test
    void fixedSizeFramesAreResizedByFfmpeg() {
        try (VideoReader reader = VideoReader.open(dir.resolve("clip.mp4"), 32, 20)) {
            assertEquals(TestVideos.WIDTH, reader.info().width(), "the info keeps the native size");
            VideoFrame frame = reader.read(13);
            assertEquals(32, frame.width());
            assertEquals(20, frame.height());
            assertEquals(13, TestVideos.paintedIndex(frame));
            assertEquals(3 * 32 * 20, frame.toRgbPlanes().length);
            BufferedImage image = frame.toImage();
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
            int rgb = image.getRGB(16, 10);
            assertEquals(8 * 13, (rgb >> 16) & 0xFF, 6);
            assertEquals(128, rgb & 0xFF, 6);
        }
    }

    @Test
    void frameBeyondTheEndIsAnErrorNamingTheFile() {
        Path file = dir.resolve("clip.avi");
        try (VideoReader reader = VideoReader.open(file)) {
            EndoLensException e = assertThrows(EndoLensException.class, () -> reader.read(30));
            assertEquals(file + ": frame 30 requested, but the video has 30 frames (0-29)", e.getMessage());
        }
    }

    /** H.264 conceals the partly stored last frame with the one before; that frame must not pass as intact. */
    @ParameterizedTest
    @CsvSource({"clip.avi, 60", "clip.mkv, 60", "h264.avi, 85"})
    void truncatedFileReadsItsIntactFramesAndSaysHowManyThereAre(String name, int percent) throws Exception {
        Path file = truncated(name, percent);
        try (VideoReader reader = VideoReader.open(file)) {
            assertEquals(TestVideos.FRAMES, reader.info().frameCount(), "the header still promises every frame");
            int intact = 0;
            DataFormatException end = null;
            while (end == null) {
                try {
                    assertEquals(intact, TestVideos.paintedIndex(reader.read(intact)));
                    intact++;
                } catch (DataFormatException e) {
                    end = e;
                }
            }
            assertTrue(intact >= 5 && intact < TestVideos.FRAMES, "intact frames: " + intact);
            String expected = file + ": frame " + intact + " cannot be decoded: the file is truncated or corrupt; "
                    + intact + " of the 30 frames its header promises are intact";
            assertTrue(end.getMessage().startsWith(expected), end.getMessage());
            DataFormatException later = assertThrows(DataFormatException.class, () -> reader.read(25));
            assertTrue(later.getMessage().contains(intact + " of the 30 frames"), later.getMessage());
            assertEquals(3, TestVideos.paintedIndex(reader.read(3)), "the intact part stays readable after the error");
        }
    }

    @Test
    void truncatedMp4WithoutItsIndexIsRejectedAtOpen() throws Exception {
        Path file = truncated("clip.mp4", 60);
        DataFormatException e = assertThrows(DataFormatException.class, () -> VideoReader.open(file));
        assertTrue(e.getMessage().startsWith(file + ": not a readable video"), e.getMessage());
        assertTrue(e.getMessage().contains("moov atom not found"), e.getMessage());
    }

    @Test
    void randomBytesAreRejectedNamingTheFile() throws Exception {
        Path file = dir.resolve("noise.mp4");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(file, noise);
        DataFormatException e = assertThrows(DataFormatException.class, () -> VideoReader.open(file));
        assertTrue(e.getMessage().startsWith(file + ": not a readable video"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknownCodecIsRejectedNamingItsFourCc() throws Exception {
        Path file = dir.resolve("unknown-codec.avi");
        byte[] bytes = Files.readAllBytes(dir.resolve("clip.avi"));
        String header = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1);
        for (int at = header.indexOf("MJPG"); at >= 0; at = header.indexOf("MJPG", at + 1)) {
            System.arraycopy("ZZZZ".getBytes(StandardCharsets.ISO_8859_1), 0, bytes, at, 4);
        }
        Files.write(file, bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> VideoReader.open(file));
        assertTrue(e.getMessage().startsWith(file + ": unsupported video codec"), e.getMessage());
        assertTrue(e.getMessage().contains("FourCC ZZZZ"), e.getMessage());
    }

    @Test
    void audioOnlyFileIsRejectedAsHavingNoVideo() throws Exception {
        Path file = dir.resolve("sound.wav");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setSampleRate(8000);
            recorder.start();
            recorder.recordSamples(ShortBuffer.allocate(8000));
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> VideoReader.open(file));
        assertEquals(file + ": has no video stream", e.getMessage());
    }

    @Test
    void readingAfterCloseIsRefused() {
        VideoReader reader = VideoReader.open(dir.resolve("clip.avi"));
        reader.close();
        assertThrows(IllegalStateException.class, () -> reader.read(1));
    }

    @Test
    void missingFileIsAnErrorNamingIt() {
        Path file = dir.resolve("absent.mp4");
        EndoLensException e = assertThrows(EndoLensException.class, () -> VideoReader.open(file));
        assertEquals(file + ": no such video file", e.getMessage());
    }

    private static int[] painted(List<VideoFrame> frames) {
        return frames.stream().mapToInt(TestVideos::paintedIndex).toArray();
    }

    /** A copy of {@code name} cut after {@code percent}% of its bytes, as a copy interrupted mid-way leaves it. */
    private static Path truncated(String name, int percent) throws Exception {
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        Path file = dir.resolve("cut-" + percent + "-" + name);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * percent / 100));
        return file;
    }
}
