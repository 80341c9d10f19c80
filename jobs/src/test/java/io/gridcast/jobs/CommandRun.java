package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the gridcast command line in this JVM: its exit code and standard output. */
record CommandRun(int exitCode, String output) {

    /** Runs gridcast with {@code args} and captures its standard output. */
    static CommandRun of(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = Gridcast.execute(args);
            return new CommandRun(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** Runs gridcast with {@code args} and captures its standard error. */
    static CommandRun errors(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = Gridcast.execute(args);
            return new CommandRun(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    /** Runs gridcast with {@code args}, checks that it exits 0, and returns its output. */
    static String succeeding(String... args) {
        CommandRun run = of(args);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output();
    }
}
