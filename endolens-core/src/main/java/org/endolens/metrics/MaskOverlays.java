package org.endolens.metrics;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A PNG grid of segmentation examples: each tile is the image with the ground truth and the prediction blended
 * over it (both: yellow, truth only (missed): green, prediction only (false alarm): red) and a caption below.
 */
public final class MaskOverlays {
    private static final float ALPHA = 0.45f;
    private static final int BOTH = 0xFFD400;
    private static final int MISSED = 0x00C040;
    private static final int FALSE_ALARM = 0xFF2020;

    /**
     * One example: {@code image} at the tile size, and the truth and predicted masks at the same size (row-major).
     */
    public record Tile(BufferedImage image, boolean[] truth, boolean[] predicted, String caption) {
        public Tile {
            int pixels = image.getWidth() * image.getHeight();
            if (truth.length != pixels || predicted.length != pixels) {
                throw new IllegalArgumentException("masks of " + truth.length + " and " + predicted.length
                        + " pixels do not match a " + image.getWidth() + "x" + image.getHeight() + " tile");
            }
        }
    }

    private MaskOverlays() {}

    /** The legend to print beside a grid. */
    public static String legend() {
        return "yellow: predicted and true; green: missed (true, not predicted); red: false alarm (predicted, not true)";
    }

    /** The tiles in rows of {@code columns}, as PNG bytes; tiles may differ in size (each cell fits the largest). */
    public static byte[] grid(List<Tile> tiles, int columns) {
        return ImageGrid.png(tiles.stream().map(t -> new ImageGrid.Cell(overlay(t), t.caption())).toList(), columns);
    }

    private static BufferedImage overlay(Tile tile) {
        int width = tile.image().getWidth();
        int height = tile.image().getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int rgb = tile.image().getRGB(x, y);
                boolean truth = tile.truth()[i];
                boolean predicted = tile.predicted()[i];
                if (truth || predicted) {
                    rgb = blend(rgb, truth && predicted ? BOTH : truth ? MISSED : FALSE_ALARM);
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static int blend(int rgb, int colour) {
        int r = Math.round((1 - ALPHA) * ((rgb >> 16) & 0xff) + ALPHA * ((colour >> 16) & 0xff));
        int g = Math.round((1 - ALPHA) * ((rgb >> 8) & 0xff) + ALPHA * ((colour >> 8) & 0xff));
        int b = Math.round((1 - ALPHA) * (rgb & 0xff) + ALPHA * (colour & 0xff));
        return (r << 16) | (g << 8) | b;
    }
}
