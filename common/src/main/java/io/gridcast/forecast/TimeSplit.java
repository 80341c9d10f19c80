package io.gridcast.forecast;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Chronological split of a series by market-local operating date: training, then validation
 * (the end of the training period, used only for early stopping), then test. The periods do
 * not overlap and the test period is never seen during training.
 *
 * @param trainStart first training date
 * @param validationStart first validation date; training ends the day before
 * @param testStart first test date; validation ends the day before
 * @param testEnd last test date, inclusive
 */
public record TimeSplit(LocalDate trainStart, LocalDate validationStart, LocalDate testStart,
        LocalDate testEnd) {

    public TimeSplit {
        if (!trainStart.isBefore(validationStart) || !validationStart.isBefore(testStart)
                || testEnd.isBefore(testStart)) {
            throw new IllegalArgumentException("Invalid split: training from " + trainStart
                    + ", validation from " + validationStart + ", test " + testStart + " to "
                    + testEnd + " (each period must start after the previous one)");
        }
    }

    /**
     * Places the test period at {@code testStart}, or over the last {@code testDays} days when
     * {@code testStart} is null, and the validation period in the {@code validationDays} before.
     *
     * @param firstDate first operating date of the series
     * @param lastDate last operating date of the series
     */
    public static TimeSplit of(LocalDate firstDate, LocalDate lastDate, LocalDate testStart,
            int testDays, int validationDays) {
        LocalDate start = testStart != null ? testStart : lastDate.minusDays(testDays - 1L);
        String origin = testStart != null ? "" : " (the last " + testDays + " days of the series)";
        if (start.isAfter(lastDate)) {
            throw new IllegalArgumentException("Invalid test start " + start + ": after the last "
                    + "operating date of the series, " + lastDate);
        }
        if (!start.isAfter(firstDate.plusDays(validationDays))) {
            throw new IllegalArgumentException("Invalid test start " + start + origin
                    + ": the series runs from " + firstDate + " to " + lastDate
                    + ", leaving no training days before " + validationDays + " validation days;"
                    + " set --test-start, forecast.test-days or forecast.validation-days");
        }
        return new TimeSplit(firstDate, start.minusDays(validationDays), start, lastDate);
    }

    public Column isTraining(String dateCol) {
        return functions.col(dateCol).geq(functions.lit(trainStart))
                .and(functions.col(dateCol).lt(functions.lit(validationStart)));
    }

    public Column isValidation(String dateCol) {
        return functions.col(dateCol).geq(functions.lit(validationStart))
                .and(functions.col(dateCol).lt(functions.lit(testStart)));
    }

    public Column isTest(String dateCol) {
        return functions.col(dateCol).geq(functions.lit(testStart))
                .and(functions.col(dateCol).leq(functions.lit(testEnd)));
    }

    public LocalDate trainEnd() {
        return validationStart.minusDays(1);
    }

    public LocalDate validationEnd() {
        return testStart.minusDays(1);
    }
}
