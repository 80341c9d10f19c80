package io.gridcast.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The cells of one data row, looked up by report field name. */
final class ReportCells {

    /** Columns of one file's header: field positions and the columns no field claims. */
    record Header(int width, Map<String, Integer> fieldIndex, Map<String, Integer> otherColumns) {

        static Header bind(String sourceFile, String[] names, ReportLayout layout) {
            Map<String, Integer> fieldIndex = new LinkedHashMap<>();
            Map<String, Integer> otherColumns = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i] == null ? "" : names[i];
                String field = layout.headerFields().get(normalise(name));
                if (field == null) {
                    otherColumns.put(name, i);
                } else if (fieldIndex.putIfAbsent(field, i) != null) {
                    throw new InvalidInputException("Column " + field + " appears twice in "
                            + sourceFile);
                }
            }
            for (String field : layout.requiredFields()) {
                if (!fieldIndex.containsKey(field)) {
                    throw new InvalidInputException("Missing column " + field + " in "
                            + sourceFile + " (header: "
                            + layout.redact(String.join(",", names)) + ")");
                }
            }
            layout.checkOtherColumns(sourceFile, new ArrayList<>(otherColumns.keySet()));
            return new Header(names.length, fieldIndex, otherColumns);
        }
    }

    private final Header header;
    private final String[] cells;

    ReportCells(Header header, String[] cells) {
        this.header = header;
        this.cells = cells;
    }

    /** Header names compared without case, spaces or underscores. */
    static String normalise(String headerName) {
        return headerName.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
    }

    /** Returns the trimmed text of {@code field}; an empty cell rejects the row. */
    String text(String field) {
        Integer index = header.fieldIndex().get(field);
        String value = index == null ? null : cells[index];
        if (value == null || value.isBlank()) {
            throw new RowRejection("Missing " + field);
        }
        return value.trim();
    }

    /** Returns the trimmed text of {@code field}, or null if the cell or column is absent. */
    String textOrNull(String field) {
        Integer index = header.fieldIndex().get(field);
        String value = index == null ? null : cells[index];
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Returns the trimmed text of {@code field}, or null if the file has no such column. */
    String optional(String field) {
        Integer index = header.fieldIndex().get(field);
        return index == null ? null : text(field);
    }

    /** Cells of the columns no field claims, by header name in file order. */
    Map<String, String> otherCells() {
        Map<String, String> values = new LinkedHashMap<>();
        header.otherColumns().forEach((name, index) -> values.put(name, cells[index]));
        return values;
    }
}
