package org.endolens.data.synthetic;

/**
 * A polyp placed in a frame's world: its shape and histology (which tints it), centre, head radius and the
 * direction of its long axis (the stalk of a pedunculated polyp), in world units where the image is about 1 wide.
 * {@code seed} fixes its outline and surface so every view of the polyp shows the same lesion.
 */
record PolypPlacement(PolypShape shape, PolypPathology histology, double centreX, double centreY, double radius,
        double rotation, long seed) {
    PolypPlacement {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("polyp radius must be positive, got " + radius);
        }
    }
}
