package org.endolens.data.readers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

/** Writes the tiny images, masks and damaged files the reader tests build data sets from. */
public final class TinyImages {
    private TinyImages() {}

    /**
     * A {@code width x height} RGB gradient with pixel noise (so that most of a JPEG is scan data, not headers), in the
     * format of the file's extension; folders are created.
     */
    public static Path image(Path file, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random noise = new Random(31L * width + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | noise.nextInt(256));
            }
        }
        return write(image, file);
    }

    /** A 0/255 grey mask with {@code foreground} rectangles, in the format of the file's extension. */
    public static Path mask(Path file, int width, int height, Rectangle... foreground) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        for (Rectangle r : foreground) {
            g.fill(r);
        }
        g.dispose();
        return write(mask, file);
    }

    /** Cuts {@code file} to two thirds of its length, as an interrupted copy would. */
    public static Path truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(BufferedImage image, Path file) {
        String name = file.getFileName().toString();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile())) {
                throw new IllegalArgumentException("no image writer for " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
