package org.endolens.cleanse;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each frame-quality feature on hand-made images. */
class FrameQualityScorerTest {
    private static final int SIZE = 96;
    private static final int GREY = 0x808080;
    private static final int MUCOSA_RED = 0xd05040;
    private final FrameQualityScorer scorer = new FrameQualityScorer();

    @Test
    void flatGreyImageHasZeroLaplacianVarianceAndEntropy() {
        FrameFeatures f = scorer.score(image(SIZE, SIZE, (x, y) -> GREY));
        assertEquals(0, f.sharpness(), 1e-9);
        assertEquals(0, f.entropy(), 1e-9);
        assertEquals(0, f.motionBlur(), 1e-9);
        assertEquals(0, f.underexposed(), 1e-9);
        assertEquals(0, f.overexposed(), 1e-9);
        assertEquals(1, f.fieldOfView(), 1e-9);
    }

    @Test
    void blackImageIsFullyUnderexposed() {
        FrameFeatures f = scorer.score(image(SIZE, SIZE, (x, y) -> 0));
        assertEquals(1, f.underexposed(), 1e-9);
        assertEquals(0, f.meanLuma(), 1e-9);
        assertEquals(0, f.fieldOfView(), 1e-9);
    }

    @Test
    void dimImageIsUnderexposedThoughInView() {
        FrameFeatures f = scorer.score(image(SIZE, SIZE, (x, y) -> 0x201408));
        assertEquals(1, f.underexposed(), 1e-9);
        assertEquals(1, f.fieldOfView(), 1e-9);
    }

    @Test
    void whiteImageIsOverexposedAndSpecular() {
        FrameFeatures f = scorer.score(image(SIZE, SIZE, (x, y) -> 0xffffff));
        assertEquals(1, f.overexposed(), 1e-9);
        assertEquals(1, f.specular(), 1e-9);
        assertEquals(0, f.mucosa(), 1e-9);
    }

    @Test
    void checkerboardIsSharpAndABlurredCopyLessSo() {
        BufferedImage checkerboard = image(SIZE, SIZE, (x, y) -> ((x / 2 + y / 2) % 2 == 0) ? 0x303030 : 0xd0d0d0);
        FrameFeatures sharp = scorer.score(checkerboard);
        FrameFeatures blurred = scorer.score(boxBlur(checkerboard, 2));
        assertTrue(sharp.sharpness() > 1000, "checkerboard sharpness " + sharp.sharpness());
        assertTrue(blurred.sharpness() < sharp.sharpness() / 10,
                "blurred " + blurred.sharpness() + " vs sharp " + sharp.sharpness());
    }

    @Test
    void blurAlongOneDirectionMakesGradientsDirectional() {
        SplittableRandom random = new SplittableRandom(7);
        int[] noise = new int[SIZE * SIZE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 64 + random.nextInt(128);
        }
        BufferedImage texture = image(SIZE, SIZE, (x, y) -> grey(noise[y * SIZE + x]));
        BufferedImage smeared = image(SIZE, SIZE, (x, y) -> {
            int sum = 0;
            for (int k = -4; k <= 4; k++) {
                sum += noise[y * SIZE + Math.floorMod(x + k, SIZE)];
            }
            return grey(sum / 9);
        });
        double isotropic = scorer.score(texture).motionBlur();
        double directional = scorer.score(smeared).motionBlur();
        assertTrue(isotropic < 0.2, "noise " + isotropic);
        assertTrue(directional > 0.6, "horizontally smeared noise " + directional);
    }

    @Test
    void redMucosaIsMucosaLikeAndGreyIsNot() {
        FrameFeatures red = scorer.score(image(SIZE, SIZE, (x, y) -> MUCOSA_RED));
        FrameFeatures grey = scorer.score(image(SIZE, SIZE, (x, y) -> GREY));
        assertEquals((208 - 80) / 208.0, red.mucosa(), 1e-6);
        assertEquals((208 - 64) / 208.0, red.saturationMean(), 1e-6);
        assertTrue(Math.abs(red.hueMean()) < 10, "hue of red " + red.hueMean());
        assertEquals(0, red.hueStd(), 1e-6);
        assertEquals(0, grey.mucosa(), 1e-9);
        assertEquals(0, grey.saturationMean(), 1e-9);
    }

