package io.gridcast.ingest;

/** A problem with one source row: the row goes to {@code rejects} with this message. */
final class RowRejection extends RuntimeException {

    RowRejection(String message) {
        super(message);
    }
}
