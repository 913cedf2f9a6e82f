package org.endolens.data.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plans the frames of one exam: several views of each polyp entry (the same lesion and surroundings under small
 * camera shifts, zooms and rotations), normal mucosa elsewhere, and background frames whose artefact kinds take
 * turns, all ordered by their time in the withdrawal (cecum first, polyps at their segment).
 */
final class ExamFramePlanner {
    private static final String POLYP_LABEL = "polyp";
    private static final String NORMAL_LABEL = "normal";

    private static final int MIN_VIEWS = 2;
    private static final int MAX_VIEWS = 4;
    private static final double WITHDRAWAL_MIN_S = 420;
    private static final double WITHDRAWAL_MAX_S = 780;
    private static final double VIEW_GAP_MIN_S = 0.4;
    private static final double VIEW_GAP_MAX_S = 1.5;
    private static final double SEGMENT_JITTER = 0.04;
    /** Head diameter as a fraction of the image width at zoom 1: from 9 % at 2 mm to 42 % at 30 mm. */
    private static final double MIN_DIAMETER = 0.09;
    private static final double DIAMETER_RANGE = 0.33;
    private static final double SMALLEST_MM = 2;
    private static final double LARGEST_MM = 30;
    /** How far a polyp extends from its centre, in head radii (a pedunculated polyp's stalk reaches farther). */
    private static final double STALK_REACH = 2.2;
    private static final double DOME_REACH = 1.15;
    /** A polyp's reach plus its offset from the view centre stays below this (world units), so it is in view. */
    private static final double IN_VIEW_LIMIT = 0.325;
    /** Viewpoint changes between views of one polyp: shift (world units), zoom, and rotation (radians, 20 degrees). */
    private static final double SHIFT = 0.04;
    private static final double ZOOM_MIN = 0.85;
    private static final double ZOOM_MAX = 1.18;
    private static final double TILT = 0.35;
    private static final double MIN_OFFSET = 0.02;
    /** The scope's light comes from its upper left: x and y of the light direction, z = 1 toward the wall. */
    private static final double LIGHT_X_MIN = -0.45;
    private static final double LIGHT_X_MAX = -0.2;
    private static final double LIGHT_Y_MIN = -0.5;
    private static final double LIGHT_Y_MAX = -0.25;
    /** Lumen radius, and its distance beyond a polyp's reach, in world units (the image is about 1 wide). */
    private static final double LUMEN_RADIUS_MIN = 0.05;
    private static final double LUMEN_RADIUS_MAX = 0.14;
    private static final double LUMEN_GAP_MIN = 0.15;
    private static final double LUMEN_GAP_MAX = 0.45;
    /** How far from the view centre the lumen of a wall view lies, world units. */
    private static final double LUMEN_OFF_CENTRE_MAX = 0.45;
    private static final double WALL_ZOOM_MIN = 0.9;
    private static final double WALL_ZOOM_MAX = 1.1;

    private final SyntheticConfig config;

    ExamFramePlanner(SyntheticConfig config) {
        this.config = config;
    }

    /**
     * Frame ids are {@code <examId>-f<nnn>} in time order, with {@code -p<k>} before {@code -f} on frames showing
     * polyp entry k.
     */
    List<PlannedFrame> plan(String examId, ExamFindings findings, SplittableRandom random) {
        MucosaLook look = MucosaLook.sample(random);
        double lightX = Choices.between(random, LIGHT_X_MIN, LIGHT_X_MAX);
        double lightY = Choices.between(random, LIGHT_Y_MIN, LIGHT_Y_MAX);
        double withdrawal = Choices.between(random, WITHDRAWAL_MIN_S, WITHDRAWAL_MAX_S);
        int frames = config.framesPerExam();
        int entries = findings.polyps().size();
        int background = (int) Math.min(Math.round(frames * config.backgroundFraction()), frames - entries - 1);
        int[] views = viewsPerEntry(random, entries, frames - background - 1);

        List<Draft> drafts = new ArrayList<>();
        for (int k = 0; k < entries; k++) {
            PolypFinding polyp = findings.polyps().get(k);
            double position = polyp.location().withdrawalFraction()
                    + Choices.between(random, -SEGMENT_JITTER, SEGMENT_JITTER);
            List<FrameScene> scenes = polypViews(polyp, views[k], look, lightX, lightY, random);
            for (FrameScene scene : scenes) {
                drafts.add(new Draft(ValueNoise.clamp01(position), POLYP_LABEL, k + 1, scene));
                position += Choices.between(random, VIEW_GAP_MIN_S, VIEW_GAP_MAX_S) / withdrawal;
            }
        }
        int normal = frames - background - drafts.size();
        for (int j = 0; j < normal; j++) {
            drafts.add(new Draft(random.nextDouble(), NORMAL_LABEL, 0, wallView(look, lightX, lightY, null, random)));
        }
        FrameArtefact[] kinds = FrameArtefact.values();
        int firstKind = random.nextInt(kinds.length);
        for (int j = 0; j < background; j++) {
            FrameArtefact kind = kinds[(firstKind + j) % kinds.length];
            drafts.add(new Draft(random.nextDouble(), kind.label(), 0, wallView(look, lightX, lightY, kind, random)));
        }
        drafts.sort(Comparator.comparingDouble(Draft::position));

        List<PlannedFrame> planned = new ArrayList<>();
        for (int j = 0; j < drafts.size(); j++) {
            Draft d = drafts.get(j);
            String polyp = d.polypEntry() > 0 ? "-p" + d.polypEntry() : "";
            String id = examId + polyp + String.format(Locale.ROOT, "-f%03d", j);
            double time = Math.round(d.position() * withdrawal * 10) / 10.0;
            planned.add(new PlannedFrame(id, time, d.label(), d.scene()));
        }
        return planned;
    }

