package org.endolens.cleanse;

import org.endolens.util.AtomicTextFile;
import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.endolens.util.Json;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A logistic regression on standardised {@link FrameFeatures} that scores how informative a frame is. Trained on
 * a few hundred labelled frames with class-balanced weights, saved as a small JSON file; a dropped frame's reason is
 * the feature whose term pushed the score down most, named for the failure it indicates.
 */
public final class LogisticQualityModel implements FrameQualityClassifier {
    /** The {@code format} field of model files written by this version. */
    public static final String FORMAT = "endolens-frame-quality-logistic/1";
    /** Balanced class weights make 0.5 the threshold that weighs missed and wrongly dropped frames alike. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /**
     * Ridge penalty on the summed, class-balanced log-loss of standardised inputs: small beside a few hundred
     * frames, enough to keep the weights finite when the two classes are perfectly separable.
     */
    public static final double DEFAULT_L2 = 1.0;
    /** Features entered as {@code ln(1 + value)}: sharpness spans four orders of magnitude. */
    private static final List<String> LOG_FEATURES = List.of("sharpness");
    /** A feature constant over the training frames gets unit spread, so it contributes nothing. */
    private static final double MIN_STD = 1e-12;
    /**
     * The failure a feature indicates when its term pushes a frame out: {low value, high value}. Low luma measures
     * mean darkness, high ones glare; colour measures mean a view that is not mucosa; fine texture missing means
     * blur, in excess it means bubbles.
     */
    private static final Map<String, Reason[]> REASONS = Map.ofEntries(
            Map.entry("sharpness", new Reason[] {Reason.BLURRED, Reason.BUBBLES}),
            Map.entry("motion_blur", new Reason[] {Reason.BLURRED, Reason.BLURRED}),
            Map.entry("underexposed", new Reason[] {Reason.OVEREXPOSED, Reason.DARK}),
            Map.entry("overexposed", new Reason[] {Reason.DARK, Reason.OVEREXPOSED}),
            Map.entry("mean_luma", new Reason[] {Reason.DARK, Reason.OVEREXPOSED}),
            Map.entry("specular", new Reason[] {Reason.DARK, Reason.SPECULAR}),
            Map.entry("hue_mean", new Reason[] {Reason.NOT_MUCOSA, Reason.NOT_MUCOSA}),
            Map.entry("hue_std", new Reason[] {Reason.NOT_MUCOSA, Reason.NOT_MUCOSA}),
            Map.entry("saturation_mean", new Reason[] {Reason.NOT_MUCOSA, Reason.NOT_MUCOSA}),
            Map.entry("saturation_std", new Reason[] {Reason.NOT_MUCOSA, Reason.NOT_MUCOSA}),
            Map.entry("mucosa", new Reason[] {Reason.NOT_MUCOSA, Reason.NOT_MUCOSA}),
            Map.entry("bubbles", new Reason[] {Reason.BLURRED, Reason.BUBBLES}),
            Map.entry("entropy", new Reason[] {Reason.DARK, Reason.BUBBLES}),
            Map.entry("field_of_view", new Reason[] {Reason.DARK, Reason.OVEREXPOSED}));

    /** Which of {@link FrameFeatures#NAMES} are in LOG_FEATURES. */
    private static final boolean[] LOGGED = logged();

    private final int maxSide;
    private final double[] means;
    private final double[] stds;
    private final double[] weights;
    private final double bias;
    private final double threshold;
    private final TrainedOn trainedOn;

    private LogisticQualityModel(int maxSide, double[] means, double[] stds, double[] weights, double bias,
            double threshold, TrainedOn trainedOn) {
        this.maxSide = maxSide;
        this.means = means;
        this.stds = stds;
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
        this.trainedOn = trainedOn;
    }

    /**
     * What a model was trained on, stored in its file.
     *
     * @param source the labels or records file
     * @param informative informative training frames
     * @param background background training frames
     * @param l2 the ridge penalty used
     */
    public record TrainedOn(String source, int informative, int background, double l2) {}

