package org.endolens.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.endolens.data.BadInputPolicy;
import org.endolens.data.ExamRecord;
import org.endolens.data.FrameRecord;
import org.endolens.data.Problems;
import org.endolens.data.loader.DataLoader;
import org.endolens.data.loader.FrameExamples;
import org.endolens.data.loader.LoaderConfig;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.data.transform.Interpolation;
import org.endolens.data.transform.Normalize;
import org.endolens.data.transform.RandomResizedCrop;
import org.endolens.data.transform.SampleViews;
import org.endolens.data.transform.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run's first batch is the batch the uninterrupted run drew at that step, across epochs. */
class LoaderStepsTest {
    @TempDir
    Path data;

    @Test
    void askingForALaterStepFirstGivesTheSameBatchAsRunningThrough() {
        List<ExamRecord> exams = SyntheticColonoscopy.generate(data, SyntheticConfig.tiny()).stream()
                .map(e -> new ExamRecord(e.patientId(), e.examId(), e.date(),
                        e.frames().stream().map(f -> FrameRecord.of(f.id(), f.path())).toList(), List.of(), e.report(), null))
                .toList();
        List<float[]> straight = new ArrayList<>();
        try (LoaderSteps steps = steps(exams); NDManager manager = NDManager.newBaseManager()) {
            for (int s = 0; s < 5; s++) {
                straight.add(steps.batch(s, manager).get(SampleViews.IMAGE).toFloatArray());
            }
        }
        try (LoaderSteps steps = steps(exams); NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(straight.get(3), steps.batch(3, manager).get(SampleViews.IMAGE).toFloatArray());
            assertArrayEquals(straight.get(4), steps.batch(4, manager).get(SampleViews.IMAGE).toFloatArray());
        }
    }

    /** One patient per batch, so the two tiny patients make two batches per epoch and step 3 lies in epoch 1. */
    private LoaderSteps steps(List<ExamRecord> exams) {
        SampleViews views = SampleViews.single(Transform.compose(
                new RandomResizedCrop(16, 0.5, 1.0, Interpolation.BILINEAR), Normalize.clip()));
        FrameExamples frames = new FrameExamples(exams, data, views, List.of(), FrameExamples.GroupBy.PATIENT);
        return new LoaderSteps(new DataLoader(frames, LoaderConfig.of(1, 7).groupedBy(1, 3),
                new Problems(BadInputPolicy.FAIL)));
    }
}
