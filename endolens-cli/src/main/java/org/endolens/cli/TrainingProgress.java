package org.endolens.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.endolens.train.StepRecord;
import org.endolens.train.Trainer;

/** The progress bar of a training command: the step reached, and the loss of the last step beside it. */
final class TrainingProgress implements Trainer.Listener, AutoCloseable {
    private final ProgressBar bar;

    TrainingProgress(String task, long steps) {
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).build();
    }

    @Override
    public void onStep(StepRecord record) {
        bar.stepTo(record.step());
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f", record.loss()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
