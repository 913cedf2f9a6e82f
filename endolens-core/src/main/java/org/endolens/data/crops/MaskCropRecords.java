package org.endolens.data.crops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.image.Mask;
import org.endolens.data.image.MaskFiles;
import org.endolens.util.Json;

/**
 * Raw-record-like exams from a segmentation data set with sequences (CVC-ClinicDB: one sequence = one patient),
 * for pre-training and evaluating Endo-CLIP on real frames. Each masked frame gives a crop that contains its polyp
 * (label {@code polyp}, id {@code <exam>-p1-f<n>}) and, where the frame has room, a crop that contains none of it
 * (label {@code normal}, id {@code <exam>-n-f<n>}), both resized to {@code size} x {@code size} PNGs. A patient
 * gets exam {@code E1} with its polyp crops and half of its polyp-free crops, whose report is written from the
 * masks (number of polyps, relative size, position in the frame: {@link PolypFacts}), and exam {@code E2} with the
 * other polyp-free crops and the report "Findings: no polyps." The facts also go into the exam's attributes
 * ({@code relative_size}, {@code frame_position}), which the attune stage turns into prompts.
 */
public final class MaskCropRecords {
    public static final String RECORDS_FILE = "records.jsonl";
    public static final String IMAGES = "images";
    static final String NO_POLYPS_REPORT = "Report written from the segmentation masks. Findings: no polyps.";

    private final CropPlanner planner;
    private final int size;
    private final long seed;

    /**
     * @param side the side of the crops in source pixels (polyp crops grow to hold a larger polyp)
     * @param size the side of the written crops
     */
    public MaskCropRecords(int side, int size, long seed) {
        if (size < 8) {
            throw new IllegalArgumentException("crop size must be at least 8 pixels, got " + size);
        }
        this.planner = new CropPlanner(side);
        this.size = size;
        this.seed = seed;
    }

    /**
     * Crops every masked frame of {@code exams} (paths resolved against {@code root}) into {@code outDir/images}
     * and returns the new exams (paths relative to {@code outDir}); a frame whose image or mask cannot be read is
     * reported to {@code problems} and left out. {@code progress} receives the number of frames done.
     */
    public List<ExamRecord> build(List<ExamRecord> exams, Path root, Path outDir, Problems problems, IntConsumer progress) {
        Path images = outDir.resolve(IMAGES);
        try {
            Files.createDirectories(images);
        } catch (IOException e) {
            throw new EndoLensException(images + ": cannot create the crops folder (" + e.getMessage() + ")", e);
        }
        List<ExamRecord> out = new ArrayList<>();
        int done = 0;
        for (ExamRecord exam : exams) {
            SplittableRandom random = new SplittableRandom(seed ^ exam.patientId().hashCode());
            List<FrameRecord> withPolyp = new ArrayList<>();
            List<FrameRecord> without = new ArrayList<>();
            List<List<PolypFacts>> perFrame = new ArrayList<>();
            for (int n = 0; n < exam.frames().size(); n++) {
                FrameRecord frame = exam.frames().get(n);
                progress.accept(++done);
                if (frame.mask() == null) {
                    continue;
                }
                try {
                    crop(exam.patientId(), n, frame, root, images, random, withPolyp, without, perFrame);
                } catch (EndoLensException e) {
                    problems.report(root.resolve(frame.path()).toString(), e.getMessage());
                }
            }
            if (withPolyp.isEmpty()) {
                continue;
            }
            List<FrameRecord> first = new ArrayList<>(withPolyp);
            List<FrameRecord> second = new ArrayList<>();
            for (int i = 0; i < without.size(); i++) {
                (i % 2 == 0 ? first : second).add(without.get(i));
            }
            List<PolypFacts> facts = representative(perFrame);
            out.add(new ExamRecord(exam.patientId(), exam.patientId() + "-E1", exam.date(), first, List.of(),
                    report(facts), attributes(facts)));
            if (!second.isEmpty()) {
                out.add(new ExamRecord(exam.patientId(), exam.patientId() + "-E2", exam.date(), second, List.of(),
                        NO_POLYPS_REPORT, attributes(List.of())));
            }
        }
        return out;
    }

    private void crop(String patient, int n, FrameRecord frame, Path root, Path images, SplittableRandom random,
            List<FrameRecord> withPolyp, List<FrameRecord> without, List<List<PolypFacts>> perFrame) {
        Path imageFile = root.resolve(frame.path());
        BufferedImage image = ImageFiles.read(imageFile);
        Mask mask = MaskFiles.read(root.resolve(frame.mask()), image.getWidth(), image.getHeight());
        List<PolypFacts> facts = PolypFacts.of(mask);
        String suffix = String.format(Locale.ROOT, "-f%04d", n);
        if (!facts.isEmpty()) {
            perFrame.add(facts);
            PolypFacts largest = facts.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElseThrow();
            CropWindow window = planner.polyp(largest.box(), image.getWidth(), image.getHeight());
            withPolyp.add(write(image, window, patient + "-p1" + suffix, "polyp", frame.split(), images));
        }
        planner.background(image, mask, random)
                .ifPresent(w -> without.add(write(image, w, patient + "-n" + suffix, "normal", frame.split(), images)));
    }

    private FrameRecord write(BufferedImage image, CropWindow window, String id, String label, String split, Path images) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image.getSubimage(window.x(), window.y(), window.side(), window.side()), 0, 0, size, size, null);
        g.dispose();
        Path file = images.resolve(id + ".png");
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot write the crop (" + e.getMessage() + ")", e);
        }
        return new FrameRecord(id, IMAGES + "/" + id + ".png", null, label, null, List.of(), split);
    }

    /** The facts of the middle frame among those with the most common number of polyps. */
    static List<PolypFacts> representative(List<List<PolypFacts>> perFrame) {
        Map<Integer, Integer> counts = new HashMap<>();
        perFrame.forEach(f -> counts.merge(f.size(), 1, Integer::sum));
        int mode = counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
        List<List<PolypFacts>> typical = perFrame.stream().filter(f -> f.size() == mode).toList();
        return typical.get(typical.size() / 2);
    }

    static String report(List<PolypFacts> facts) {
        StringBuilder text = new StringBuilder("Report written from the segmentation masks. Findings: ")
                .append(facts.size()).append(facts.size() == 1 ? " polyp." : " polyps.");
        for (int i = 0; i < facts.size(); i++) {
            text.append(" Polyp ").append(i + 1).append(": ").append(facts.get(i).description()).append('.');
        }
        return text.toString();
    }

    static ObjectNode attributes(List<PolypFacts> facts) {
        ObjectNode attributes = Json.mapper().createObjectNode();
        attributes.put("polyp_count", facts.size());
        ArrayNode polyps = attributes.putArray("polyps");
        for (PolypFacts f : facts) {
            polyps.addObject().put("relative_size", f.relativeSize()).put("frame_position", f.position()).put("count", 1);
        }
        attributes.put("source", "segmentation masks");
        return attributes;
    }
}
