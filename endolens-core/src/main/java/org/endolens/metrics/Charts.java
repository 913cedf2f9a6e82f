package org.endolens.metrics;

import org.endolens.EndoLensException;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plots EndoLens reports show, rendered headless by XChart as PNG bytes. */
public final class Charts {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** ROC curves (one series per model or class) with the chance diagonal. */
    public static byte[] roc(Map<String, List<BinaryScores.Point>> curves) {
        XYChart chart = unitSquare("ROC curve", "false positive rate", "true positive rate");
        curves.forEach((name, points) -> line(chart, name, points));
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 4f}, 0f));
        return png(recolored(chart));
    }

    /** Precision-recall curves. */
    public static byte[] precisionRecall(Map<String, List<BinaryScores.Point>> curves) {
        XYChart chart = unitSquare("Precision-recall curve", "recall", "precision");
        curves.forEach((name, points) -> line(chart, name, points));
        return png(recolored(chart));
    }

    /**
     * Lines of y against x, e.g. loss against step or accuracy against k shots; one series per map entry. With
     * {@code log2X} the x axis is logarithmic with base 2 and labelled at the powers of two (k = 1, 2, 4, 8, 16 evenly
     * spaced); XChart's own logarithmic axis labels decades only, which leaves 1 and 10.
     */
    public static byte[] lines(String title, String xLabel, String yLabel, Map<String, double[][]> series, boolean log2X) {
        Map<String, double[][]> plotted = new LinkedHashMap<>();
        series.forEach((name, xy) -> plotted.put(name, new double[][] {log2X ? log2(name, xy[0]) : xy[0], xy[1]}));
        XYChart chart = xy(title, xLabel, yLabel);
        double[] xRange = range(plotted.values().stream().map(xy -> xy[0]).toList());
        addTickSeries(chart, xRange, range(plotted.values().stream().map(xy -> xy[1]).toList()));
        plotted.forEach((name, xy) -> {
            XYSeries s = chart.addSeries(name, xy[0], xy[1]);
            s.setMarker(xy[0].length <= 20 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        });
        chart.getStyler().setXAxisDecimalPattern("#,##0.##").setYAxisDecimalPattern("#,##0.###");
        if (log2X && xRange != null) {
            // Whole powers of two at both ends, so that k = 5 sits between the labels 4 and 8.
            double low = Math.floor(xRange[0]);
            chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::powerOfTwoLabel).setXAxisMin(low)
                    .setXAxisMax(Math.max(Math.ceil(xRange[1]), low + 1));
        }
        return png(recolored(chart));
    }

    private static double[] log2(String series, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0)) {
                throw new IllegalArgumentException("series '" + series + "' has x = " + x[i]
                        + ", which a logarithmic axis cannot show");
            }
            out[i] = Math.log(x[i]) / Math.log(2);
        }
        return out;
    }

    /** The label of a tick at {@code exponent} on a base-2 axis: 2^exponent at whole exponents, else none. */
    static String powerOfTwoLabel(double exponent) {
        long whole = Math.round(exponent);
        if (Math.abs(exponent - whole) > 1e-9) {
            return "";
        }
        double value = Math.pow(2, whole);
        return value >= 1 ? String.format(java.util.Locale.ROOT, "%d", (long) value)
                : String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    /** Confusion matrix as a heat map, rows = truth, columns = prediction. */
    public static byte[] confusion(ConfusionMatrix matrix, List<String> classNames) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title("Confusion matrix")
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true).setLegendVisible(false);
        List<Number[]> cells = new ArrayList<>();
        long[][] counts = matrix.toArray();
        int n = counts.length;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                // Row 0 at the top, as in the usual printed matrix.
                cells.add(new Number[] {p, n - 1 - t, counts[t][p]});
            }
        }
        List<String> reversed = new ArrayList<>(classNames);
        java.util.Collections.reverse(reversed);
        chart.addSeries("counts", classNames, reversed, cells);
        return png(chart);
    }

    /** Histogram of values in {@code [min, max]} with {@code bins} bins (e.g. per-image Dice). */
    public static byte[] histogram(String title, String xLabel, double[] values, double min, double max, int bins) {
        int[] counts = new int[bins];
        for (double v : values) {
            int b = (int) Math.floor((v - min) / (max - min) * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.2f", min + (b + 0.5) * (max - min) / bins));
            heights.add(counts[b]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle("count").build();
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("count", labels, heights);
        return png(chart);
    }

    /** A chart with both axes 0-1, labelled with two decimals and ticked as {@link #addTickSeries} explains. */
    private static XYChart unitSquare(String title, String xLabel, String yLabel) {
        XYChart chart = xy(title, xLabel, yLabel);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.00").setYAxisDecimalPattern("0.00");
        addTickSeries(chart, new double[] {0, 1}, new double[] {0, 1});
        return chart;
    }

    /**
     * Adds the chart's first series: hidden, at the low and high ends of both axes and at a point in between. XChart
     * 3.8 puts a tick on every data value when the distinct values of an axis, in the order the series add them, are
     * evenly spaced, which every ROC curve (steps of 1/negatives) and every loss curve (steps 1, 2, 3...) is: a label
     * every 1/28, or every 34 steps, overlapping. Low, high, then a point a third of the way along are never evenly
     * spaced, so the axes get XChart's usual round ticks; lying inside the data's range, they change nothing else.
     */
    private static void addTickSeries(XYChart chart, double[] xRange, double[] yRange) {
        if (xRange == null || yRange == null) {
            return;
        }
        XYSeries ticks = chart.addSeries(" ", thirds(xRange), thirds(yRange));
        ticks.setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.NONE).setShowInLegend(false);
    }

    private static double[] thirds(double[] range) {
        return new double[] {range[0], range[1], range[0] + (range[1] - range[0]) / 3};
    }

    /** {@code {min, max}} of the finite values, or null when there are none. */
    private static double[] range(List<double[]> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] array : values) {
            for (double v : array) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }

    /** Gives the visible series the palette's colours from the first, as if the hidden tick series were not there. */
    private static XYChart recolored(XYChart chart) {
        java.awt.Color[] palette = chart.getStyler().getSeriesColors();
        int next = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                java.awt.Color color = palette[next++ % palette.length];
                series.setLineColor(color);
                series.setMarkerColor(color);
            }
        }
        return chart;
    }

    private static XYChart xy(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    private static void line(XYChart chart, String name, List<BinaryScores.Point> points) {
        double[] x = points.stream().mapToDouble(BinaryScores.Point::x).toArray();
        double[] y = points.stream().mapToDouble(BinaryScores.Point::y).toArray();
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new EndoLensException("cannot render chart '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }
}
