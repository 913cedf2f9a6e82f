package org.endolens.data.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.endolens.data.Box;
import org.endolens.data.image.Boxes;
import org.endolens.data.image.Mask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of the geometric transforms: the image's pixels under the mask are painted magenta (R = 1) on a
 * background with R = 0, so after a transform the magenta pixels must be exactly the mask's (nearest-neighbour
 * transforms) or differ only on the mask's border (interpolating ones); boxes must match the transformed mask's
 * component box within a pixel.
 */
class GeometryTest {
    private static final int TRIALS = 25;
    private static final int MAGENTA = 0xFF00FF;

    static Map<String, Transform> nearestTransforms() {
        return Map.of(
                "horizontal flip", (s, r) -> s.flipHorizontal(),
                "vertical flip", (s, r) -> s.flipVertical(),
                "quarter turns", new RandomRotate90(),
                "rotation nearest", new RandomRotation(45),
                "centre crop", new CenterCrop(33));
    }

    static Map<String, Transform> interpolatingTransforms() {
        return Map.of(
                "random resized crop", new RandomResizedCrop(48),
                "random resized crop bicubic", new RandomResizedCrop(40, 0.08, 1, Interpolation.BICUBIC),
                "random resized crop, subsampled decode", new RandomResizedCrop(20, 0.5, 1, Interpolation.BILINEAR),
                "resize", Resize.to(57, 31, Interpolation.BILINEAR),
                "rotation bilinear", new RandomRotation(30, Interpolation.BILINEAR));
    }

    static List<String> nearestNames() {
        return nearestTransforms().keySet().stream().sorted().toList();
    }

