package org.endolens.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Resampling matches PyTorch. Expected values were computed with Debian's python3-torch 1.13:
 * {@code pos = torch.arange(51.).reshape(1,17,3).sin()}; grid part permuted to (1,3,4,4);
 * {@code F.interpolate(g, size=(6,6), mode=..., align_corners=False)} (timm's resample_abs_pos_embed), rows 1, 7,
 * 20, 36 of the result; time: {@code t = torch.arange(12.).reshape(1,4,3).cos()},
 * {@code F.interpolate(t.transpose(1,2), size=6, mode='nearest').transpose(1,2)} (Endo-FM).
 */
class PositionEmbeddingsTest {
    private static final int[] ROWS = {1, 7, 20, 36};

    @Test
    void bicubicResamplingMatchesTorchInterpolate() {
        float[] expected = {0.12603618f, -0.92758507f, -1.12838888f, 0.44165993f, -0.66415995f, -1.15935433f,
            -0.20811862f, -0.13723752f, 0.05981914f, -0.88659614f, -1.14689791f, -0.35274690f};
        assertArrayEquals(expected, resampledRows(Resample.BICUBIC), 1e-5f);
    }

    @Test
    void nearestResamplingMatchesTorchInterpolate() {
        float[] expected = {0.14112000f, -0.75680250f, -0.95892429f, 0.14112000f, -0.75680250f, -0.95892429f,
            0.95637596f, 0.27090579f, -0.66363388f, -0.76825464f, -0.95375264f, -0.26237485f};
        assertArrayEquals(expected, resampledRows(Resample.NEAREST), 1e-6f);
    }

    @Test
    void timeEmbeddingStretchesLikeEndoFm() {
        float[] expected = {1.0f, 0.54030234f, -0.41614684f, 1.0f, 0.54030234f, -0.41614684f, -0.98999250f,
            -0.65364361f, 0.28366220f, 0.96017027f, 0.75390226f, -0.14550003f, 0.96017027f, 0.75390226f,
            -0.14550003f, -0.91113025f, -0.83907151f, 0.00442570f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray time = m.arange(12f).reshape(1, 4, 3).cos();
            NDArray stretched = PositionEmbeddings.resampleTime(time, 6, Resample.NEAREST);
            assertArrayEquals(new long[] {1, 6, 3}, stretched.getShape().getShape());
            assertArrayEquals(expected, stretched.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void sameGridIsReturnedUnchanged() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pos = m.randomNormal(new Shape(1, 17, 3));
            assertSame(pos, PositionEmbeddings.resample(pos, 4, 4, 4, Resample.BICUBIC));
        }
    }

    private static float[] resampledRows(Resample mode) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pos = m.arange(51f).reshape(1, 17, 3).sin();
            NDArray out = PositionEmbeddings.resample(pos, 4, 6, 6, mode);
            assertArrayEquals(new long[] {1, 37, 3}, out.getShape().getShape());
            float[] rows = new float[ROWS.length * 3];
            for (int i = 0; i < ROWS.length; i++) {
                System.arraycopy(out.get(0, ROWS[i]).toFloatArray(), 0, rows, i * 3, 3);
            }
            return rows;
        }
    }
}
