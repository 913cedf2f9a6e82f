package org.endolens.tasks;

import org.endolens.metrics.ConfusionMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The k-shot protocol: for each k and seed, sample k training examples per class, fit a linear probe and a
 * prototype classifier on their frozen features, and score the full test set; report mean and standard deviation
 * over seeds.
 */
public final class FewShot {
    public static final int[] DEFAULT_SHOTS = {1, 2, 4, 8, 16};

    /** One (method, k) cell: per-seed accuracy and macro-F1 and their summaries. */
    public record Cell(String method, int shots, double[] accuracy, double[] macroF1) {
        public double meanAccuracy() {
            return Arrays.stream(accuracy).average().orElse(Double.NaN);
        }

        public double stdAccuracy() {
            return std(accuracy);
        }

        public double meanMacroF1() {
            return Arrays.stream(macroF1).average().orElse(Double.NaN);
        }

        public double stdMacroF1() {
            return std(macroF1);
        }

        private static double std(double[] v) {
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1));
        }
    }

    private FewShot() {}

    /**
     * Runs the protocol. Classes with fewer than k training examples use all they have (and the cell says so
     * through a smaller effective k only in the sampling, not in the label).
     */
    public static List<Cell> run(float[][] train, int[] trainLabels, float[][] test, int[] testLabels, int classes,
            int[] shots, int seeds, long seed) {
        List<Cell> cells = new ArrayList<>();
        for (int k : shots) {
            double[] probeAcc = new double[seeds];
            double[] probeF1 = new double[seeds];
            double[] protoAcc = new double[seeds];
            double[] protoF1 = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                int[] chosen = sample(trainLabels, classes, k, new SplittableRandom(seed * 7919 + s * 104729L + k));
                float[][] x = Embeddings.select(train, chosen);
                int[] y = Arrays.stream(chosen).map(i -> trainLabels[i]).toArray();
                ConfusionMatrix probe = ConfusionMatrix.of(testLabels,
                        LinearProbe.fit(x, y, classes, LinearProbe.DEFAULT_L2, LinearProbe.DEFAULT_ITERATIONS).predict(test), classes);
                ConfusionMatrix proto = ConfusionMatrix.of(testLabels, PrototypeClassifier.fit(x, y, classes).predict(test), classes);
                probeAcc[s] = probe.accuracy();
                probeF1[s] = probe.macroF1();
                protoAcc[s] = proto.accuracy();
                protoF1[s] = proto.macroF1();
            }
            cells.add(new Cell("linear-probe", k, probeAcc, probeF1));
            cells.add(new Cell("prototype", k, protoAcc, protoF1));
        }
        return cells;
    }

    /** Up to k indices per class, without replacement. */
    static int[] sample(int[] labels, int classes, int k, SplittableRandom random) {
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("class " + c + " has no training example for few-shot sampling");
            }
            for (int j = 0; j < Math.min(k, members.size()); j++) {
                int pick = j + random.nextInt(members.size() - j);
                Integer tmp = members.get(j);
                members.set(j, members.get(pick));
                members.set(pick, tmp);
                chosen.add(members.get(j));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
