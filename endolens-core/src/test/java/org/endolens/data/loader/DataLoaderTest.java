package org.endolens.data.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import org.endolens.DataFormatException;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.Box;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.transform.FloatTensor;
import org.endolens.data.transform.Normalize;
import org.endolens.data.transform.RandomFlip;
import org.endolens.data.transform.RandomResizedCrop;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {
    @TempDir
    Path tmp;

    /** Items whose single tensor holds the index and two augmentation draws, so order and randomness are visible. */
    private static final class Numbered implements ExampleSource {
        private final int size;
        private final int patients;

        Numbered(int size, int patients) {
            this.size = size;
            this.patients = patients;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String group(int index) {
            return "patient" + index % patients;
        }

        @Override
        public String describe(int index) {
            return "item" + index;
        }

        @Override
        public Example load(int index, RandomGenerator random) {
            float[] values = {index, random.nextFloat(), random.nextFloat()};
            return new Example(List.of(new FloatTensor("values", new long[] {3}, values)), index % 5);
        }
    }

    private static List<float[]> drain(DataLoader loader, int epoch, NDManager manager) {
        List<float[]> batches = new ArrayList<>();
        try (DataLoader.Epoch batchesOfEpoch = loader.epoch(epoch)) {
            while (batchesOfEpoch.hasNext()) {
                try (NDManager step = manager.newSubManager()) {
                    NDList batch = batchesOfEpoch.next(step);
                    batches.add(batch.get(0).toFloatArray());
                }
            }
        }
        return batches;
    }

    @Test
    void orderAndAugmentationDependOnTheSeedNotTheThreads() {
        Problems problems = new Problems(BadInputPolicy.FAIL);
        LoaderConfig config = LoaderConfig.of(7, 42).withPrefetchBatches(3);
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader one = new DataLoader(new Numbered(50, 4), config.withThreads(1), problems);
                DataLoader two = new DataLoader(new Numbered(50, 4), config.withThreads(2), problems)) {
            for (int epoch = 0; epoch < 2; epoch++) {
                List<float[]> a = drain(one, epoch, manager);
                List<float[]> b = drain(two, epoch, manager);
                assertEquals(8, a.size());
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i), b.get(i), "epoch " + epoch + " batch " + i);
                }
            }
            assertFalse(Arrays.equals(drain(one, 0, manager).get(0), drain(one, 1, manager).get(0)), "each epoch reshuffles");
        }
    }

    @Test
    void everyItemOnceAndTheSameAugmentationForTheSameEpochAndIndex() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader shuffled = new DataLoader(new Numbered(23, 3), LoaderConfig.of(5, 1).withThreads(2), new Problems(BadInputPolicy.FAIL));
                DataLoader ordered = new DataLoader(new Numbered(23, 3), LoaderConfig.of(4, 1).withShuffle(false).withThreads(2),
                        new Problems(BadInputPolicy.FAIL))) {
            Map<Integer, List<Float>> augmentation = new HashMap<>();
            for (float[] batch : drain(shuffled, 3, manager)) {
                for (int i = 0; i < batch.length; i += 3) {
                    assertNull(augmentation.put((int) batch[i], List.of(batch[i + 1], batch[i + 2])), "item seen twice");
                }
            }
            assertEquals(23, augmentation.size());
            List<float[]> inOrder = drain(ordered, 3, manager);
            assertEquals(6, inOrder.size());
            int expected = 0;
            for (float[] batch : inOrder) {
                for (int i = 0; i < batch.length; i += 3) {
                    assertEquals(expected, (int) batch[i]);
                    assertEquals(augmentation.get(expected), List.of(batch[i + 1], batch[i + 2]), "same draws for the same item");
                    expected++;
                }
            }
        }
    }

    @Test
    void dropLastLeavesOutTheShortBatch() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader loader = new DataLoader(new Numbered(23, 3), LoaderConfig.of(5, 1).withDropLast(true).withThreads(2),
                        new Problems(BadInputPolicy.FAIL))) {
            assertEquals(4, loader.batchCount(0));
            List<float[]> batches = drain(loader, 0, manager);
            assertEquals(4, batches.size());
            batches.forEach(batch -> assertEquals(15, batch.length));
        }
    }

    @Test
    void patientBatchesHoldAllFramesOfEachPatientUpToTheLimit() {
        // 60 items over 7 patients: 8 or 9 frames each; at most 6 frames per patient, 3 patients per batch.
        Numbered source = new Numbered(60, 7);
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader loader = new DataLoader(source, LoaderConfig.of(3, 5).groupedBy(3, 6).withThreads(2),
                        new Problems(BadInputPolicy.FAIL))) {
            Set<String> patientsSeen = new HashSet<>();
            try (DataLoader.Epoch epoch = loader.epoch(0)) {
                while (epoch.hasNext()) {
                    try (NDManager step = manager.newSubManager()) {
                        NDList batch = epoch.next(step);
                        float[] values = batch.get(0).toFloatArray();
                        NDArray groups = batch.get("group");
                        assertEquals(DataType.INT64, groups.getDataType());
                        long[] slots = groups.toLongArray();
                        Map<Long, String> patientOfSlot = new HashMap<>();
                        Map<String, Integer> framesOfPatient = new HashMap<>();
                        for (int i = 0; i < slots.length; i++) {
                            String patient = source.group((int) values[3 * i]);
                            String previous = patientOfSlot.putIfAbsent(slots[i], patient);
                            assertTrue(previous == null || previous.equals(patient), "a slot is one patient");
                            framesOfPatient.merge(patient, 1, Integer::sum);
                        }
                        assertTrue(framesOfPatient.size() <= 3);
                        framesOfPatient.forEach((patient, frames) -> {
                            assertEquals(6, frames, patient + " has 8 or 9 frames, capped at 6");
                            assertTrue(patientsSeen.add(patient), patient + " appears in two batches");
                        });
                    }
                }
            }
            assertEquals(7, patientsSeen.size());
        }
    }

    @Test
    void framesAreDecodedAugmentedAndBatchedWithMasksAndLabels() throws IOException {
        List<ExamRecord> exams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writeImage("frame" + i + ".jpg", 64 + 8 * i, 48, 0x804020 + i);
            writeMask("mask" + i + ".png", 64 + 8 * i, 48);
            FrameRecord frame = new FrameRecord("f" + i, "frame" + i + ".jpg", null, i % 2 == 0 ? "polyp" : "normal", "mask" + i + ".png",
                    List.of(new Box(4, 4, 20, 20, "polyp")), "train");
            exams.add(new ExamRecord("p" + i, "e" + i, null, List.of(frame), List.of(), null, null));
        }
        Transform transform = Transform.compose(new RandomResizedCrop(32), RandomFlip.horizontal(), Normalize.clip());
        FrameExamples source = new FrameExamples(exams, tmp, SampleViews.single(transform), List.of("normal", "polyp"),
                FrameExamples.GroupBy.PATIENT);
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader loader = new DataLoader(source, LoaderConfig.of(4, 0).withShuffle(false).withThreads(2),
                        new Problems(BadInputPolicy.FAIL))) {
            try (DataLoader.Epoch epoch = loader.epoch(0)) {
                NDManager step = manager.newSubManager();
                NDList batch = epoch.next(step);
                assertEquals(List.of("image", "mask", "label"), List.of(batch.get(0).getName(), batch.get(1).getName(),
                        batch.get(2).getName()));
                assertEquals(new Shape(4, 3, 32, 32), batch.get("image").getShape());
                assertEquals(new Shape(4, 1, 32, 32), batch.get("mask").getShape());
                assertArrayEquals(new long[] {1, 0, 1, 0}, batch.get("label").toLongArray());
                float[] mask = batch.get("mask").toFloatArray();
                for (float m : mask) {
                    assertTrue(m == 0f || m == 1f);
                }
                step.close();
                assertTrue(batch.get(0).isReleased(), "closing the step manager frees the batch");
                try (NDManager last = manager.newSubManager()) {
                    assertEquals(new Shape(1, 3, 32, 32), epoch.next(last).get(0).getShape());
                }
                assertFalse(epoch.hasNext());
            }
        }
    }

    @Test
    void corruptFilesAreReportedAndSkippedOrFail() throws IOException {
        List<ExamRecord> exams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writeImage("frame" + i + ".jpg", 40, 30, 0x102030);
            exams.add(new ExamRecord("p" + i, "e" + i, null, List.of(FrameRecord.of("f" + i, "frame" + i + ".jpg")), List.of(), null, null));
        }
        byte[] jpeg = Files.readAllBytes(tmp.resolve("frame2.jpg"));
        Files.write(tmp.resolve("frame2.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(tmp.resolve("frame4.jpg"), "not an image");
        FrameExamples source = new FrameExamples(exams, tmp, SampleViews.single(new RandomResizedCrop(16)), List.of(),
                FrameExamples.GroupBy.EXAM);
        Problems skip = new Problems(BadInputPolicy.SKIP);
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader loader = new DataLoader(source, LoaderConfig.of(3, 0).withShuffle(false).withThreads(2), skip)) {
            List<float[]> batches = drain(loader, 0, manager);
            assertEquals(2, batches.size());
            assertEquals(2 * 3 * 16 * 16, batches.get(0).length);
            assertEquals(2, skip.count(), skip.summary());
            assertTrue(skip.all().get(0).file().endsWith("frame2.jpg") || skip.all().get(1).file().endsWith("frame2.jpg"));
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
                DataLoader loader = new DataLoader(source, LoaderConfig.of(3, 0).withShuffle(false).withThreads(2),
                        new Problems(BadInputPolicy.FAIL))) {
            DataFormatException error = assertThrows(DataFormatException.class, () -> drain(loader, 0, manager));
            assertTrue(error.getMessage().contains("frame"), error.getMessage());
        }
    }

    @Test
    void closeStopsTheThreadsEvenMidEpoch() {
        DataLoader loader = new DataLoader(new Numbered(400, 4), LoaderConfig.of(8, 0).withThreads(2), new Problems(BadInputPolicy.FAIL));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DataLoader.Epoch epoch = loader.epoch(0);
            try (NDManager step = manager.newSubManager()) {
                epoch.next(step);
            }
            assertTrue(loaderThreads() > 0);
            assertThrows(IllegalStateException.class, () -> loader.epoch(1), "one epoch at a time");
            loader.close();
            assertEquals(0, loaderThreads());
            assertThrows(IllegalStateException.class, epoch::hasNext);
        }
    }

    private static long loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("endolens-loader-") && t.isAlive()).count();
    }

    private void writeImage(String name, int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb + (x * 3 << 8) + y);
            }
        }
        ImageIO.write(image, "jpg", tmp.resolve(name).toFile());
    }

    private void writeMask(String name, int width, int height) throws IOException {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 20; y++) {
            for (int x = 4; x < 20; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        ImageIO.write(mask, "png", tmp.resolve(name).toFile());
    }
}
