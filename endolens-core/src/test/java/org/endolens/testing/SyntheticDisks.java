package org.endolens.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A tiny segmentation data set in the {@code segfolder} layout ({@code images/}, {@code masks/}, {@code split.csv}):
 * noisy dark-pink backgrounds with one bright disk each, whose mask is the disk. Learnable in a few dozen steps.
 */
public final class SyntheticDisks {
    private SyntheticDisks() {}

    /** Writes {@code count} {@code width x height} images and masks under {@code root}; every fourth is {@code test}. */
    public static Path write(Path root, int count, int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            Files.createDirectories(root.resolve("images"));
            Files.createDirectories(root.resolve("masks"));
            StringBuilder split = new StringBuilder("id,split\n");
            for (int i = 0; i < count; i++) {
                int radius = Math.max(2, Math.min(width, height) / 6 + random.nextInt(Math.max(1, Math.min(width, height) / 8)));
                int cx = radius + random.nextInt(Math.max(1, width - 2 * radius));
                int cy = radius + random.nextInt(Math.max(1, height - 2 * radius));
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
                        int noise = random.nextInt(30);
                        Color c = inside ? new Color(220 + noise / 3, 200 + noise, 120 + noise)
                                : new Color(120 + noise, 40 + noise, 50 + noise);
                        image.setRGB(x, y, c.getRGB());
                        mask.getRaster().setSample(x, y, 0, inside ? 255 : 0);
                    }
                }
                String id = "disk" + i;
                ImageIO.write(image, "png", root.resolve("images").resolve(id + ".png").toFile());
                ImageIO.write(mask, "png", root.resolve("masks").resolve(id + ".png").toFile());
                split.append(id).append(',').append(i % 4 == 3 ? "test" : "train").append('\n');
            }
            Files.writeString(root.resolve("split.csv"), split);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Overwrites the mask of {@code id} with an all-background mask of another size. */
    public static Path writeMaskOfSize(Path root, String id, int width, int height) {
        Path file = root.resolve("masks").resolve(id + ".png");
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
