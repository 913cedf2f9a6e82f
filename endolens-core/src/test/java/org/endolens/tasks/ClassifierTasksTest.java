package org.endolens.tasks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zero-shot, linear probe, prototypes and the k-shot protocol on Gaussian clusters whose answer is known. */
class ClassifierTasksTest {
    private static final int DIM = 16;
    private static final int CLASSES = 3;

    /** Points around three orthogonal centres; noise {@code sigma} per coordinate. */
    private static float[][] points(int[] labels, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[labels.length][DIM];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) ((j == labels[i] * 2 ? 1.0 : 0.0) + sigma * r.nextGaussian());
            }
        }
        return x;
    }

    private static int[] labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
        }
        return y;
    }

    @Test
    void zeroShotPicksTheClassWhosePromptsPointAtIt() {
        int[] y = labels(60);
        float[][] images = points(y, 0.1, 1);
        List<float[][]> prompts = List.of(
                new float[][] {unit(0), unit(0)},
                new float[][] {unit(2), unit(2)},
                new float[][] {unit(4)});
        assertArrayEquals(y, new ZeroShotClassifier(prompts).predict(images));
        assertEquals(List.of("a colonoscopy image of a polyp.", "a colonoscopy image of an adenoma."),
                ZeroShotClassifier.prompts(List.of("a colonoscopy image of {}."), List.of("a polyp", "an adenoma")));
    }

    @Test
    void linearProbeAndPrototypesSeparateClusters() {
        int[] y = labels(45);
        float[][] x = points(y, 0.2, 2);
        assertArrayEquals(y, LinearProbe.fit(x, y, CLASSES, LinearProbe.DEFAULT_L2, LinearProbe.DEFAULT_ITERATIONS).predict(x));
        assertArrayEquals(y, PrototypeClassifier.fit(x, y, CLASSES).predict(x));
    }

    @Test
    void fewShotAccuracyGrowsWithShotsAndIsReproducible() {
        int[] trainY = labels(90);
        int[] testY = labels(150);
        float[][] train = points(trainY, 0.3, 3);
        float[][] test = points(testY, 0.3, 4);
        List<FewShot.Cell> a = FewShot.run(train, trainY, test, testY, CLASSES, new int[] {1, 16}, 3, 7);
        List<FewShot.Cell> b = FewShot.run(train, trainY, test, testY, CLASSES, new int[] {1, 16}, 3, 7);
        assertEquals(4, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).accuracy(), b.get(i).accuracy());
        }
        FewShot.Cell probe1 = a.get(0);
        FewShot.Cell probe16 = a.get(2);
        assertEquals("linear-probe", probe16.method());
        assertTrue(probe16.meanAccuracy() > 0.9, "16-shot probe accuracy " + probe16.meanAccuracy());
        assertTrue(probe16.meanAccuracy() >= probe1.meanAccuracy(), "more shots should not hurt on average");
        assertTrue(a.get(3).meanAccuracy() > 0.9, "16-shot prototype accuracy " + a.get(3).meanAccuracy());
    }

    @Test
    void sampleTakesKPerClassWithoutRepeats() {
        int[] y = labels(30);
        int[] chosen = FewShot.sample(y, CLASSES, 4, new SplittableRandom(5));
        assertEquals(12, chosen.length);
        assertEquals(12, java.util.Arrays.stream(chosen).distinct().count());
        for (int c = 0; c < CLASSES; c++) {
            int cls = c;
            assertEquals(4, java.util.Arrays.stream(chosen).filter(i -> y[i] == cls).count());
        }
    }

    private static float[] unit(int axis) {
        float[] v = new float[DIM];
        v[axis] = 1;
        return v;
    }
}
