package io.gridcast.jobs;

import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed job into one clear line on standard error and exit code 1. Spark wraps errors
 * raised in tasks; the handler reports the innermost input error when there is one.
 */
final class JobFailureHandler implements IExecutionExceptionHandler {

    /** Exit code of a job that failed after its command line was accepted. */
    static final int JOB_FAILED = 1;

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        String job = command.getCommandSpec().qualifiedName(" ");
        System.err.println(job + " failed: " + describe(error));
        if (Boolean.getBoolean("gridcast.stacktrace")) {
            error.printStackTrace(System.err);
        } else {
            System.err.println("(for the stack trace, add -Dgridcast.stacktrace=true to the "
                    + "JVM options: GRIDCAST_JAVA_OPTS with bin/gridcast)");
        }
        return JOB_FAILED;
    }

    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof StorageException) {
                return cause.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error.getMessage() == null ? error.toString()
                : error.getMessage().lines().findFirst().orElse("");
        String rootMessage = root.getMessage() == null ? ""
                : root.getMessage().lines().findFirst().orElse("");
        return root == error || message.contains(rootMessage) ? message
                : message + " (cause: " + root.getClass().getName() + ": " + rootMessage + ")";
    }
}
