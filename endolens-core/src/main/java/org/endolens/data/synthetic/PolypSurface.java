package org.endolens.data.synthetic;

import java.util.SplittableRandom;

/**
 * The height field, colour weight and outline of one placed polyp: a dome for 0-Is, a dome on a tapered stalk for
 * 0-Ip, a low plateau for 0-IIa, each with an irregular (lobulated) outline and a bumpy pit-pattern surface.
 */
final class PolypSurface {
    private static final double STALK_LENGTH = 1.8;
    private static final double STALK_HALF_WIDTH_HEAD = 0.35;
    private static final double STALK_HALF_WIDTH_BASE = 0.5;
    private static final double STALK_RELATIVE_HEIGHT = 0.6;
    private static final double STALK_TAPER = 0.8;
    private static final double STALK_COLOUR = 0.7;
    private static final double STALK_COLOUR_FADE = 0.6;
    private static final double COLOUR_EDGE = 0.75;
    private static final double LOBE_FREQUENCY = 2.5;
    private static final double PIT_CELLS_PER_RADIUS = 12;
    private static final int HARMONICS = 3;
    private static final double FLAT_PIT_SCALE = 0.4;
    private static final double MIN_ASPECT = 0.75;
    private static final double FLAT_IRREGULARITY = 0.12;
    private static final double DOME_IRREGULARITY = 0.06;
    private static final double MAX_LOBE_DEPTH = 0.12;
    private static final double MIN_LOBE_DEPTH = 0.03;
    private static final double MIN_PIT_DEPTH = 0.01;
    private static final double MAX_PIT_DEPTH = 0.025;
    /** Exponents of the head's profile {@code (1 - rho^2)^p}: above 1 a broad-based dome, below 1 a round head. */
    private static final double SESSILE_PROFILE = 1.3;
    private static final double HEAD_PROFILE = 0.65;
    /** A flat lesion's plateau starts this far out (relative radius) and slopes down to its outline. */
    private static final double PLATEAU_EDGE = 0.5;
    private static final double TINT_JITTER = 0.04;

    private final PolypPlacement placement;
    private final double cos;
    private final double sin;
    private final double aspect;
    private final double[] wobbleAmplitude = new double[HARMONICS];
    private final double[] wobbleCos = new double[HARMONICS];
    private final double[] wobbleSin = new double[HARMONICS];
    private final double widestOutline;
    private final boolean hasStalk;
    private final double peakHeight;
    private final double lobeDepth;
    private final double pitDepth;
    private final ValueNoise surface;
    private final double[] tint;

    PolypSurface(PolypPlacement placement) {
        this.placement = placement;
        SplittableRandom random = new SplittableRandom(placement.seed());
        cos = Math.cos(placement.rotation());
        sin = Math.sin(placement.rotation());
        PolypShape shape = placement.shape();
        aspect = Choices.between(random, MIN_ASPECT, 1.0);
        double irregularity = shape == PolypShape.FLAT_ELEVATED ? FLAT_IRREGULARITY : DOME_IRREGULARITY;
        double widest = 1;
        for (int k = 0; k < HARMONICS; k++) {
            wobbleAmplitude[k] = irregularity * random.nextDouble() / (k + 1);
            double phase = 2 * Math.PI * random.nextDouble();
            wobbleCos[k] = Math.cos(phase);
            wobbleSin[k] = Math.sin(phase);
            widest += wobbleAmplitude[k];
        }
        widestOutline = widest;
        hasStalk = shape == PolypShape.PEDUNCULATED;
        // Relative to the head's radius: domes about half as high as wide, pedunculated heads round, flat lesions low.
        peakHeight = placement.radius() * switch (shape) {
            case SESSILE -> Choices.between(random, 0.55, 0.8);
            case PEDUNCULATED -> Choices.between(random, 0.8, 1.0);
            case FLAT_ELEVATED -> Choices.between(random, 0.06, 0.1);
        };
        lobeDepth = Choices.between(random, MIN_LOBE_DEPTH, MAX_LOBE_DEPTH);
        pitDepth = placement.radius() * Choices.between(random, MIN_PIT_DEPTH, MAX_PIT_DEPTH)
                * (shape == PolypShape.FLAT_ELEVATED ? FLAT_PIT_SCALE : 1);
        surface = new ValueNoise(random.nextLong());
        tint = tint(placement.histology(), random);
    }

    /** Albedo multipliers (r, g, b) of the polyp relative to the surrounding mucosa. */
    double[] tint() {
        return tint.clone();
    }

