package org.endolens.metrics;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.endolens.EndoLensException;

/** Example images laid out in rows with a caption under each, as one PNG: the body of the reports' example grids. */
public final class ImageGrid {
    private static final int CAPTION_HEIGHT = 18;
    private static final int GAP = 6;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One cell: an image and the caption under it. */
    public record Cell(BufferedImage image, String caption) {}

    private ImageGrid() {}

    /** The cells in rows of {@code columns}, as PNG bytes; cells may differ in size (each fits the largest). */
    public static byte[] png(List<Cell> cells, int columns) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no tiles to draw");
        }
        int cellWidth = cells.stream().mapToInt(t -> t.image().getWidth()).max().orElseThrow();
        int cellHeight = cells.stream().mapToInt(t -> t.image().getHeight()).max().orElseThrow() + CAPTION_HEIGHT;
        int cols = Math.min(columns, cells.size());
        int rows = (cells.size() + cols - 1) / cols;
        BufferedImage grid = new BufferedImage(cols * (cellWidth + GAP) + GAP, rows * (cellHeight + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                int x = GAP + (i % cols) * (cellWidth + GAP);
                int y = GAP + (i / cols) * (cellHeight + GAP);
                g.drawImage(cell.image(), x, y, null);
                g.setColor(Color.DARK_GRAY);
                g.drawString(cell.caption(), x, y + cell.image().getHeight() + CAPTION_HEIGHT - 5);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(grid, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new EndoLensException("cannot encode the example grid as PNG: " + e.getMessage(), e);
        }
    }
}
