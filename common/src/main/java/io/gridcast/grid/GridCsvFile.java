package io.gridcast.grid;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One CSV file of a hand-written network, split into header and data rows, with typed access
 * to cells. Problems are added to a shared list instead of thrown, so that one run reports
 * every problem of every file. Each problem names the file, the line (the header is line 1)
 * and the column.
 */
final class GridCsvFile {

    /** A plain decimal number, optionally with an exponent, but no NaN, Infinity or hex. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private final String sourceName;
    private final Map<String, Integer> columnIndex;
    private final List<Row> rows;
    private final List<String> problems;

    /** The cells of one data line, with its 1-based line number. */
    private record Line(int number, String[] cells) {
    }

    private GridCsvFile(String sourceName, Map<String, Integer> columnIndex, List<Line> lines,
            List<String> problems) {
        this.sourceName = sourceName;
        this.columnIndex = columnIndex;
        this.rows = lines.stream().map(line -> new Row(line.number(), line.cells())).toList();
        this.problems = problems;
    }

    /**
     * Splits {@code text} into rows. Header names are matched without case and surrounding
     * spaces. Blank lines and lines starting with {@code #} are skipped. A header without a
     * required column, or with an unknown or repeated column, adds a problem and yields no rows.
     */
    static GridCsvFile parse(GridCsvReader.CsvText file, List<String> required,
            List<String> optional, List<String> problems) {
        String source = file.sourceName();
        String[] lines = file.text().replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        CsvParser csv = csvParser();
        int headerLine = firstContentLine(lines, 0);
        if (headerLine < 0) {
            problems.add(source + ": no header (expected columns " + String.join(", ", required)
                    + ")");
            return new GridCsvFile(source, Map.of(), List.of(), problems);
        }
        Map<String, Integer> columnIndex = bindHeader(source, headerLine + 1,
                cells(csv, lines[headerLine]), required, optional, problems);
        List<Line> rows = new ArrayList<>();
        if (columnIndex == null) {
            return new GridCsvFile(source, Map.of(), rows, problems);
        }
        for (int i = firstContentLine(lines, headerLine + 1); i >= 0;
                i = firstContentLine(lines, i + 1)) {
            String[] cells = cells(csv, lines[i]);
            if (cells == null || cells.length != columnIndex.size()) {
                problems.add(source + " line " + (i + 1) + ": expected " + columnIndex.size()
                        + " cells, found " + (cells == null ? "an unclosed quote" : cells.length));
            } else {
                rows.add(new Line(i + 1, cells));
            }
        }
        return new GridCsvFile(source, columnIndex, rows, problems);
    }

    private static Map<String, Integer> bindHeader(String source, int lineNumber, String[] names,
            List<String> required, List<String> optional, List<String> problems) {
        if (names == null) {
            problems.add(source + " line " + lineNumber + ": invalid header (an unclosed quote)");
            return null;
        }
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        int problemsBefore = problems.size();
        for (int i = 0; i < names.length; i++) {
            String name = names[i] == null ? "" : names[i].trim().toLowerCase(Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(source + " line " + lineNumber + ": unknown column '" + name
                        + "' (columns: " + String.join(", ", required) + ", optional "
                        + String.join(", ", optional) + ")");
            } else if (columnIndex.putIfAbsent(name, i) != null) {
                problems.add(source + " line " + lineNumber + ": column " + name
                        + " appears twice");
            }
        }
        for (String name : required) {
            if (!columnIndex.containsKey(name)) {
                problems.add(source + " line " + lineNumber + ": missing column " + name
                        + " (required columns: " + String.join(", ", required) + ")");
            }
        }
        return problems.size() == problemsBefore ? columnIndex : null;
    }

    private static int firstContentLine(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static CsvParser csvParser() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.trimValues(true);
        // Comment lines are skipped before parsing, so '#' inside a quoted name stays text.
        settings.getFormat().setComment('\0');
        settings.setMaxCharsPerColumn(-1);
        return new CsvParser(settings);
    }

