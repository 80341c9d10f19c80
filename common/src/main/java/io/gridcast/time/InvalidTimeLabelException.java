package io.gridcast.time;

/** Raised for a market time label that names no hour, such as one inside the DST gap. */
public class InvalidTimeLabelException extends IllegalArgumentException {

    public InvalidTimeLabelException(String message) {
        super(message);
    }
}
