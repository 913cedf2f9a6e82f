package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.endolens.data.video.VideoReader;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDecodeBenchTest {
    @Test
    void encodesNumberedFramesInNumericOrderAndTimesTheirDecoding(@TempDir Path dir) throws Exception {
        Path frames = dir.resolve("frames");
        frames.toFile().mkdirs();
        for (int i = 1; i <= 12; i++) {
            BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(20 * i, 0, 0));
            g.fillRect(0, 0, 48, 32);
            g.dispose();
            ImageIO.write(image, "png", frames.resolve(i + ".png").toFile());
        }
        Path video = dir.resolve("frames.mp4");
        VideoDecodeBench.encode(frames, video, "mpeg4");
        try (VideoReader reader = VideoReader.open(video)) {
            assertEquals(12, reader.info().frameCount());
            int red10 = reader.read(9).toImage().getRGB(24, 16) >> 16 & 0xFF;
            assertEquals(200, red10, 12, "frame 9 is 10.png, not 2.png after 1.png, 10.png, 11.png, 12.png");
        }
        VideoDecodeBench.Result result = VideoDecodeBench.run(video, 16, 0.05, 0, 2);
        assertEquals(2, result.frames().size());
        assertTrue(result.frames().get(0) > 0 && result.framesPerSecond() > 0, result.toString());
        assertEquals(16, result.size());
    }
}
