package io.gridcast.ingest;

import io.gridcast.time.HourEndingClock;
import io.gridcast.time.MarketZones;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cell formats shared by ERCOT's public reports. */
final class ErcotLabels {

    static final String ISO = "ERCOT";
    static final HourEndingClock CLOCK = new HourEndingClock(MarketZones.ERCOT);

    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Hour ending as in the reports, {@code 01:00} or {@code 1}, or {@code 1.0} from xlsx. */
    private static final Pattern HOUR_ENDING = Pattern.compile("(\\d{1,2})(?::00|\\.0+)?");
    private static final Pattern INTERVAL = Pattern.compile("([1-4])(?:\\.0+)?");
    /** Maximum magnitude accepted for prices (USD/MWh) and energy totals (MWh). */
    private static final double MAX_MAGNITUDE = 1_000_000;
    // NOTE: the accepted operating days are an estimate. The bundled reports start in 2023,
    // and no ERCOT report older than 1995 was seen here.
    /** First operating day accepted. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1995, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** Maximum settlement point name length. The bundled reports' longest name has 12. */
    private static final int MAX_NAME_LENGTH = 100;
    /** Numbers as ERCOT writes them: optional sign, digits and optional decimals, no exponent. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private ErcotLabels() {
    }

    /** Reads {@code MM/DD/YYYY}, as in the reports, or ISO {@code YYYY-MM-DD}. */
    static LocalDate date(String text) {
        LocalDate date;
        try {
            date = text.contains("-") ? LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                    : LocalDate.parse(text, REPORT_DATE);
        } catch (DateTimeParseException e) {
            throw new RowRejection("Invalid delivery date: " + text + " (expected MM/DD/YYYY)");
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new RowRejection("Invalid delivery date: " + text + " (out of range, expected "
                    + FIRST_DATE.getYear() + " to " + LAST_DATE.getYear() + ")");
        }
        return date;
    }

    /** Reads a settlement point name or type, at most 100 characters. */
    static String name(String field, String text) {
        if (text.length() > MAX_NAME_LENGTH) {
            throw new RowRejection("Invalid " + field + ": " + text.length() + " characters "
                    + "(at most " + MAX_NAME_LENGTH + ")");
        }
        return text;
    }

    /** Reads an hour ending written {@code 01:00}..{@code 24:00} or {@code 1}..{@code 24}. */
    static int hourEnding(String text) {
        Matcher matcher = HOUR_ENDING.matcher(text);
        if (!matcher.matches()) {
            throw new RowRejection("Invalid hour ending: " + text + " (expected 01:00 to 24:00)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Reads an RT delivery interval, 1 to 4 within the hour. */
    static int deliveryInterval(String text) {
        Matcher matcher = INTERVAL.matcher(text);
        if (!matcher.matches()) {
            throw new RowRejection("Invalid delivery interval: " + text + " (expected 1 to 4)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Reads a DST or repeated-hour flag: Y for the repeated fall-back hour, N otherwise. */
    static boolean repeatedHour(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new RowRejection("Invalid DST flag: " + text + " (expected Y or N)");
        };
    }

    /**
     * Reads a decimal number, which may lack a decimal point, named {@code field} in messages.
     * Magnitudes above 1,000,000 are rejected as no ERCOT price or quantity comes near them.
     */
    static double number(String field, String text) {
        if (!NUMBER_TEXT.matcher(text).matches()) {
            throw new RowRejection("Invalid " + field + ": " + text);
        }
        double value = Double.parseDouble(text);
        if (Math.abs(value) > MAX_MAGNITUDE) {
            throw new RowRejection("Invalid " + field + ": " + text + " (out of range, expected "
                    + "-1000000 to 1000000)");
        }
        return value;
    }
}
