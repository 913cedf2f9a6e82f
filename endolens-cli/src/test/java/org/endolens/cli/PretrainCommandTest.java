package org.endolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code endolens pretrain} and {@code endolens eval zero-shot} run end to end on tiny synthetic records. */
class PretrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void pretrainWritesACheckpointThatZeroShotEvaluationLoads() throws Exception {
        SyntheticColonoscopy.generate(tmp.resolve("data"), SyntheticConfig.tiny());
        Path records = tmp.resolve("data").resolve(SyntheticColonoscopy.RECORDS_FILE);
        Path run = tmp.resolve("run");
        assertEquals(0, execute(new PretrainCommand(), "--records", records.toString(), "--split", "all", "--steps", "3",
                "--patients-per-batch", "2", "--frames-per-patient", "3", "--out", run.toString()));
        assertEquals(3, Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertTrue(Files.isDirectory(run.resolve("checkpoint").resolve("model")));

        Path eval = tmp.resolve("eval");
        assertEquals(0, execute(new EvalCommand(), "zero-shot", "--checkpoint", run.toString(), "--records",
                records.toString(), "--split", "all", "--out", eval.toString()));
        assertTrue(Files.isRegularFile(eval.resolve("metrics.json")));
        assertTrue(Files.isRegularFile(eval.resolve("report.html")));
    }

    @Test
    void unknownStageIsAUsageErrorNamingTheStages() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PretrainCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(ex.getMessage());
            return 1;
        });
        assertEquals(1, cli.execute("--records", tmp.resolve("missing.jsonl").toString(), "--split", "all",
                "--stages", "attune,fuse"));
        assertTrue(err.toString().contains("unknown stage 'fuse'"), err.toString());
    }

    private static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            throw ex;
        });
        return cli.execute(args);
    }
}
