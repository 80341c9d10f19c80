package io.gridcast.ingest;

/**
 * Raised when an input cannot be read at all (unknown layout, missing column, no files);
 * the message names the file or URI. Row-level problems go to {@code rejects} instead.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
