package org.endolens.data.readers;

import org.endolens.EndoLensException;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.VideoRecord;
import org.endolens.data.image.Boxes;
import org.endolens.data.image.ImageFiles;
import org.endolens.data.image.ImageSize;
import org.endolens.data.image.Mask;
import org.endolens.data.image.MaskFiles;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The checks every reader runs on the exams it built (paths already absolute): unique frame ids, files present,
 * masks the size of their images, boxes inside them, images decodable, to the depth {@link Validation} asks. Frames
 * and videos that fail are reported and left out; so are exams left with neither. Also derives boxes from masks.
 */
final class ExamValidator {
    private final ReadOptions options;
    private final boolean boxesFromMasks;
    private final String maskBoxLabel;

    /**
     * @param boxesFromMasks whether a frame with a mask and no boxes gets the boxes of its mask's components
     * @param maskBoxLabel label of those boxes (null for none)
     */
    ExamValidator(ReadOptions options, boolean boxesFromMasks, String maskBoxLabel) {
        this.options = options;
        this.boxesFromMasks = boxesFromMasks;
        this.maskBoxLabel = maskBoxLabel;
    }

    List<ExamRecord> validate(List<ExamRecord> exams, Problems problems) {
        // Duplicates are found first so that they are never decoded; they stay in the list as nulls.
        List<FrameRecord> frames = new ArrayList<>();
        Map<String, String> firstPathOfId = new HashMap<>();
        for (ExamRecord exam : exams) {
            for (FrameRecord frame : exam.frames()) {
                frames.add(unique(frame, firstPathOfId, problems) ? frame : null);
            }
        }
        FrameRecord[] checked = checkFrames(frames, problems);
        List<ExamRecord> kept = new ArrayList<>();
        int next = 0;
        for (ExamRecord exam : exams) {
            List<FrameRecord> keptFrames = new ArrayList<>();
            for (int i = 0; i < exam.frames().size(); i++) {
                FrameRecord result = checked[next++];
                if (result != null) {
                    keptFrames.add(result);
                }
            }
            List<VideoRecord> keptVideos = new ArrayList<>();
            for (VideoRecord video : exam.videos()) {
                if (exists(Path.of(video.path()), "video", problems)) {
                    keptVideos.add(video);
                }
            }
            boolean emptied = keptFrames.isEmpty() && keptVideos.isEmpty()
                    && !(exam.frames().isEmpty() && exam.videos().isEmpty());
            if (!emptied) {
                kept.add(new ExamRecord(exam.patientId(), exam.examId(), exam.date(), keptFrames, keptVideos,
                        exam.report(), exam.attributes()));
            }
        }
        return kept;
    }

    private static boolean unique(FrameRecord frame, Map<String, String> firstPathOfId, Problems problems) {
        if (frame.id() == null) {
            return true;
        }
        String first = firstPathOfId.putIfAbsent(frame.id(), frame.path());
        if (first != null) {
            problems.report(frame.path(), "duplicate id '" + frame.id() + "' (also " + first + ")");
            return false;
        }
        return true;
    }

    private boolean decodes() {
        return options.validation() != Validation.FILES || boxesFromMasks;
    }

    // Checks frames (nulls stay null) on every core when files are decoded; null marks a frame left out. Under FAIL
    // the first problem stops all workers and is thrown here.
    private FrameRecord[] checkFrames(List<FrameRecord> frames, Problems problems) {
        FrameRecord[] checked = new FrameRecord[frames.size()];
        if (!decodes()) {
            for (int i = 0; i < checked.length; i++) {
                checked[i] = check(frames.get(i), problems);
            }
            return checked;
        }
        IntConsumer progress = options.progress().phase("checking frames", frames.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i; failure.get() == null && (i = next.getAndIncrement()) < checked.length; ) {
                try {
                    checked[i] = check(frames.get(i), problems);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                progress.accept(done.incrementAndGet());
            }
        };
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), checked.length));
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(worker, "endolens-check-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new EndoLensException("interrupted while checking frames", e));
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return checked;
    }

    private FrameRecord check(FrameRecord frame, Problems problems) {
        if (frame == null) {
            return null;
        }
        Path image = Path.of(frame.path());
        Path mask = frame.mask() == null ? null : Path.of(frame.mask());
        if (!exists(image, "image", problems) || (mask != null && !exists(mask, "mask", problems))) {
            return null;
        }
        Validation validation = options.validation();
        boolean derive = boxesFromMasks && mask != null && frame.boxes().isEmpty();
        ImageSize size = null;
        List<Box> boxes = frame.boxes();
        Path current = image;
        try {
            if (validation == Validation.FULL) {
                BufferedImage decoded = ImageFiles.read(image);
                size = new ImageSize(decoded.getWidth(), decoded.getHeight());
            } else if (validation == Validation.MASKS || derive) {
                size = ImageFiles.size(image);
            }
            if (mask != null && (validation != Validation.FILES || derive)) {
                current = mask;
                Mask decoded = MaskFiles.read(mask, size.width(), size.height());
                if (derive) {
                    boxes = Boxes.fromMask(decoded, Boxes.MIN_AREA_FRACTION, maskBoxLabel);
                }
            }
        } catch (EndoLensException e) {
            String prefix = current + ": ";
            String message = e.getMessage();
            problems.report(current.toString(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            return null;
        }
        if (size != null) {
            for (Box box : boxes) {
                if (!box.inside(size.width(), size.height())) {
                    problems.report(image.toString(), describe(box) + " lies outside the " + size + " image");
                    return null;
                }
            }
        }
        return boxes == frame.boxes() ? frame
                : new FrameRecord(frame.id(), frame.path(), frame.timeS(), frame.label(), frame.mask(), boxes, frame.split());
    }

    private static boolean exists(Path file, String what, Problems problems) {
        if (Files.isRegularFile(file)) {
            return true;
        }
        problems.report(file.toString(), what + " file not found");
        return false;
    }

    static String describe(Box box) {
        return String.format(Locale.ROOT, "box (%s, %s)-(%s, %s)", number(box.xmin()), number(box.ymin()),
                number(box.xmax()), number(box.ymax()));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
