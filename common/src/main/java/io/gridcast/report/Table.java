package io.gridcast.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A table of text cells with a header row. Columns whose cells are all numbers align right. */
public final class Table {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?( ?%)?|NaN|n/a");

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... columns) {
        this(Arrays.asList(columns));
    }

    public Table(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /**
     * Appends a row. Each cell is shown as {@link String#valueOf(Object)}, null as empty.
     *
     * @throws IllegalArgumentException if the row's width differs from the header's
     */
    public Table row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /** Appends a row of {@code cells}, as {@link #row(Object...)} does. */
    public Table row(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("Invalid table row: " + cells.size()
                    + " cells for " + columns.size() + " columns " + columns);
        }
        rows.add(cells.stream().map(cell -> cell == null ? "" : String.valueOf(cell)).toList());
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Tells whether every non-empty cell of column {@code index} is a number. */
    boolean isNumeric(int index) {
        boolean any = false;
        for (List<String> row : rows) {
            String cell = row.get(index).trim();
            if (!cell.isEmpty()) {
                if (!NUMBER.matcher(cell).matches()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
