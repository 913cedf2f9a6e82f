package org.endolens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.RecordsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated data set: reproducible, self-consistent labels, and readable as a records file. */
class SyntheticColonoscopyTest {
    /** Enough background frames per exam that every artefact kind appears in each exam. */
    private static final SyntheticConfig ARTEFACTS = new SyntheticConfig(2, 1, 1, 16, 128, 0.5, 1, 3);
    /** Many exams at a small image size, for checks across exams. */
    private static final SyntheticConfig MANY_SMALL = new SyntheticConfig(20, 1, 2, 20, 32, 0.25, 3, 11);

    private static final String BACKGROUND = "background:";

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesIdenticalRecordsAndPixels() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        List<ExamRecord> exams = SyntheticColonoscopy.generate(first, SyntheticConfig.tiny());
        SyntheticColonoscopy.generate(second, SyntheticConfig.tiny());

        assertArrayEquals(Files.readAllBytes(first.resolve(SyntheticColonoscopy.RECORDS_FILE)),
                Files.readAllBytes(second.resolve(SyntheticColonoscopy.RECORDS_FILE)));
        List<FrameRecord> frames = exams.stream().flatMap(e -> e.frames().stream()).toList();
        for (int i = 0; i < frames.size(); i += 3) {
            FrameRecord frame = frames.get(i);
            assertArrayEquals(FramePixels.rgb(FramePixels.read(first.resolve(frame.path()))),
                    FramePixels.rgb(FramePixels.read(second.resolve(frame.path()))), frame.id());
            if (frame.mask() != null) {
                assertArrayEquals(FramePixels.rgb(FramePixels.read(first.resolve(frame.mask()))),
                        FramePixels.rgb(FramePixels.read(second.resolve(frame.mask()))), frame.mask());
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherDataSet() throws IOException {
        SyntheticConfig tiny = SyntheticConfig.tiny();
        SyntheticConfig reseeded = new SyntheticConfig(tiny.patients(), tiny.minExamsPerPatient(),
                tiny.maxExamsPerPatient(), tiny.framesPerExam(), tiny.imageSize(), tiny.backgroundFraction(),
                tiny.maxPolypsPerExam(), tiny.seed() + 1);
        SyntheticColonoscopy.generate(tmp.resolve("a"), tiny);
        SyntheticColonoscopy.generate(tmp.resolve("b"), reseeded);
        assertNotEquals(Files.readString(tmp.resolve("a").resolve(SyntheticColonoscopy.RECORDS_FILE)),
                Files.readString(tmp.resolve("b").resolve(SyntheticColonoscopy.RECORDS_FILE)));
    }

    @Test
    void recordsFileReadsBackAsReturned() {
        List<ExamRecord> exams = SyntheticColonoscopy.generate(tmp, SyntheticConfig.tiny());
        assertEquals(exams, RecordsFile.read(tmp.resolve(SyntheticColonoscopy.RECORDS_FILE)));
        SyntheticConfig tiny = SyntheticConfig.tiny();
        assertTrue(exams.size() >= tiny.patients() * tiny.minExamsPerPatient());
        for (ExamRecord exam : exams) {
            assertEquals(tiny.framesPerExam(), exam.frames().size());
            assertNotNull(exam.date());
            assertFalse(exam.report().isBlank());
        }
    }

    @Test
    void masksAreBinaryAndTheirExtentIsTheBox() {
        SyntheticConfig tiny = SyntheticConfig.tiny();
        List<ExamRecord> exams = SyntheticColonoscopy.generate(tmp, tiny);
        int polypFrames = 0;
        for (FrameRecord frame : frames(exams)) {
            BufferedImage image = FramePixels.read(tmp.resolve(frame.path()));
            assertEquals(tiny.imageSize(), image.getWidth());
            assertEquals(tiny.imageSize(), image.getHeight());
            if (!frame.label().equals("polyp")) {
                assertNull(frame.mask(), frame.id());
                assertTrue(frame.boxes().isEmpty(), frame.id());
                continue;
            }
            polypFrames++;
            BufferedImage mask = FramePixels.read(tmp.resolve(frame.mask()));
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int value = mask.getRaster().getSample(x, y, 0);
                    assertTrue(value == 0 || value == 255, frame.mask() + " has value " + value);
                }
            }
            assertEquals(1, frame.boxes().size(), frame.id());
            Box box = frame.boxes().get(0);
            int[] extent = FramePixels.foregroundExtent(mask);
            assertNotNull(extent, frame.mask() + " is empty");
            assertEquals(extent[0], box.xmin(), 1, frame.id());
            assertEquals(extent[1], box.ymin(), 1, frame.id());
            assertEquals(extent[2], box.xmax(), 1, frame.id());
            assertEquals(extent[3], box.ymax(), 1, frame.id());
            assertEquals("polyp", box.label());
        }
        assertTrue(polypFrames > 0, "the tiny data set has polyp frames");
    }