    /** Head radius in world units: grows with the logarithm of the size in mm, 2 mm to 30 mm. */
    private static double polypRadius(int sizeMm) {
        double t = Math.log(sizeMm / SMALLEST_MM) / Math.log(LARGEST_MM / SMALLEST_MM);
        return (MIN_DIAMETER + DIAMETER_RANGE * ValueNoise.clamp01(t)) / 2;
    }

    /** Views per polyp entry, 2-4 each, trimmed (largest first, never below 1) to fit {@code budget} frames. */
    private static int[] viewsPerEntry(SplittableRandom random, int entries, int budget) {
        int[] views = new int[entries];
        int total = 0;
        for (int k = 0; k < entries; k++) {
            views[k] = MIN_VIEWS + random.nextInt(MAX_VIEWS - MIN_VIEWS + 1);
            total += views[k];
        }
        while (total > budget) {
            int largest = 0;
            for (int k = 1; k < entries; k++) {
                largest = views[k] > views[largest] ? k : largest;
            }
            views[largest]--;
            total--;
        }
        return views;
    }

    private static List<FrameScene> polypViews(PolypFinding polyp, int count, MucosaLook look, double lightX,
            double lightY, SplittableRandom random) {
        double radius = polypRadius(polyp.sizeMm());
        double rotation = 2 * Math.PI * random.nextDouble();
        PolypPlacement placement = new PolypPlacement(polyp.shape(), polyp.histology(), 0, 0, radius, rotation,
                random.nextLong());
        double reach = radius * (polyp.shape() == PolypShape.PEDUNCULATED ? STALK_REACH : DOME_REACH);
        double lumenAngle = 2 * Math.PI * random.nextDouble();
        double lumenDistance = reach + Choices.between(random, LUMEN_GAP_MIN, LUMEN_GAP_MAX);
        double lumenRadius = Choices.between(random, LUMEN_RADIUS_MIN, LUMEN_RADIUS_MAX);
        double offset = Math.max(MIN_OFFSET, IN_VIEW_LIMIT - reach) * random.nextDouble();
        double offsetAngle = 2 * Math.PI * random.nextDouble();
        double centreX = -offset * Math.cos(offsetAngle);
        double centreY = -offset * Math.sin(offsetAngle);
        double baseRotation = 2 * Math.PI * random.nextDouble();
        long worldSeed = random.nextLong();
        List<FrameScene> scenes = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            CameraPose pose = new CameraPose(centreX + Choices.between(random, -SHIFT, SHIFT),
                    centreY + Choices.between(random, -SHIFT, SHIFT), Choices.between(random, ZOOM_MIN, ZOOM_MAX),
                    baseRotation + Choices.between(random, -TILT, TILT));
            scenes.add(new FrameScene(look, worldSeed, lumenDistance * Math.cos(lumenAngle),
                    lumenDistance * Math.sin(lumenAngle), lumenRadius, pose, lightX, lightY, placement, null,
                    random.nextLong()));
        }
        return scenes;
    }

    /** A view of polyp-free wall at a random place, clean or with an artefact. */
    private static FrameScene wallView(MucosaLook look, double lightX, double lightY, FrameArtefact artefact,
            SplittableRandom random) {
        double lumenAngle = 2 * Math.PI * random.nextDouble();
        double lumenDistance = Choices.between(random, 0, LUMEN_OFF_CENTRE_MAX);
        CameraPose pose = new CameraPose(0, 0, Choices.between(random, WALL_ZOOM_MIN, WALL_ZOOM_MAX),
                2 * Math.PI * random.nextDouble());
        return new FrameScene(look, random.nextLong(), lumenDistance * Math.cos(lumenAngle),
                lumenDistance * Math.sin(lumenAngle), Choices.between(random, LUMEN_RADIUS_MIN, LUMEN_RADIUS_MAX), pose,
                lightX, lightY, null, artefact, random.nextLong());
    }

    private record Draft(double position, String label, int polypEntry, FrameScene scene) {}
}
