package org.endolens.tasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.transform.CenterCrop;
import org.endolens.data.transform.Interpolation;
import org.endolens.data.transform.Normalize;
import org.endolens.data.transform.Resize;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.endolens.model.ClipModel;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.VisionOutput;
import org.endolens.nn.VisionTransformer;
import org.endolens.text.Tokenizer;
import org.endolens.text.Tokenizers;

/**
 * Embeds frames (and, for CLIP, texts) with an image encoder in evaluation mode: frames of records in record order,
 * batched, resized (shorter side, bicubic) and centre-cropped to the model's size; texts with the text tower's
 * tokenizer (byte-level unless given). A CLIP model gives its raw image and text projections (CLIP normalisation); a plain ViT gives its pooled
 * feature (ImageNet normalisation). Callers L2-normalise when they need to.
 */
public final class ImageEmbedder {
    public static final int DEFAULT_BATCH = 64;

    private final VisionTransformer tower;
    private final ClipModel model;
    private final Normalize normalize;
    private final NDManager manager;
    private final Tokenizer tokenizer;

    /** @param manager the parent of each batch's scope (the model's manager or a child of it) */
    public ImageEmbedder(ClipModel model, NDManager manager) {
        this(model, manager, null);
    }

    /** @param tokenizer the text tower's tokenizer, or null for {@link Tokenizers#forTower}'s default */
    public ImageEmbedder(ClipModel model, NDManager manager, Tokenizer tokenizer) {
        this(model.visual(), model, Normalize.clip(), manager, tokenizer);
    }

    private ImageEmbedder(VisionTransformer tower, ClipModel model, Normalize normalize, NDManager manager,
            Tokenizer tokenizer) {
        this.tower = tower;
        this.model = model;
        this.normalize = normalize;
        this.manager = manager;
        this.tokenizer = tokenizer;
    }

    /** An embedder for any image encoder: a CLIP model (image and text towers) or a Vision Transformer. */
    public static ImageEmbedder of(NamedBlock encoder, NDManager manager) {
        if (encoder instanceof ClipModel clip) {
            return new ImageEmbedder(clip, manager);
        }
        if (encoder instanceof VisionTransformer vit) {
            return new ImageEmbedder(vit, null, Normalize.imagenet(), manager, null);
        }
        throw new IllegalArgumentException("cannot embed images with a " + encoder.getClass().getSimpleName()
                + "; expected a ViT or CLIP checkpoint");
    }

    /** Whether this embedder also embeds texts (a CLIP model). */
    public boolean embedsText() {
        return model != null;
    }

    /** One row per frame of {@code exams}, in the order exams and frames appear (masks are not read). */
    public float[][] frames(List<ExamRecord> exams, Path folder, int batchSize) {
        int size = tower.config().imageSize();
        SampleViews views = SampleViews.single(Transform.compose(Resize.shorterSide(size, Interpolation.BICUBIC),
                new CenterCrop(size), normalize));
        List<ExamRecord> imagesOnly = exams.stream().map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                e.frames().stream().map(f -> FrameRecord.of(f.id(), f.path())).toList(), List.of(), e.report(), null))
                .toList();
        FrameExamples examples = new FrameExamples(imagesOnly, folder, views, List.of(), FrameExamples.GroupBy.EXAM);
        List<float[]> rows = new ArrayList<>(examples.size());
        ParameterStore store = new ParameterStore(manager, false);
        LoaderConfig config = LoaderConfig.of(batchSize, 0).withShuffle(false);
        try (DataLoader loader = new DataLoader(examples, config, new Problems(BadInputPolicy.FAIL));
                DataLoader.Epoch batches = loader.epoch(0)) {
            while (batches.hasNext()) {
                try (NDManager scope = manager.newSubManager()) {
                    NDList batch = batches.next(scope);
                    VisionOutput out = tower.encode(store, batch.get(SampleViews.IMAGE), false);
                    addRows(rows, model != null ? out.embedding() : out.features());
                }
            }
        }
        return rows.toArray(float[][]::new);
    }

    /** One row per text. */
    public float[][] texts(List<String> texts) {
        if (model == null) {
            throw new IllegalStateException("a plain image encoder has no text tower; check embedsText() first");
        }
        int context = model.config().text().contextLength();
        Tokenizer words = tokenizer != null ? tokenizer : Tokenizers.forTower(model.config().text(), null);
        long[][] ids = words.encode(texts, context);
        long[] flat = new long[ids.length * context];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(ids[i], 0, flat, i * context, context);
        }
        List<float[]> rows = new ArrayList<>(texts.size());
        try (NDManager scope = manager.newSubManager()) {
            NDArray tokens = scope.create(flat, new Shape(ids.length, context));
            addRows(rows, model.encodeText(new ParameterStore(scope, false), tokens, false).embedding());
        }
        return rows.toArray(float[][]::new);
    }

    private static void addRows(List<float[]> rows, NDArray embedding) {
        int dim = (int) embedding.getShape().get(1);
        float[] values = embedding.toFloatArray();
        for (int r = 0; r < values.length / dim; r++) {
            float[] row = new float[dim];
            System.arraycopy(values, r * dim, row, 0, dim);
            rows.add(row);
        }
    }
}
