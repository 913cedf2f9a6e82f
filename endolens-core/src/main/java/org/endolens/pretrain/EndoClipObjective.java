package org.endolens.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endolens.model.ClipModel;
import org.endolens.model.PatientCrossAttention;
import org.endolens.text.Tokenizer;
import org.endolens.train.MultiPositiveContrastiveLoss;
import org.endolens.train.PatientContrastiveLoss;
import org.endolens.train.StepFunction;

/**
 * Endo-CLIP's pre-training loss on per-patient batches whose {@code label} is each frame's exam index into
 * {@code texts} and whose {@code group} is its patient slot: multi-positive InfoNCE between frames and the reports
 * in the batch (frames of one exam share its report), plus with ATTUNE the same between frames and the attribute
 * prompts of the batch's exams, plus with UNIFY the patient-level loss of polyp descriptions attending to each
 * patient's frames. The stages' losses are summed with equal weight. Closing it closes its loader.
 */
public final class EndoClipObjective implements StepFunction, AutoCloseable {
    private final ClipModel model;
    private final PretrainConfig config;
    private final LoaderSteps batches;
    private final List<ExamText> texts;
    private final Tokenizer tokenizer;
    private final MultiPositiveContrastiveLoss multiPositive = new MultiPositiveContrastiveLoss();
    private final PatientContrastiveLoss patientLoss = new PatientContrastiveLoss();

    public EndoClipObjective(ClipModel model, PretrainConfig config, LoaderSteps batches, List<ExamText> texts,
            Tokenizer tokenizer) {
        if (config.has(PretrainStage.UNIFY) && model.patientAttention().isEmpty()) {
            throw new IllegalArgumentException("the unify stage needs an Endo-CLIP model with patient attention (e.g. "
                    + "preset endoclip-tiny); " + model.config().name() + " has none");
        }
        this.model = model;
        this.config = config;
        this.batches = batches;
        this.texts = List.copyOf(texts);
        this.tokenizer = tokenizer;
    }

    @Override
    public NDArray loss(ParameterStore store, long step, NDManager scope) {
        NDList batch = batches.batch(step, scope);
        long[] exams = batch.get("label").toLongArray();
        long[] slots = batch.get("group").toLongArray();
        NDArray image = ClipModel.normalize(model.encodeImage(store, batch.get("image"), true).embedding());
        NDArray logScale = model.logitScale(store, image, true);

        Map<String, List<Integer>> reports = new LinkedHashMap<>();
        for (int n = 0; n < exams.length; n++) {
            reports.computeIfAbsent(texts.get((int) exams[n]).report(), r -> new ArrayList<>()).add(n);
        }
        NDArray loss = contrast(store, scope, image, logScale, reports);
        if (config.has(PretrainStage.ATTUNE)) {
            Map<String, List<Integer>> prompts = new LinkedHashMap<>();
            for (int n = 0; n < exams.length; n++) {
                for (String prompt : texts.get((int) exams[n]).prompts()) {
                    prompts.computeIfAbsent(prompt, p -> new ArrayList<>()).add(n);
                }
            }
            loss = loss.add(contrast(store, scope, image, logScale, prompts));
        }
        if (config.has(PretrainStage.UNIFY)) {
            loss = loss.add(unify(store, scope, image, logScale, exams, slots));
        }
        return loss;
    }

    /** Multi-positive InfoNCE between the frames and {@code targets}, each text with the frames it describes. */
    private NDArray contrast(ParameterStore store, NDManager scope, NDArray image, NDArray logScale,
            Map<String, List<Integer>> targets) {
        long frames = image.getShape().get(0);
        float[] positive = new float[(int) frames * targets.size()];
        int column = 0;
        for (List<Integer> rows : targets.values()) {
            for (int n : rows) {
                positive[n * targets.size() + column] = 1f;
            }
            column++;
        }
        NDArray text = encodeTexts(store, scope, new ArrayList<>(targets.keySet()));
        return multiPositive.apply(image, text, scope.create(positive, new Shape(frames, targets.size())), logScale);
    }

    /** Each patient's polyp descriptions (from all its exams in the batch) attend over every patient's frames. */
    private NDArray unify(ParameterStore store, NDManager scope, NDArray image, NDArray logScale, long[] exams, long[] slots) {
        int patients = (int) Arrays.stream(slots).max().orElse(0) + 1;
        List<List<Integer>> frames = new ArrayList<>();
        List<LinkedHashSet<String>> descriptions = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            frames.add(new ArrayList<>());
            descriptions.add(new LinkedHashSet<>());
        }
        for (int n = 0; n < slots.length; n++) {
            frames.get((int) slots[n]).add(n);
            descriptions.get((int) slots[n]).addAll(texts.get((int) exams[n]).descriptions());
        }
        int maxFrames = frames.stream().mapToInt(List::size).max().orElse(1);
        int maxDescriptions = descriptions.stream().mapToInt(Set::size).max().orElse(1);
        long[] frameIndex = new long[patients * maxFrames];
        float[] frameMask = new float[patients * maxFrames];
        List<String> descriptionTexts = new ArrayList<>();
        float[] descriptionMask = new float[patients * maxDescriptions];
        for (int p = 0; p < patients; p++) {
            for (int f = 0; f < frames.get(p).size(); f++) {
                frameIndex[p * maxFrames + f] = frames.get(p).get(f);
                frameMask[p * maxFrames + f] = 1f;
            }
            List<String> own = new ArrayList<>(descriptions.get(p));
            for (int d = 0; d < maxDescriptions; d++) {
                descriptionTexts.add(d < own.size() ? own.get(d) : "");
                descriptionMask[p * maxDescriptions + d] = d < own.size() ? 1f : 0f;
            }
        }
        long dim = image.getShape().get(1);
        NDArray frameSets = image.get(scope.create(frameIndex)).reshape(patients, maxFrames, dim);
        NDArray text = encodeTexts(store, scope, descriptionTexts).reshape(patients, maxDescriptions, dim);
        PatientCrossAttention attention = model.patientAttention().orElseThrow();
        NDArray visual = attention.attend(store, text, frameSets, scope.create(frameMask, new Shape(patients, maxFrames)), true)
                .visual();
        return patientLoss.apply(text, ClipModel.normalize(visual),
                scope.create(descriptionMask, new Shape(patients, maxDescriptions)), logScale);
    }

    /** Stops the data loader. */
    @Override
    public void close() {
        batches.close();
    }

    private NDArray encodeTexts(ParameterStore store, NDManager scope, List<String> values) {
        int context = model.config().text().contextLength();
        long[][] ids = tokenizer.encode(values, context);
        long[] flat = new long[ids.length * context];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(ids[i], 0, flat, i * context, context);
        }
        NDArray tokens = scope.create(flat, new Shape(ids.length, context));
        return ClipModel.normalize(model.encodeText(store, tokens, true).embedding());
    }
}
