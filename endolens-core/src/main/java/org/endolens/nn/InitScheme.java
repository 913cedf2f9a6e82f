package org.endolens.nn;

/** Whose initialisation an image tower follows when it is trained from scratch. */
public enum InitScheme {
    /** timm's ViT: cls token N(0, 1e-6), positions and every weight truncated normal std 0.02. */
    TIMM,
    /**
     * open_clip's {@code VisionTransformer}: class and position embeddings N(0, width^-0.5) and PyTorch's default
     * layer inits ({@link BlockInit#pytorchDefaults}, patch projection U(±1/sqrt(fan_in))). Without it a tiny CLIP
     * starts with image features that are nearly identical for every frame (cosine 0.9999 on the demo data) and
     * contrastive pre-training collapses.
     */
    OPENCLIP
}
