package org.endolens.data.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Renders colonoscopy-like frames with per-pixel float math: mottled, vessel-lined mucosa folded around a dark
 * lumen, lit by the endoscope's own light (diffuse shading of the surface relief, wet specular spots), an optional
 * polyp with its mask and an optional artefact, seen through the scope's {@link FieldOfView}.
 */
final class SyntheticFrameRenderer {
    private static final int MIN_SIZE = 16;
    private static final double LUMEN_DARKNESS_FLOOR = 0.04;
    private static final double LUMEN_FALLOFF_START = 0.6;
    private static final double LUMEN_FALLOFF_END = 3.5;
    private static final double LUMEN_OFFSET = 0.02;
    private static final double FOLD_WARP = 1.2;
    private static final double FOLD_WARP_FREQUENCY = 3;
    private static final double MOTTLE_FREQUENCY = 5;
    private static final double MOTTLE_SHIFT = 91.7;
    private static final double MOTTLE_CONTRAST = 0.22;
    private static final double GRAIN_FREQUENCY = 45;
    private static final double GRAIN_CONTRAST = 0.12;
    private static final double VESSEL_FREQUENCY = 4;
    private static final double VESSEL_SHARPNESS = 1 / 0.04;
    private static final double CAPILLARY_FREQUENCY = 11;
    private static final double CAPILLARY_SHARPNESS = 1 / 0.025;
    private static final double CAPILLARY_STRENGTH = 0.4;
    /** Weight of the capillary noise added to the vessel noise, which makes vessels wiggle and branch. */
    private static final double BRANCH_DETAIL = 0.5;
    private static final double BRANCH_NORM = 1 / (1 + BRANCH_DETAIL);
    private static final double VESSEL_FADE_LOW = 0.35;
    private static final double VESSEL_FADE_SCALE = 1 / (0.6 - VESSEL_FADE_LOW);
    private static final double[] VESSEL_DARKENING = {0.2, 0.45, 0.3};
    private static final double BUMP_HEIGHT = 0.0012;
    private static final double WET_LOW = 0.62;
    private static final double WET_SCALE = 1 / (0.8 - WET_LOW);
    private static final double POLYP_WETNESS = 0.6;
    private static final double AMBIENT = 0.25;
    /** Blinn exponent 2^7 = 128, computed by squaring. */
    private static final int SHININESS_SQUARINGS = 7;
    private static final double SPECULAR = 1.0;
    private static final double SENSOR_NOISE = 0.008;
    /** Sensor noise takes 16 bits of one hash per channel. */
    private static final int NOISE_BITS = 16;
    private static final int NOISE_MASK = (1 << NOISE_BITS) - 1;
    private static final double NOISE_SCALE = 2.0 / NOISE_MASK;

    private final int size;
    private final FieldOfView view;