    @Test
    void hueSpreadGrowsWithMixedColours() {
        FrameFeatures mixed = scorer.score(image(SIZE, SIZE, (x, y) -> x < SIZE / 2 ? MUCOSA_RED : 0x40a040));
        FrameFeatures red = scorer.score(image(SIZE, SIZE, (x, y) -> MUCOSA_RED));
        assertTrue(mixed.hueStd() > 45, "red and green halves, hue spread " + mixed.hueStd());
        assertEquals(red.mucosa() / 2, mixed.mucosa(), 1e-6);
    }

    @Test
    void blackBorderIsOutsideTheFieldOfView() {
        int border = 16;
        FrameFeatures f = scorer.score(image(SIZE, SIZE, (x, y) ->
                x < border || y < border || x >= SIZE - border || y >= SIZE - border ? 0 : MUCOSA_RED));
        double inside = (SIZE - 2.0 * border) * (SIZE - 2.0 * border) / (SIZE * SIZE);
        assertEquals(inside, f.fieldOfView(), 1e-9);
        assertEquals(0, f.underexposed(), 1e-9);
        assertEquals(0, f.sharpness(), 1e-9, "the border's edge is not the scene's texture");
    }

    @Test
    void thinBrightRingsCountAsBubbles() {
        BufferedImage rings = image(SIZE, SIZE, (x, y) -> {
            double dx = (x % 16) - 7.5;
            double dy = (y % 16) - 7.5;
            double r = Math.sqrt(dx * dx + dy * dy);
            return Math.abs(r - 5) < 0.6 ? 0xf0e8e0 : MUCOSA_RED;
        });
        double plain = scorer.score(image(SIZE, SIZE, (x, y) -> MUCOSA_RED)).bubbles();
        double bubbles = scorer.score(rings).bubbles();
        assertEquals(0, plain, 1e-9);
        assertTrue(bubbles > 0.05, "ring share " + bubbles);
    }

    @Test
    void evenGradientOf128LevelsHasSevenBitsOfEntropy() {
        FrameFeatures f = new FrameQualityScorer(256).score(image(256, 64, (x, y) -> grey(128 + x / 2)));
        assertEquals(7, f.entropy(), 1e-9);
    }

    @Test
    void largeFramesAreAreaAveragedToTheWorkingSize() {
        ScaledFrame frame = ScaledFrame.of(image(512, 384, (x, y) -> (x + y) % 2 == 0 ? 0 : 0xffffff), 128);
        assertEquals(128, frame.width);
        assertEquals(96, frame.height);
        for (float luma : frame.luma) {
            assertEquals(0.5, luma, 1e-6);
        }
    }

    @Test
    void otherImageLayoutsGiveTheSameFeatures() {
        BufferedImage bgr = image(200, 150, (x, y) -> (x * 7 + y * 13) % 256 << 16 | (x * y) % 256 << 8 | y % 256);
        BufferedImage rgb = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(bgr, 0, 0, null);
        assertArrayEquals(scorer.score(bgr).toArray(), scorer.score(rgb).toArray(), 1e-6);
    }

    @Test
    void featureNamesAndArraysFollowTheRecordComponents() {
        List<String> components = Arrays.stream(FrameFeatures.class.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();
        assertEquals(components, FrameFeatures.NAMES);
        FrameFeatures counting = new FrameFeatures(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertArrayEquals(IntStream.rangeClosed(1, 14).asDoubleStream().toArray(), counting.toArray());
        assertEquals(counting, FrameFeatures.fromArray(counting.toArray()));
    }

    /** A {@code TYPE_3BYTE_BGR} image whose pixel (x, y) is the 0xRRGGBB colour {@code rgb}. */
    static BufferedImage image(int width, int height, PixelColour rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0, p = 0; y < height; y++) {
            for (int x = 0; x < width; x++, p += 3) {
                int c = rgb.at(x, y);
                data[p] = (byte) c;
                data[p + 1] = (byte) (c >> 8);
                data[p + 2] = (byte) (c >> 16);
            }
        }
        return image;
    }

    private static int grey(int level) {
        return level << 16 | level << 8 | level;
    }

    private static BufferedImage boxBlur(BufferedImage image, int radius) {
        int w = image.getWidth();
        int h = image.getHeight();
        return image(w, h, (x, y) -> {
            int sum = 0;
            int n = 0;
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    sum += image.getRGB(Math.floorMod(x + dx, w), Math.floorMod(y + dy, h)) & 0xff;
                    n++;
                }
            }
            return grey(sum / n);
        });
    }

    @FunctionalInterface
    interface PixelColour {
        int at(int x, int y);
    }
}
