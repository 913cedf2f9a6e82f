package org.endolens.data.synthetic;

/**
 * Where the endoscope looks: image point {@code (u, v)}, both in {@code [-0.5, 0.5]}, sees world point
 * {@code centre + scale * R(rotation) (u, v)}; a larger scale sees more (is farther away). Several views of one
 * polyp differ only in their pose.
 */
record CameraPose(double centreX, double centreY, double scale, double rotation) {
    CameraPose {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("camera scale must be positive, got " + scale);
        }
    }

    /** The world point seen by each pixel centre of a {@code size x size} image. */
    PixelMap pixels(int size) {
        double cos = scale * Math.cos(rotation) / size;
        double sin = scale * Math.sin(rotation) / size;
        double corner = 0.5 - 0.5 * size;
        return new PixelMap(centreX + corner * (cos - sin), centreY + corner * (sin + cos), cos, sin);
    }

    /** The affine map from pixel {@code (x, y)} to world coordinates: origin plus a scaled rotation. */
    record PixelMap(double originX, double originY, double cos, double sin) {
        double worldX(double x, double y) {
            return originX + cos * x - sin * y;
        }

        double worldY(double x, double y) {
            return originY + sin * x + cos * y;
        }
    }
}