    /**
     * Adds the polyp's height at world point {@code (wx, wy)} to {@code height[i]}, its colour weight (1 well inside,
     * fading to 0 at the outline) to {@code cover[i]}, and marks {@code mask[i]} when the point is inside the outline.
     */
    void paint(int i, double wx, double wy, float[] height, float[] cover, byte[] mask) {
        double r = placement.radius();
        double dx = wx - placement.centreX();
        double dy = wy - placement.centreY();
        double along = (dx * cos + dy * sin) / r;
        double across = (-dx * sin + dy * cos) / r;
        double squeezed = across / aspect;
        boolean nearHead = along * along + squeezed * squeezed < widestOutline * widestOutline;
        boolean nearStalk = hasStalk && along > 0 && along < STALK_LENGTH + STALK_HALF_WIDTH_BASE
                && Math.abs(across) < STALK_HALF_WIDTH_BASE;
        if (!nearHead && !nearStalk) {
            return;
        }
        double rho = Math.sqrt(along * along + squeezed * squeezed) / outline(along, across);
        double h = 0;
        double weight = 0;
        boolean inside = false;
        if (nearHead && rho < 1) {
            inside = true;
            double profile = switch (placement.shape()) {
                case SESSILE -> Math.pow(1 - rho * rho, SESSILE_PROFILE);
                case PEDUNCULATED -> Math.pow(1 - rho * rho, HEAD_PROFILE);
                case FLAT_ELEVATED -> ValueNoise.smoothstep(1, PLATEAU_EDGE, rho);
            };
            double lobes = 1 + lobeDepth * (surface.fractal(along * LOBE_FREQUENCY, across * LOBE_FREQUENCY, 2) - 0.5);
            h = peakHeight * profile * lobes;
            weight = ValueNoise.smoothstep(1, COLOUR_EDGE, rho);
        }
        if (nearStalk) {
            double t = Math.min(along, STALK_LENGTH) / STALK_LENGTH;
            double halfWidth = STALK_HALF_WIDTH_HEAD + (STALK_HALF_WIDTH_BASE - STALK_HALF_WIDTH_HEAD) * t;
            double beyond = Math.max(0, along - STALK_LENGTH);
            double q = Math.sqrt(beyond * beyond + across * across) / halfWidth;
            if (q < 1) {
                inside = true;
                double stalk = peakHeight * STALK_RELATIVE_HEIGHT * (1 - STALK_TAPER * t) * Math.sqrt(1 - q * q);
                h = Math.max(h, stalk);
                double stalkColour = STALK_COLOUR * ValueNoise.smoothstep(1, COLOUR_EDGE, q)
                        * (1 - STALK_COLOUR_FADE * t);
                weight = Math.max(weight, stalkColour);
            }
        }
        if (inside) {
            h += pitDepth * weight * surface.at(along * PIT_CELLS_PER_RADIUS, across * PIT_CELLS_PER_RADIUS);
            height[i] += (float) h;
            cover[i] = (float) Math.max(cover[i], weight);
            mask[i] = (byte) 255;
        }
    }

    /**
     * The outline radius in the direction of {@code (along, across)}: 1 plus a few angular harmonics, with the
     * harmonics' sines built by complex multiplication instead of trigonometric calls.
     */
    private double outline(double along, double across) {
        double length = Math.sqrt(along * along + across * across);
        double c = length > 0 ? along / length : 1;
        double s = length > 0 ? across / length : 0;
        double cosN = c;
        double sinN = s;
        double outline = 1;
        for (int k = 0; k < HARMONICS; k++) {
            double next = cosN * c - sinN * s;
            sinN = sinN * c + cosN * s;
            cosN = next;
            outline += wobbleAmplitude[k] * (sinN * wobbleCos[k] + cosN * wobbleSin[k]);
        }
        return outline;
    }

    /** Adenomas redder and darker as they advance, hyperplastic and serrated lesions paler (SSLs yellowish). */
    private static double[] tint(PolypPathology histology, SplittableRandom random) {
        double[] base = switch (histology) {
            case HYPERPLASTIC_POLYP -> new double[] {1.05, 1.06, 1.03};
            case SESSILE_SERRATED_LESION -> new double[] {1.04, 1.0, 0.9};
            case TUBULAR_ADENOMA -> new double[] {1.03, 0.84, 0.88};
            case TUBULOVILLOUS_ADENOMA -> new double[] {0.98, 0.76, 0.82};
            case ADENOCARCINOMA -> new double[] {0.9, 0.66, 0.72};
        };
        for (int c = 0; c < base.length; c++) {
            base[c] *= Choices.between(random, 1 - TINT_JITTER, 1 + TINT_JITTER);
        }
        return base;
    }
}
