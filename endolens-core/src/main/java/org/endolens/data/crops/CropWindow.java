package org.endolens.data.crops;

/** A square window {@code side} pixels wide with its top-left corner at ({@code x}, {@code y}). */
public record CropWindow(int x, int y, int side) {
    public CropWindow {
        if (side <= 0 || x < 0 || y < 0) {
            throw new IllegalArgumentException("bad crop window " + x + "," + y + " side " + side);
        }
    }
}
