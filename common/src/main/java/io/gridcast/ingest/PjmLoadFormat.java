package io.gridcast.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Layouts of PJM hourly load files that gridcast reads, recognised by their header. */
public enum PjmLoadFormat {

    /**
     * PJM Data Miner 2 {@code hrl_load_metered}: hour beginning in UTC and in EPT, one row per
     * load area and hour.
     */
    DATA_MINER,

    /** Two columns {@code Datetime,<ZONE>_MW}: hour ending in EPT with no DST marker. */
    HOURLY_TWO_COLUMN;

    private static final Pattern TWO_COLUMN_VALUE = Pattern.compile("(?i)([A-Za-z0-9_ ]+?)[_ ]MW");

    /** Recognises the layout from the header cells, or returns null. */
    public static PjmLoadFormat detect(List<String> header) {
        List<String> lower = header.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        if (lower.contains("datetime_beginning_utc") && lower.contains("mw")) {
            return DATA_MINER;
        }
        if (lower.size() == 2 && lower.get(0).equals("datetime")
                && TWO_COLUMN_VALUE.matcher(header.get(1).trim()).matches()) {
            return HOURLY_TWO_COLUMN;
        }
        return null;
    }

    /** Zone named by a two-column header's value column: {@code PJME_MW} gives {@code PJME}. */
    public static String twoColumnZone(String valueColumn) {
        Matcher matcher = TWO_COLUMN_VALUE.matcher(valueColumn.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid value column: " + valueColumn);
        }
        return matcher.group(1).toUpperCase(Locale.ROOT);
    }
}