    static List<String> interpolatingNames() {
        return interpolatingTransforms().keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearestNames")
    void nearestTransformsMoveImageAndMaskIdentically(String name) {
        for (int trial = 0; trial < TRIALS; trial++) {
            for (Function<BufferedImage, RgbImage> variant : imageVariants()) {
                Sample out = transformed(trial, nearestTransforms().get(name), variant, false);
                for (int y = 0; y < out.height(); y++) {
                    for (int x = 0; x < out.width(); x++) {
                        boolean magenta = out.image().get(0, x, y) > 0.5f;
                        assertEquals(out.mask().isForeground(x, y), magenta, name + ", trial " + trial + ", pixel (" + x + ", " + y + ")");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpolatingNames")
    void interpolatingTransformsDisagreeWithTheMaskOnlyOnItsBorder(String name) {
        for (int trial = 0; trial < TRIALS; trial++) {
            for (Function<BufferedImage, RgbImage> variant : imageVariants()) {
                Sample out = transformed(trial, interpolatingTransforms().get(name), variant, false);
                for (int y = 0; y < out.height(); y++) {
                    for (int x = 0; x < out.width(); x++) {
                        boolean magenta = out.image().get(0, x, y) > 0.5f;
                        if (magenta != out.mask().isForeground(x, y)) {
                            assertTrue(onBorder(out.mask(), x, y), name + ", trial " + trial + ": pixel (" + x + ", " + y
                                    + ") disagrees with the mask away from its border");
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boxTransformNames")
    void boxesMatchTheTransformedMasksComponentBox(String name) {
        Transform transform = boxTransforms().get(name);
        for (int trial = 0; trial < 4 * TRIALS; trial++) {
            Sample out = transformed(trial, transform, RgbImage::of, true);
            List<Box> fromMask = Boxes.fromMask(out.mask(), 0, "polyp");
            assertTrue(fromMask.size() <= 1 && out.boxes().size() <= 1, "one rectangle stays one component");
            if (fromMask.isEmpty() && out.boxes().isEmpty()) {
                continue;
            }
            if (fromMask.isEmpty() || out.boxes().isEmpty()) {
                Box present = fromMask.isEmpty() ? out.boxes().get(0) : fromMask.get(0);
                assertTrue(Math.min(present.width(), present.height()) < 2,
                        name + ", trial " + trial + ": only a sliver may lose its box or its pixels, got " + present);
                continue;
            }
            Box box = out.boxes().get(0);
            Box component = fromMask.get(0);
            String message = name + ", trial " + trial + ": " + box + " vs mask component " + component;
            assertEquals(component.xmin(), box.xmin(), 1.0, message);
            assertEquals(component.ymin(), box.ymin(), 1.0, message);
            assertEquals(component.xmax(), box.xmax(), 1.0, message);
            assertEquals(component.ymax(), box.ymax(), 1.0, message);
            assertEquals("polyp", box.label());
        }
    }

    static Map<String, Transform> boxTransforms() {
        return Map.of(
                "random resized crop", new RandomResizedCrop(37),
                "horizontal flip", (s, r) -> s.flipHorizontal(),
                "vertical flip", (s, r) -> s.flipVertical(),
                "quarter turns", new RandomRotate90(),
                "resize", Resize.shorterSide(50, Interpolation.BILINEAR),
                "centre crop", new CenterCrop(30));
    }

    static List<String> boxTransformNames() {
        return boxTransforms().keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpolatingNames")
    void floatPackedAndDeferredImagesGiveTheSameResult(String name) {
        if (name.contains("subsampled")) {
            return;
        }
        for (int trial = 0; trial < TRIALS; trial++) {
            Transform transform = interpolatingTransforms().get(name);
            float[] fromFloats = transformed(trial, transform, image -> new RgbImage(image.getWidth(), image.getHeight(),
                    RgbImage.of(image).planes().clone()), false).image().planes();
            float[] fromBytes = transformed(trial, transform, RgbImage::of, false).image().planes();
            float[] fromRegion = transformed(trial, transform, GeometryTest::deferred, false).image().planes();
            assertArrayEquals(fromFloats, fromBytes, 1e-5f, name);
            assertArrayEquals(fromFloats, fromRegion, 1e-5f, name);
        }
    }

    private static List<Function<BufferedImage, RgbImage>> imageVariants() {
        return List.of(RgbImage::of, GeometryTest::deferred,
                image -> new RgbImage(image.getWidth(), image.getHeight(), RgbImage.of(image).planes().clone()));
    }

    /** A deferred image whose decoder crops and subsamples {@code image} as ImageIO would. */
    private static RgbImage deferred(BufferedImage image) {
        return RgbImage.deferred(image.getWidth(), image.getHeight(), (region, s) -> {
            BufferedImage sub = image.getSubimage(region.left(), region.top(), region.width(), region.height());
            if (s == 1) {
                return sub;
            }
            BufferedImage out = new BufferedImage((region.width() + s - 1) / s, (region.height() + s - 1) / s,
                    BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, sub.getRGB(x * s, y * s));
                }
            }
            return out;
        });
    }

    /**
     * A random image of 40-140 pixels a side, magenta under a random ellipse (or, with {@code rectangle}, an
     * axis-aligned rectangle carrying a box), transformed with randomness seeded by the trial.
     */
    private static Sample transformed(int trial, Transform transform, Function<BufferedImage, RgbImage> variant,
            boolean rectangle) {
        SplittableRandom random = new SplittableRandom(trial);
        int width = 40 + random.nextInt(101);
        int height = 40 + random.nextInt(101);
        double cx = width * (0.2 + 0.6 * random.nextDouble());
        double cy = height * (0.2 + 0.6 * random.nextDouble());
        double rx = width * (0.08 + 0.3 * random.nextDouble());
        double ry = height * (0.08 + 0.3 * random.nextDouble());
        int left = (int) (cx - rx);
        int top = (int) (cy - ry);
        int right = Math.min(width, (int) Math.ceil(cx + rx));
        int bottom = Math.min(height, (int) Math.ceil(cy + ry));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        boolean[] foreground = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x + 0.5 - cx) / rx;
                double dy = (y + 0.5 - cy) / ry;
                boolean inside = rectangle ? x >= left && x < right && y >= top && y < bottom : dx * dx + dy * dy <= 1;
                foreground[y * width + x] = inside;
                image.setRGB(x, y, inside ? MAGENTA : (random.nextInt(256) << 8) | random.nextInt(128));
            }
        }
        List<Box> boxes = rectangle ? List.of(new Box(left, top, right, bottom, "polyp")) : List.of();
        Sample sample = new Sample("trial" + trial, variant.apply(image), Mask.copyOf(width, height, foreground), boxes, null);
        return transform.apply(sample, new SplittableRandom(1000 + trial));
    }

    private static boolean onBorder(Mask mask, int x, int y) {
        boolean own = mask.isForeground(x, y);
        for (int ny = Math.max(0, y - 1); ny <= Math.min(mask.height() - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(mask.width() - 1, x + 1); nx++) {
                if (mask.isForeground(nx, ny) != own) {
                    return true;
                }
            }
        }
        return false;
    }
}