    /**
     * Fits the model to frames labelled informative or background, measured at {@code maxSide}; each class gets half
     * the total weight.
     */
    public static LogisticQualityModel fit(LabelledFeatures data, int maxSide) {
        List<FrameFeatures> features = data.features();
        boolean[] informative = data.informative();
        int positives = data.informativeCount();
        int negatives = data.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(data.source() + ": training needs both informative and background "
                    + "frames, got " + positives + " informative and " + negatives + " background");
        }
        int d = FrameFeatures.NAMES.size();
        double[][] inputs = features.stream().map(LogisticQualityModel::inputs).toArray(double[][]::new);
        double[] means = new double[d];
        double[] stds = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : inputs) {
                sum += row[j];
            }
            means[j] = sum / inputs.length;
            double squares = 0;
            for (double[] row : inputs) {
                squares += (row[j] - means[j]) * (row[j] - means[j]);
            }
            double std = Math.sqrt(squares / inputs.length);
            stds[j] = std < MIN_STD ? 1 : std;
        }
        double[][] standardised = new double[inputs.length][d];
        double[] sampleWeight = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < d; j++) {
                standardised[i][j] = (inputs[i][j] - means[j]) / stds[j];
            }
            sampleWeight[i] = inputs.length / (2.0 * (informative[i] ? positives : negatives));
        }
        double[] beta = LogisticRegression.fit(standardised, informative, sampleWeight, DEFAULT_L2);
        return new LogisticQualityModel(maxSide, means, stds, Arrays.copyOfRange(beta, 1, beta.length), beta[0],
                DEFAULT_THRESHOLD, new TrainedOn(data.source(), positives, negatives, DEFAULT_L2));
    }

    @Override
    public FrameDecision decide(FrameFeatures features) {
        double[] x = inputs(features);
        double logit = bias;
        int worst = 0;
        double worstTerm = Double.POSITIVE_INFINITY;
        for (int j = 0; j < x.length; j++) {
            x[j] = (x[j] - means[j]) / stds[j];
            double term = weights[j] * x[j];
            logit += term;
            if (term < worstTerm) {
                worstTerm = term;
                worst = j;
            }
        }
        double score = LogisticRegression.sigmoid(logit);
        if (score >= threshold) {
            return FrameDecision.keep(score);
        }
        return FrameDecision.drop(score, REASONS.get(FrameFeatures.NAMES.get(worst))[x[worst] > 0 ? 1 : 0]);
    }

    @Override
    public int maxSide() {
        return maxSide;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "logistic model trained on %d informative and %d background frames"
                + " of %s", trainedOn.informative(), trainedOn.background(), trainedOn.source());
    }

    public TrainedOn trainedOn() {
        return trainedOn;
    }

    /** Writes the model as JSON, atomically (a temporary file beside it, then renamed over it). */
    public void save(Path file) {
        ModelFile content = new ModelFile(FORMAT, maxSide, FrameFeatures.NAMES, LOG_FEATURES, means, stds, weights,
                bias, threshold, trainedOn);
        AtomicTextFile.write(file, "frame-quality model", out -> out.write(Json.mapper().writeValueAsString(content)));
    }

    /** Reads a model written by {@link #save(Path)}, checking that its features are this version's. */
    public static LogisticQualityModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EndoLensException(file + ": no such frame-quality model file");
        }
        ModelFile m;
        try {
            m = Json.mapper().readValue(file.toFile(), ModelFile.class);
        } catch (IOException e) {
            throw new DataFormatException(file + ": not a frame-quality model (" + Json.reason(e) + ")", e);
        }
        if (!FORMAT.equals(m.format())) {
            throw new DataFormatException(file + ": format '" + m.format() + "', expected '" + FORMAT + "'");
        }
        if (!FrameFeatures.NAMES.equals(m.features()) || !LOG_FEATURES.equals(m.logFeatures())) {
            throw new DataFormatException(file + ": features " + m.features() + " (log " + m.logFeatures()
                    + ") differ from this version's " + FrameFeatures.NAMES + " (log " + LOG_FEATURES
                    + "); retrain with 'endolens cleanse train'");
        }
        int d = FrameFeatures.NAMES.size();
        if (m.means() == null || m.stds() == null || m.weights() == null || m.means().length != d
                || m.stds().length != d || m.weights().length != d) {
            throw new DataFormatException(file + ": means, stds and weights must each hold " + d + " numbers");
        }
        if (m.maxSide() < 1 || !(m.threshold() > 0 && m.threshold() < 1)) {
            throw new DataFormatException(file + ": max_side must be positive and threshold in (0, 1), got "
                    + m.maxSide() + " and " + m.threshold());
        }
        if (m.trainedOn() == null) {
            throw new DataFormatException(file + ": no trained_on record (source, informative, background, l2)");
        }
        for (double std : m.stds()) {
            if (!(std > 0)) {
                throw new DataFormatException(file + ": stds must be positive, got " + Arrays.toString(m.stds()));
            }
        }
        return new LogisticQualityModel(m.maxSide(), m.means(), m.stds(), m.weights(), m.bias(), m.threshold(),
                m.trainedOn());
    }

    /** The model's inputs before standardising: the features, with the logged ones as ln(1 + value). */
    private static double[] inputs(FrameFeatures features) {
        double[] x = features.toArray();
        for (int j = 0; j < x.length; j++) {
            if (LOGGED[j]) {
                x[j] = Math.log1p(Math.max(0, x[j]));
            }
        }
        return x;
    }

    private static boolean[] logged() {
        boolean[] mask = new boolean[FrameFeatures.NAMES.size()];
        for (String name : LOG_FEATURES) {
            mask[FrameFeatures.NAMES.indexOf(name)] = true;
        }
        return mask;
    }

    /** The JSON layout of a model file (docs/formats.md, "Frame cleansing"). */
    record ModelFile(
            String format,
            @JsonProperty("max_side") int maxSide,
            List<String> features,
            @JsonProperty("log_features") List<String> logFeatures,
            double[] means,
            double[] stds,
            double[] weights,
            double bias,
            double threshold,
            @JsonProperty("trained_on") TrainedOn trainedOn) {}
}
