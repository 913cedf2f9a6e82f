package org.endolens.cleanse;

/**
 * The pixels of a scaled frame that lie inside the endoscope's field of view. The black border around it is what
 * is darker than {@link #FLOOR} in every channel and connected to the frame's edge, so a dark lumen in the middle
 * stays in view; the interior leaves out the {@link #EDGE_MARGIN} pixels next to the border, whose edge is the
 * scope's, not the scene's.
 */
final class ViewMask {
    /** About 15/255: black with JPEG noise. */
    static final float FLOOR = 0.06f;
    /** Interior pixels have their (2 EDGE_MARGIN + 1)² neighbourhood in view: enough for 3 x 3 filters, with room. */
    static final int EDGE_MARGIN = 2;

    private final int width;
    private final int height;
    private final boolean[] inView;
    private final int count;

    private ViewMask(int width, int height, boolean[] inView, int count) {
        this.width = width;
        this.height = height;
        this.inView = inView;
        this.count = count;
    }

    static ViewMask of(ScaledFrame f) {
        int w = f.width;
        int h = f.height;
        boolean[] border = new boolean[w * h];
        int[] queue = new int[w * h];
        int tail = 0;
        for (int x = 0; x < w; x++) {
            tail = enqueueIfBlack(f, x, border, queue, tail);
            tail = enqueueIfBlack(f, (h - 1) * w + x, border, queue, tail);
        }
        for (int y = 1; y < h - 1; y++) {
            tail = enqueueIfBlack(f, y * w, border, queue, tail);
            tail = enqueueIfBlack(f, y * w + w - 1, border, queue, tail);
        }
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            int x = p % w;
            if (x > 0) {
                tail = enqueueIfBlack(f, p - 1, border, queue, tail);
            }
            if (x < w - 1) {
                tail = enqueueIfBlack(f, p + 1, border, queue, tail);
            }
            if (p >= w) {
                tail = enqueueIfBlack(f, p - w, border, queue, tail);
            }
            if (p < (h - 1) * w) {
                tail = enqueueIfBlack(f, p + w, border, queue, tail);
            }
        }
        boolean[] inView = new boolean[w * h];
        for (int i = 0; i < inView.length; i++) {
            inView[i] = !border[i];
        }
        return new ViewMask(w, h, inView, inView.length - tail);
    }

    /** Whether each pixel (row-major) is in view. */
    boolean[] inView() {
        return inView;
    }

    /** Pixels in view. */
    int count() {
        return count;
    }

    /** Whether each pixel is in view with its whole (2 EDGE_MARGIN + 1)² neighbourhood. */
    boolean[] interior() {
        int window = 2 * EDGE_MARGIN + 1;
        boolean[] across = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            int run = 0;
            for (int x = 0; x < width; x++) {
                run = inView[y * width + x] ? run + 1 : 0;
                if (run >= window) {
                    across[y * width + x - EDGE_MARGIN] = true;
                }
            }
        }
        boolean[] interior = new boolean[width * height];
        for (int x = 0; x < width; x++) {
            int run = 0;
            for (int y = 0; y < height; y++) {
                run = across[y * width + x] ? run + 1 : 0;
                if (run >= window) {
                    interior[(y - EDGE_MARGIN) * width + x] = true;
                }
            }
        }
        return interior;
    }

    private static int enqueueIfBlack(ScaledFrame f, int p, boolean[] border, int[] queue, int tail) {
        if (border[p] || Math.max(f.red[p], Math.max(f.green[p], f.blue[p])) >= FLOOR) {
            return tail;
        }
        border[p] = true;
        queue[tail] = p;
        return tail + 1;
    }
}
