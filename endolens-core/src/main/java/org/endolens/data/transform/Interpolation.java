package org.endolens.data.transform;

/**
 * Resampling filters with the kernels and supports of PyTorch's antialiased resize ({@code antialias=True}, the
 * torchvision default, which reproduces PIL): on downscaling the kernel is stretched by the scale factor, so every
 * source pixel contributes. Masks are always resampled with {@link #NEAREST}.
 */
public enum Interpolation {
    /** The source pixel whose centre is nearest (PIL's NEAREST, torchvision's NEAREST_EXACT). */
    NEAREST(0),
    /** Triangle filter, support 1. */
    BILINEAR(1),
    /** Keys cubic with a = -0.5 (PIL's and PyTorch's antialiased bicubic), support 2; results clamped to [0, 1]. */
    BICUBIC(2);

    private static final double CUBIC_A = -0.5;

    private final double support;

    Interpolation(double support) {
        this.support = support;
    }

    /** Half-width of the kernel in source pixels at scale 1. */
    double support() {
        return support;
    }

    /** The kernel at distance {@code x} (in source pixels at scale 1). */
    double weight(double x) {
        double d = Math.abs(x);
        return switch (this) {
            case NEAREST -> throw new IllegalStateException("nearest resampling looks pixels up; it has no kernel");
            case BILINEAR -> d < 1 ? 1 - d : 0;
            case BICUBIC -> d < 1 ? ((CUBIC_A + 2) * d - (CUBIC_A + 3)) * d * d + 1
                    : d < 2 ? (((d - 5) * d + 8) * d - 4) * CUBIC_A : 0;
        };
    }
}
