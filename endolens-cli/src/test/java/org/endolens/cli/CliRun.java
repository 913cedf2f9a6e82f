package org.endolens.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its exit code and error output. */
record CliRun(int exitCode, String err) {
    static CliRun of(String... args) {
        CommandLine cli = EndoLensCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, err.toString());
    }
}
