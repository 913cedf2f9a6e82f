package org.endolens.cli;

import org.endolens.EndoLensException;
import org.endolens.util.EngineRuntime;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code endolens} command: one subcommand per pipeline stage, each reading and writing documented files. */
@Command(
        name = "endolens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Foundation models for endoscopy on the JVM (DJL + PyTorch).",
            "Run 'endolens demo' for the end-to-end example, 'endolens COMMAND --help' for any command."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            DemoCommand.class,
            PretrainCommand.class,
            AblationCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            ConvertCommand.class,
            ForwardCommand.class,
            DataCommand.class,
            ExtractCommand.class,
            CleanseCommand.class,
            BenchCommand.class
        })
public final class EndoLensCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (0 success, 1 a user-facing error, 2 bad usage). */
    public static int execute(String... args) {
        EngineRuntime.preferOffline();
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EndoLensCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof EndoLensException || ex instanceof IllegalArgumentException) {
                err.println("endolens " + cmd.getCommandName() + ": " + ex.getMessage());
            } else {
                err.println("endolens " + cmd.getCommandName() + ": internal error: " + ex);
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cli;
    }
}
