package org.endolens.data.crops;

import java.util.ArrayList;
import java.util.List;
import org.endolens.data.Box;
import org.endolens.data.image.Boxes;
import org.endolens.data.image.Mask;

/**
 * What a report can say about one polyp from its segmentation mask alone: its relative size (the area of its
 * bounding box as a fraction of the frame: small below 4 %, medium below 12 %, else large) and its position in the
 * frame (the box centre in a 3 x 3 grid: "upper left" ... "center" ... "lower right").
 */
public record PolypFacts(String relativeSize, String position, Box box) {
    public static final double SMALL_BELOW = 0.04;
    public static final double MEDIUM_BELOW = 0.12;

    /** One entry per mask component (in {@link Boxes#fromMask} order, noise components left out). */
    public static List<PolypFacts> of(Mask mask) {
        List<PolypFacts> facts = new ArrayList<>();
        for (Box box : Boxes.fromMask(mask, Boxes.MIN_AREA_FRACTION, "polyp")) {
            facts.add(of(box, mask.width(), mask.height()));
        }
        return facts;
    }

    static PolypFacts of(Box box, int width, int height) {
        double area = box.area() / ((double) width * height);
        String size = area < SMALL_BELOW ? "small" : area < MEDIUM_BELOW ? "medium" : "large";
        String row = third((box.ymin() + box.ymax()) / 2 / height, "upper", "center", "lower");
        String column = third((box.xmin() + box.xmax()) / 2 / width, "left", "center", "right");
        String position = row.equals("center") && column.equals("center") ? "center" : row + " " + column;
        return new PolypFacts(size, position, box);
    }

    private static String third(double fraction, String low, String middle, String high) {
        return fraction < 1.0 / 3 ? low : fraction < 2.0 / 3 ? middle : high;
    }

    /** "a small polyp in the upper left of the frame". */
    public String description() {
        return "a " + relativeSize + " polyp in the " + position + " of the frame";
    }
}