    @Test
    void everyPolypFrameLinksToAnAttributeEntryAndEveryEntryHasFrames() {
        for (ExamRecord exam : SyntheticColonoscopy.generate(tmp, MANY_SMALL)) {
            int entries = exam.attributes().get("polyps").size();
            Set<Integer> seen = new HashSet<>();
            for (FrameRecord frame : exam.frames()) {
                int entry = SyntheticColonoscopy.polypEntry(frame.id());
                assertEquals(frame.label().equals("polyp"), entry > 0, frame.id() + " labelled " + frame.label());
                assertTrue(entry <= entries, frame.id() + " refers to a polyp entry the exam does not have");
                assertTrue(frame.id().startsWith(exam.examId() + "-"), frame.id());
                assertTrue(frame.label().equals("polyp") || frame.label().equals("normal")
                        || frame.label().startsWith("background:"), frame.label());
                if (entry > 0) {
                    seen.add(entry);
                }
            }
            assertEquals(entries, seen.size(), exam.examId() + ": every polyp entry is seen in a frame");
        }
    }

    @Test
    void framesAreInWithdrawalOrderAndAQuarterAreBackground() {
        List<ExamRecord> exams = SyntheticColonoscopy.generate(tmp, MANY_SMALL);
        long background = frames(exams).stream().filter(f -> f.label().startsWith("background:")).count();
        double fraction = background / (double) frames(exams).size();
        assertTrue(fraction > 0.2 && fraction <= 0.25, "background fraction " + fraction);
        for (ExamRecord exam : exams) {
            for (int i = 1; i < exam.frames().size(); i++) {
                assertTrue(exam.frames().get(i - 1).timeS() <= exam.frames().get(i).timeS(), exam.examId());
            }
        }
    }

    @Test
    void backgroundFramesHaveTheStatisticsOfTheirKind() {
        List<ExamRecord> exams = SyntheticColonoscopy.generate(tmp, ARTEFACTS);
        for (ExamRecord exam : exams) {
            List<BufferedImage> informative = new ArrayList<>();
            for (FrameRecord frame : exam.frames()) {
                if (!frame.label().startsWith("background:")) {
                    informative.add(FramePixels.read(tmp.resolve(frame.path())));
                }
            }
            double sharpest = informative.stream().mapToDouble(FramePixels::laplacianVariance).min().orElseThrow();
            double meanLuminance = informative.stream().mapToDouble(FramePixels::meanLuminance).average().orElseThrow();
            Set<String> kinds = new HashSet<>();
            for (FrameRecord frame : exam.frames()) {
                BufferedImage image = FramePixels.read(tmp.resolve(frame.path()));
                String kind = frame.label().startsWith(BACKGROUND) ? frame.label().substring(BACKGROUND.length()) : "";
                kinds.add(kind);
                switch (kind) {
                    case "dark" -> assertTrue(FramePixels.meanLuminance(image) < Math.min(40, meanLuminance / 2),
                            frame.id() + " mean luminance " + FramePixels.meanLuminance(image));
                    case "overexposed" -> assertTrue(FramePixels.saturatedFraction(image) > 0.3,
                            frame.id() + " saturated fraction " + FramePixels.saturatedFraction(image));
                    case "blurred", "defocused" -> assertTrue(FramePixels.laplacianVariance(image) < sharpest,
                            frame.id() + " Laplacian variance " + FramePixels.laplacianVariance(image)
                                    + " vs sharpest informative " + sharpest);
                    default -> { }
                }
            }
            assertTrue(kinds.containsAll(List.of("dark", "overexposed", "blurred", "defocused", "bubbles")),
                    exam.examId() + " has kinds " + kinds);
        }
    }

    @Test
    void configRejectsExamsTooShortForTheirPolypsWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyntheticConfig(1, 1, 1, 3, 64, 0.25, 3, 0));
        assertTrue(e.getMessage().contains("framesPerExam"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(1, 2, 1, 10, 64, 0.25, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(1, 1, 1, 10, 64, 1.0, 1, 0));
    }

    private static List<FrameRecord> frames(List<ExamRecord> exams) {
        return exams.stream().flatMap(e -> e.frames().stream()).toList();
    }
}