    /** Splits one line into cells, or returns null if it is not one CSV record. */
    private static String[] cells(CsvParser csv, String line) {
        try {
            return csv.parseLine(line);
        } catch (TextParsingException e) {
            return null;
        }
    }

    String sourceName() {
        return sourceName;
    }

    /** Name of the file without its folder, e.g. {@code buses.csv}. */
    String fileName() {
        return sourceName.substring(sourceName.lastIndexOf('/') + 1);
    }

    List<Row> rows() {
        return rows;
    }

    boolean hasColumn(String name) {
        return columnIndex.containsKey(name);
    }

    /** One data row: typed getters return null, and add a problem, when a cell is invalid. */
    final class Row {

        private final int lineNumber;
        private final String[] cells;

        private Row(int lineNumber, String[] cells) {
            this.lineNumber = lineNumber;
            this.cells = cells;
        }

        int lineNumber() {
            return lineNumber;
        }

        /** Returns the trimmed cell of {@code column}, empty when the file has no such column. */
        String text(String column) {
            Integer index = columnIndex.get(column);
            return index == null ? "" : cells[index];
        }

        boolean isEmpty(String column) {
            return text(column).isEmpty();
        }

        /** Adds a problem at this row and {@code column}. */
        void problem(String column, String message) {
            problems.add(sourceName + " line " + lineNumber + ", column " + column + ": "
                    + message);
        }

        /** Returns the cell as a positive integer id, or null if it is empty or invalid. */
        Integer id(String column) {
            String cell = text(column);
            if (cell.isEmpty()) {
                problem(column, "missing value (a positive integer expected)");
                return null;
            }
            if (!INTEGER.matcher(cell).matches() || Integer.parseInt(cell) <= 0) {
                problem(column, "invalid id '" + cell + "' (a positive integer expected)");
                return null;
            }
            return Integer.parseInt(cell);
        }

        /** Returns the cell as an integer, {@code whenEmpty} if empty, or null if invalid. */
        Integer integer(String column, int whenEmpty) {
            String cell = text(column);
            if (cell.isEmpty()) {
                return whenEmpty;
            }
            if (!INTEGER.matcher(cell).matches()) {
                problem(column, "invalid integer '" + cell + "'");
                return null;
            }
            return Integer.parseInt(cell);
        }

        /** Returns the cell as a number, or null if it is missing or invalid. */
        Double number(String column) {
            if (text(column).isEmpty()) {
                problem(column, "missing value (a number expected)");
                return null;
            }
            return number(column, Double.NaN);
        }

        /**
         * Returns the cell as a finite number, {@code whenEmpty} if empty, or null if it is not
         * a plain decimal number ({@code 1.5}, {@code -2}, {@code 1e-3}).
         */
        Double number(String column, double whenEmpty) {
            String cell = text(column);
            if (cell.isEmpty()) {
                return whenEmpty;
            }
            double value = DECIMAL.matcher(cell).matches() ? Double.parseDouble(cell)
                    : Double.NaN;
            if (!Double.isFinite(value)) {
                problem(column, "invalid number '" + cell + "'");
                return null;
            }
            return value;
        }

        /**
         * Returns the cell as a flag (true, yes or 1, false, no or 0, in any letter case),
         * {@code whenEmpty} if empty, or null if invalid.
         */
        Boolean flag(String column, boolean whenEmpty) {
            String cell = text(column).toLowerCase(Locale.ROOT);
            if (cell.isEmpty()) {
                return whenEmpty;
            }
            if (Set.of("true", "yes", "1").contains(cell)) {
                return true;
            }
            if (Set.of("false", "no", "0").contains(cell)) {
                return false;
            }
            problem(column, "invalid flag '" + text(column) + "' (true or false expected)");
            return null;
        }
    }
}
