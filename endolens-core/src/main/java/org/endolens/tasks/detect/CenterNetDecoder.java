package org.endolens.tasks.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.endolens.data.Box;
import org.endolens.metrics.Detection;
import org.endolens.nn.CenterNetMaps;

/**
 * CenterNet's NMS-free decoding ({@code ctdet_decode}): centre probabilities are the heatmap's sigmoid; a location is
 * a peak when it equals the maximum of its 3x3 neighbourhood; the {@code topK} peaks over all classes become boxes
 * {@code (x + offset_x +- w / 2, y + offset_y +- h / 2) * stride} in input pixels, clipped to the input. Greedy IoU NMS
 * follows as a safety net.
 */
public final class CenterNetDecoder {
    /** CenterNet keeps the 100 best peaks. */
    public static final int DEFAULT_TOP_K = 100;
    public static final double DEFAULT_NMS_IOU = 0.5;

    private final int stride;
    private final int topK;
    private final List<String> classes;
    private final NonMaximumSuppression nms;

    public CenterNetDecoder(int stride, int topK, double nmsIou, List<String> classes) {
        if (stride < 1 || topK < 1) {
            throw new IllegalArgumentException("stride and topK must be positive, got " + stride + " and " + topK);
        }
        this.stride = stride;
        this.topK = topK;
        this.classes = List.copyOf(classes);
        this.nms = new NonMaximumSuppression(nmsIou);
    }

    /** The decoder a detection model was trained for, with CenterNet's defaults. */
    public static CenterNetDecoder of(DetectionConfig config) {
        return new CenterNetDecoder(config.head().stride(), DEFAULT_TOP_K, DEFAULT_NMS_IOU, config.classes());
    }

    /** Detections of each image of the batch, in input pixels, in descending score order. */
    public List<List<Detection>> decode(CenterNetMaps maps) {
        NDArray heat = ai.djl.nn.Activation.sigmoid(maps.heatmap());
        Shape shape = heat.getShape();
        int batch = (int) shape.get(0);
        int channels = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        NDArray max = Pool.maxPool2d(heat, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
        NDArray peaks = heat.mul(heat.eq(max).toType(heat.getDataType(), false)).reshape(batch, -1);
        int k = Math.min(topK, channels * h * w);
        NDList top = peaks.topK(k, 1, true, true);
        float[] scores = top.get(0).toFloatArray();
        long[] indices = top.get(1).toType(DataType.INT64, false).toLongArray();
        float[] size = maps.size().toFloatArray();
        float[] offset = maps.offset().toFloatArray();
        int cells = h * w;
        double inputW = (double) w * stride;
        double inputH = (double) h * stride;
        List<List<Detection>> images = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            List<Detection> detections = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                float score = scores[b * k + j];
                if (score <= 0) {
                    break;
                }
                int index = (int) indices[b * k + j];
                int channel = index / cells;
                int cell = index % cells;
                int base = b * 2 * cells + cell;
                double cx = cell % w + offset[base];
                double cy = cell / w + offset[base + cells];
                double halfW = Math.max(0, size[base]) / 2;
                double halfH = Math.max(0, size[base + cells]) / 2;
                Box box = new Box(clip((cx - halfW) * stride, inputW), clip((cy - halfH) * stride, inputH),
                        clip((cx + halfW) * stride, inputW), clip((cy + halfH) * stride, inputH), classes.get(channel));
                detections.add(new Detection(box, score));
            }
            images.add(nms.apply(detections));
        }
        return images;
    }

    private static double clip(double value, double limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
