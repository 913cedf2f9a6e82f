package org.endolens.nn;

import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * How a transformer block's weights start (biases start at zero). Three published schemes:
 * <ul>
 *   <li>{@link #timm()}: timm's ViT, truncated normal std 0.02 everywhere;
 *   <li>{@link #pytorchDefaults(long, long)}: open_clip's image tower, which keeps PyTorch's defaults:
 *       {@code nn.MultiheadAttention}'s Xavier-uniform packed projection, and {@code nn.Linear}'s kaiming-uniform
 *       ({@code a = sqrt(5)}, i.e. U(±1/sqrt(fan_in))) for the output projection and the MLP;
 *   <li>{@link #openClipText(long, int)}: open_clip's {@code TextTransformer.init_parameters}: normal with std
 *       width^-0.5 (attention in), (2 width)^-0.5 (MLP in) and width^-0.5 (2 layers)^-0.5 (both outputs).
 * </ul>
 */
public record BlockInit(Initializer qkv, Initializer proj, Initializer fc1, Initializer fc2) {
    public static BlockInit timm() {
        Initializer normal = new TruncatedNormalInitializer(0.02f);
        return new BlockInit(normal, normal, normal, normal);
    }

    public static BlockInit pytorchDefaults(long width, long mlpDim) {
        return new BlockInit(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
                kaimingUniform(width), kaimingUniform(width), kaimingUniform(mlpDim));
    }

    public static BlockInit openClipText(long width, int layers) {
        float attn = (float) Math.pow(width, -0.5);
        float out = (float) (attn * Math.pow(2.0 * layers, -0.5));
        return new BlockInit(new NormalInitializer(attn), new NormalInitializer(out),
                new NormalInitializer((float) Math.pow(2.0 * width, -0.5)), new NormalInitializer(out));
    }

    /** PyTorch's default {@code nn.Linear}/{@code nn.Conv2d} weight init: U(±1/sqrt(fan_in)). */
    public static Initializer kaimingUniform(long fanIn) {
        return new UniformInitializer((float) (1.0 / Math.sqrt(fanIn)));
    }
}
