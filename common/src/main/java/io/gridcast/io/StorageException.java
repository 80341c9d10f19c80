package io.gridcast.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Raised when the warehouse storage (a local folder or an S3 bucket) cannot be read or written
 * while a table is published. The message names the table, the URI and the storage's own
 * reason, in one line, without credentials.
 */
public class StorageException extends RuntimeException {

    /** An unreadable input surfaces while a table is written, since Spark reads lazily. */
    private static final String INPUT_ERROR = "io.gridcast.ingest.InvalidInputException";

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Returns a one-line reason when {@code error} comes from storage (an I/O error or an AWS
     * client error anywhere in its causes, and no input error), e.g. {@code Failed to create file:
     * s3a://bucket/... : The specified bucket does not exist}.
     */
    public static Optional<String> reason(Throwable error) {
        String where = null;
        boolean storage = false;
        Throwable root = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals(INPUT_ERROR)) {
                return Optional.empty();
            }
            storage |= isStorageError(cause);
            if (where == null && namesLocation(cause)
                    && !cause.getClass().getName().startsWith("org.apache.spark.")) {
                where = abbreviate(firstLine(cause.getMessage()));
            }
            root = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        if (!storage) {
            return Optional.empty();
        }
        String rootReason = root.getMessage() == null ? root.getClass().getSimpleName()
                : abbreviate(firstLine(root.getMessage()));
        if (where == null) {
            return Optional.of(rootReason);
        }
        return Optional.of(where.contains(rootReason) ? where : where + ": " + rootReason);
    }

    private static boolean isStorageError(Throwable error) {
        String type = error.getClass().getName();
        return error instanceof IOException || error instanceof UncheckedIOException
                || type.startsWith("com.amazonaws.") || type.startsWith("software.amazon.awssdk.")
                || type.startsWith("org.apache.iceberg.exceptions.RuntimeIOException");
    }

    /**
     * Tells whether the message names a URI or an S3A operation on a key, such as "Writing
     * Object on k".
     */
    private static boolean namesLocation(Throwable error) {
        String message = error.getMessage();
        return message != null && (message.contains("s3a://") || message.contains("s3://")
                || message.contains("file:/")
                || error instanceof IOException && message.contains(" on "));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** First line of {@code message}, without the AWS SDK's request details. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        String[] details = {" (Service: ", ": com.amazonaws.", ": software.amazon."};
        for (String detail : details) {
            int at = line.indexOf(detail);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        return line.strip();
    }
}
