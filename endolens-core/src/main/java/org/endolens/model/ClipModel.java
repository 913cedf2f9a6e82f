package org.endolens.model;

import org.endolens.nn.InitScheme;
import org.endolens.nn.NamedBlock;
import org.endolens.nn.Scalars;
import org.endolens.nn.TextOutput;
import org.endolens.nn.TextTransformer;
import org.endolens.nn.VisionOutput;
import org.endolens.nn.VisionTransformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * CLIP (Radford et al. 2021), as open_clip composes it: an image tower ({@code visual}), a text tower
 * ({@code text}) and a learnable log temperature {@code logit_scale}. {@code forward(images, tokens)} returns
 * the L2-normalised image and text features and {@code exp(logit_scale)}, like open_clip's {@code CLIP.forward}.
 * An Endo-CLIP config adds the unification stage's {@code patient_attention} block; its other tensors keep
 * open_clip's names, so open_clip loads an Endo-CLIP checkpoint with {@code strict=False}.
 */
public final class ClipModel extends NamedBlock {
    /** Parameter-name prefix of the Endo-CLIP patient cross-attention. */
    public static final String PATIENT_ATTENTION = "patient_attention";

    private final ModelConfig config;
    private final VisionTransformer visual;
    private final TextTransformer text;
    private final Parameter logitScale;
    private final PatientCrossAttention patientAttention;

    public ClipModel(ModelConfig config) {
        if (config.kind() != ModelKind.CLIP) {
            throw new IllegalArgumentException("ClipModel needs a clip config, got " + config.kind().configName());
        }
        this.config = config;
        this.visual = child("visual", new VisionTransformer(config.vision(), InitScheme.OPENCLIP));
        this.text = child("text", new TextTransformer(config.text()));
        this.logitScale = parameter("logit_scale", Parameter.Type.OTHER, new Shape(),
                new ConstantInitializer(config.initLogitScale()));
        this.patientAttention = config.isEndoClip()
                ? child(PATIENT_ATTENTION, new PatientCrossAttention(config.vision().embedDim(), config.patientAttentionHeads()))
                : null;
    }

    /** Endo-CLIP's patient-level cross-attention; absent (empty) for plain CLIP. */
    public java.util.Optional<PatientCrossAttention> patientAttention() {
        return java.util.Optional.ofNullable(patientAttention);
    }

    public ModelConfig config() {
        return config;
    }

    public VisionTransformer visual() {
        return visual;
    }

    public TextTransformer text() {
        return text;
    }

    public VisionOutput encodeImage(ParameterStore store, NDArray images, boolean training) {
        return visual.encode(store, images, training);
    }

    public TextOutput encodeText(ParameterStore store, NDArray tokens, boolean training) {
        return text.encode(store, tokens, training);
    }

    /** The raw (log-space) logit scale. */
    public NDArray logitScale(ParameterStore store, NDArray like, boolean training) {
        return value(store, logitScale, like, training);
    }

    /** L2-normalises rows, as {@code F.normalize(x, dim=-1)} (eps 1e-12). */
    public static NDArray normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).maximum(Scalars.of(x, 1e-12f)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray images = inputs.get(0);
        NDArray image = normalize(encodeImage(store, images, training).embedding());
        NDArray txt = normalize(encodeText(store, inputs.get(1), training).embedding());
        NDArray scale = logitScale(store, images, training).exp();
        image.setName("image_features");
        txt.setName("text_features");
        scale.setName("logit_scale_exp");
        return new NDList(image, txt, scale);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long embed = config.vision().embedDim();
        return new Shape[] {new Shape(inputShapes[0].get(0), embed), new Shape(inputShapes[1].get(0), embed), new Shape()};
    }
}
