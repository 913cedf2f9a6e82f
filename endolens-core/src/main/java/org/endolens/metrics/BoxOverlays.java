package org.endolens.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.endolens.data.Box;

/**
 * A PNG grid of detection examples: each tile is the image shrunk to a thumbnail with the true boxes (green) and the
 * predicted boxes (red, with their scores) drawn over it, and a caption below.
 */
public final class BoxOverlays {
    private static final Color TRUTH = new Color(0x00C040);
    private static final Color PREDICTED = new Color(0xFF2020);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One example: the full-size image and boxes in its pixel coordinates. */
    public record Tile(BufferedImage image, List<Box> truth, List<Detection> predicted, String caption) {
        public Tile {
            truth = List.copyOf(truth);
            predicted = List.copyOf(predicted);
        }
    }

    private BoxOverlays() {}

    /** The legend to print beside a grid. */
    public static String legend() {
        return "green: true boxes; red: predicted boxes with their scores";
    }

    /** The tiles, each shrunk so that its longer side is at most {@code maxSide}, in rows of {@code columns}. */
    public static byte[] grid(List<Tile> tiles, int columns, int maxSide) {
        return ImageGrid.png(tiles.stream().map(t -> new ImageGrid.Cell(draw(t, maxSide), t.caption())).toList(), columns);
    }

    private static BufferedImage draw(Tile tile, int maxSide) {
        int width = tile.image().getWidth();
        int height = tile.image().getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(tile.image(), 0, 0, w, h, null);
            g.setStroke(new BasicStroke(2f));
            g.setColor(TRUTH);
            tile.truth().forEach(b -> rectangle(g, b, scale));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            for (Detection d : tile.predicted()) {
                g.setColor(PREDICTED);
                rectangle(g, d.box(), scale);
                g.drawString(String.format(Locale.ROOT, "%.2f", d.score()), (int) Math.round(d.box().xmin() * scale) + 3,
                        (int) Math.round(d.box().ymin() * scale) + 12);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void rectangle(Graphics2D g, Box box, double scale) {
        int x0 = (int) Math.round(box.xmin() * scale);
        int y0 = (int) Math.round(box.ymin() * scale);
        int x1 = (int) Math.round(box.xmax() * scale);
        int y1 = (int) Math.round(box.ymax() * scale);
        g.drawRect(x0, y0, Math.max(1, x1 - x0 - 1), Math.max(1, y1 - y0 - 1));
    }
}