    SyntheticFrameRenderer(int size) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("image size must be at least " + MIN_SIZE + " pixels, got " + size);
        }
        this.size = size;
        view = new FieldOfView(size);
    }

    RenderedFrame render(FrameScene scene) {
        int n = size * size;
        Surface surface = new Surface(n, scene.polyp() != null);
        // Artefacts blur across the field-of-view border, so their frames are rendered to the image edge.
        boolean wholeRows = scene.artefact() != null;
        paintSurface(scene, surface, wholeRows);
        shade(scene, surface, wholeRows);
        if (scene.artefact() != null) {
            FrameArtefacts.apply(scene.artefact(), surface.rgb, size, scene.frameSeed());
        }
        return finish(scene, surface.rgb, surface.mask, wholeRows);
    }

    /** World relief (folds, bumps, polyp) and mucosa and polyp albedo, pixel by pixel. */
    private void paintSurface(FrameScene scene, Surface s, boolean wholeRows) {
        MucosaLook look = scene.look();
        ValueNoise texture = new ValueNoise(scene.worldSeed());
        ValueNoise vessels = new ValueNoise(scene.worldSeed() + 1);
        ValueNoise relief = new ValueNoise(scene.worldSeed() + 2);
        PolypSurface polyp = scene.polyp() == null ? null : new PolypSurface(scene.polyp());
        double[] tint = polyp == null ? new double[] {1, 1, 1} : polyp.tint();
        double[] base = {look.red(), look.green(), look.blue()};
        CameraPose.PixelMap map = scene.pose().pixels(size);
        CoarseField lumenDistance = new CoarseField(size, (x, y) ->
                distance(map.worldX(x, y) - scene.lumenX(), map.worldY(x, y) - scene.lumenY()));
        CoarseField foldPhase = new CoarseField(size, (x, y) -> {
            double wx = map.worldX(x, y);
            double wy = map.worldY(x, y);
            double lumen = distance(wx - scene.lumenX(), wy - scene.lumenY());
            return Math.log(lumen + LUMEN_OFFSET) * look.foldFrequency()
                    + FOLD_WARP * (relief.at(wx * FOLD_WARP_FREQUENCY, wy * FOLD_WARP_FREQUENCY) - 0.5);
        });
        CoarseField mottling = new CoarseField(size, (x, y) -> texture.at(
                map.worldX(x, y) * MOTTLE_FREQUENCY + MOTTLE_SHIFT, map.worldY(x, y) * MOTTLE_FREQUENCY));
        for (int y = 0; y < size; y++) {
            int end = wholeRows ? size : view.rowEnd(y);
            for (int x = wholeRows ? 0 : view.rowStart(y); x < end; x++) {
                int i = y * size + x;
                double wx = map.worldX(x, y);
                double wy = map.worldY(x, y);
                double lumen = lumenDistance.at(x, y);
                s.lumenDistance[i] = (float) lumen;
                double mottle = mottling.at(x, y);
                double grain = texture.at(wx * GRAIN_FREQUENCY, wy * GRAIN_FREQUENCY);
                double capillaries = vessels.at(wx * CAPILLARY_FREQUENCY, wy * CAPILLARY_FREQUENCY);
                double folds = look.foldDepth() * lumen * foldProfile(foldPhase.at(x, y));
                s.height[i] = (float) (folds + BUMP_HEIGHT * grain);
                if (polyp != null) {
                    polyp.paint(i, wx, wy, s.height, s.cover, s.mask);
                }
                double wetMucosa = ValueNoise.ramp((capillaries - WET_LOW) * WET_SCALE);
                s.wet[i] = (float) Math.max(POLYP_WETNESS * s.cover[i], wetMucosa);
                double shade = 1 + MOTTLE_CONTRAST * (mottle - 0.5) + GRAIN_CONTRAST * (grain - 0.5);
                double branches = BRANCH_NORM
                        * (vessels.at(wx * VESSEL_FREQUENCY, wy * VESSEL_FREQUENCY) + BRANCH_DETAIL * capillaries);
                double vessel = Math.max(line(branches, VESSEL_SHARPNESS),
                        CAPILLARY_STRENGTH * line(capillaries, CAPILLARY_SHARPNESS));
                double fade = ValueNoise.ramp((mottle - VESSEL_FADE_LOW) * VESSEL_FADE_SCALE);
                vessel *= look.vesselContrast() * (1 - s.cover[i]) * fade;
                for (int c = 0; c < 3; c++) {
                    double albedo = base[c] * shade * (1 - VESSEL_DARKENING[c] * vessel);
                    s.rgb[c][i] = (float) (albedo * (1 + (tint[c] - 1) * s.cover[i]));
                }
            }
        }
    }

    /** Lights the albedo: diffuse shading of the relief, wet specular spots, darkness toward the lumen, vignette. */
    private void shade(FrameScene scene, Surface s, boolean wholeRows) {
        double lightNorm = Math.sqrt(scene.lightX() * scene.lightX() + scene.lightY() * scene.lightY() + 1);
        double lx = scene.lightX() / lightNorm;
        double ly = scene.lightY() / lightNorm;
        double lz = 1 / lightNorm;
        double halfNorm = Math.sqrt(lx * lx + ly * ly + (lz + 1) * (lz + 1));
        double hx = lx / halfNorm;
        double hy = ly / halfNorm;
        double hz = (lz + 1) / halfNorm;
        double toSlope = size / (2 * scene.pose().scale());
        double lumenNear = LUMEN_FALLOFF_START * scene.lumenRadius();
        double lumenScale = 1 / ((LUMEN_FALLOFF_END - LUMEN_FALLOFF_START) * scene.lumenRadius());
        // Diffuse light is normalised so that flat mucosa facing the scope gets (1 - AMBIENT) + AMBIENT = 1.
        double diffuseX = (1 - AMBIENT) * lx / lz;
        double diffuseY = (1 - AMBIENT) * ly / lz;
        double diffuseZ = 1 - AMBIENT;
        float[] h = s.height;
        for (int y = 0; y < size; y++) {
            int end = wholeRows ? size : view.rowEnd(y);
            for (int x = wholeRows ? 0 : view.rowStart(y); x < end; x++) {
                int i = y * size + x;
                double gx = (h[y * size + Math.min(x + 1, size - 1)] - h[y * size + Math.max(x - 1, 0)]) * toSlope;
                double gy = (h[Math.min(y + 1, size - 1) * size + x] - h[Math.max(y - 1, 0) * size + x]) * toSlope;
                double inverseNorm = 1 / Math.sqrt(gx * gx + gy * gy + 1);
                double diffuse = AMBIENT + Math.max(0, (-gx * diffuseX - gy * diffuseY + diffuseZ) * inverseNorm);
                double specular = Math.max(0, (-gx * hx - gy * hy + hz) * inverseNorm);
                for (int k = 0; k < SHININESS_SQUARINGS; k++) {
                    specular *= specular;
                }
                specular *= SPECULAR * s.wet[i];
                double depth = LUMEN_DARKNESS_FLOOR + (1 - LUMEN_DARKNESS_FLOOR)
                        * ValueNoise.ramp((s.lumenDistance[i] - lumenNear) * lumenScale);
                double light = depth * view.vignette(i);
                double shaded = diffuse * light;
                double glint = specular * light;
                s.red[i] = (float) (s.red[i] * shaded + glint);
                s.green[i] = (float) (s.green[i] * shaded + glint);
                s.blue[i] = (float) (s.blue[i] * shaded + glint);
            }
        }
    }

    /** Field-of-view mask, sensor noise and 8-bit packing; the polyp mask is clipped to the field of view. */
    private RenderedFrame finish(FrameScene scene, float[][] rgb, byte[] polypMask, boolean wholeRows) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < size; y++) {
            int end = wholeRows ? size : view.rowEnd(y);
            for (int x = wholeRows ? 0 : view.rowStart(y); x < end; x++) {
                int i = y * size + x;
                double field = view.coverage(i);
                if (polypMask != null && field < 0.5) {
                    polypMask[i] = 0;
                }
                int packed = 0;
                long noiseBits = ValueNoise.bits(scene.frameSeed(), x, y);
                for (int c = 0; c < 3; c++) {
                    double noise = SENSOR_NOISE * (((noiseBits >>> (NOISE_BITS * c)) & NOISE_MASK) * NOISE_SCALE - 1);
                    double value = ValueNoise.clamp01(rgb[c][i] + noise) * field;
                    packed = (packed << 8) | (int) (value * 255 + 0.5);
                }
                pixels[i] = packed;
            }
        }
        return polypMask == null ? new RenderedFrame(image, null, null) : RenderedFrame.withMask(image, polypMask);
    }

    /** Euclidean length without {@code Math.hypot}'s overflow care, which is slow and not needed here. */
    private static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Height profile across the folds: 1 on each crest (half-integer phase), a narrow smooth bump, 0 between. */
    private static double foldProfile(double phase) {
        double t = phase - Math.floor(phase);
        double bump = 4 * t * (1 - t);
        bump *= bump;
        bump *= bump;
        return bump * bump;
    }

    /** 1 on the iso-line {@code noise = 0.5}, 0 from {@code 1 / sharpness} away: a thin, branching vessel. */
    private static double line(double noise, double sharpness) {
        return 1 - ValueNoise.ramp(Math.abs(noise - 0.5) * sharpness);
    }

    /** Per-pixel working buffers of one render. */
    private static final class Surface {
        final float[] red;
        final float[] green;
        final float[] blue;
        final float[][] rgb;
        final float[] height;
        final float[] cover;
        final float[] wet;
        final float[] lumenDistance;
        final byte[] mask;

        Surface(int pixels, boolean hasPolyp) {
            red = new float[pixels];
            green = new float[pixels];
            blue = new float[pixels];
            rgb = new float[][] {red, green, blue};
            height = new float[pixels];
            cover = new float[pixels];
            wet = new float[pixels];
            lumenDistance = new float[pixels];
            mask = hasPolyp ? new byte[pixels] : null;
        }
    }
}
