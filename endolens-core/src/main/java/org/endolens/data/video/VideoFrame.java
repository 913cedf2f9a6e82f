package org.endolens.data.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/**
 * One decoded frame: its index and presentation time in the video, and its pixels as packed 8-bit BGR (the layout
 * of {@link BufferedImage#TYPE_3BYTE_BGR}), converted on request to an image or to RGB planes for a model.
 */
public final class VideoFrame {
    private final int index;
    private final double seconds;
    private final int width;
    private final int height;
    private final byte[] bgr;

    private VideoFrame(int index, double seconds, int width, int height, byte[] bgr) {
        this.index = index;
        this.seconds = seconds;
        this.width = width;
        this.height = height;
        this.bgr = bgr;
    }

    /** Copies packed BGR rows of {@code stride} bytes (rows may be padded) out of a decoder's reusable buffer. */
    static VideoFrame copyOf(ByteBuffer pixels, int stride, int width, int height, int index, double seconds) {
        int row = 3 * width;
        byte[] bgr = new byte[row * height];
        for (int y = 0; y < height; y++) {
            pixels.get(y * stride, bgr, y * row, row);
        }
        return new VideoFrame(index, seconds, width, height, bgr);
    }

    /** Position of this frame in the video, counted from 0 in presentation order. */
    public int index() {
        return index;
    }

    /** Presentation time in seconds from the start of the video. */
    public double seconds() {
        return seconds;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A new {@link BufferedImage#TYPE_3BYTE_BGR} image holding a copy of the pixels. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, target, 0, bgr.length);
        return image;
    }

    /** The pixels as three planes R, G, B of {@code height × width} bytes each (CHW order, values 0–255). */
    public byte[] toRgbPlanes() {
        int area = width * height;
        byte[] planes = new byte[3 * area];
        for (int p = 0, i = 0; p < area; p++, i += 3) {
            planes[p] = bgr[i + 2];
            planes[area + p] = bgr[i + 1];
            planes[2 * area + p] = bgr[i];
        }
        return planes;
    }

    /** The pixels as R, G, B planes of floats in [0, 1] (CHW order, as torchvision's {@code ToTensor}). */
    public float[] toRgbFloats() {
        int area = width * height;
        float[] planes = new float[3 * area];
        for (int p = 0, i = 0; p < area; p++, i += 3) {
            planes[p] = (bgr[i + 2] & 0xFF) / 255f;
            planes[area + p] = (bgr[i + 1] & 0xFF) / 255f;
            planes[2 * area + p] = (bgr[i] & 0xFF) / 255f;
        }
        return planes;
    }
}
