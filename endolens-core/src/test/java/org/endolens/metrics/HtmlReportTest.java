package org.endolens.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports are single HTML files whose plots are real PNGs. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    @Test
    void chartsArePngsAndTheReportEmbedsThem() throws Exception {
        BinaryScores scores = new BinaryScores(new double[] {0.9, 0.7, 0.4, 0.2}, new boolean[] {true, false, true, false});
        byte[] roc = Charts.roc(Map.of("model", scores.roc()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(roc));
        assertEquals(560, image.getWidth());
        byte[] confusion = Charts.confusion(ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2), List.of("normal", "polyp"));
        byte[] histogram = Charts.histogram("Dice per image", "Dice", new double[] {0.1, 0.8, 0.85, 0.9}, 0, 1, 10);
        byte[] curve = Charts.lines("few-shot", "k", "accuracy", Map.of("probe", new double[][] {{1, 2, 4}, {0.5, 0.6, 0.7}}), true);

        Path file = tmp.resolve("report.html");
        new HtmlReport("Eval <test>").heading("ROC").image("ROC", roc).image("Confusion", confusion)
                .image("Dice", histogram).image("Few-shot", curve).keyValues(Map.of("auroc", scores.auroc()))
                .table(List.of("k", "acc"), List.of(List.of(1, 0.5))).code("endolens eval ...").write(file);
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Eval &lt;test&gt;"));
        assertEquals(4, html.split("data:image/png;base64,", -1).length - 1);
        assertFalse(html.contains("<script"));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }
}
