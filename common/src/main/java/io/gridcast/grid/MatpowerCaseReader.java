package io.gridcast.grid;

import io.gridcast.grid.MatpowerSyntax.CaseText;
import io.gridcast.grid.MatpowerSyntax.Field;
import io.gridcast.grid.MatpowerSyntax.Row;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads MATPOWER case files (case format version 2, as MATPOWER's {@code caseformat} help
 * defines it) into a {@link GridNetwork}.
 *
 * <p>Uses {@code mpc.baseMVA}, {@code mpc.bus} (at least 13 columns), {@code mpc.gen} (at
 * least 21), {@code mpc.branch} (at least 13), {@code mpc.gencost} and the optional
 * {@code mpc.bus_name}. Other fields (result columns, {@code gentype}, {@code genfuel} and the
 * like) are parsed and ignored. As MATPOWER does, the reader treats a branch {@code RATE_A} of 0
 * as unlimited and a {@code TAP} of 0 as a ratio of 1. {@code GS} is taken as MW drawn at
 * 1 p.u. voltage.
 * {@code mpc.gencost} has one row per generator, or two when the second half gives reactive
 * power costs, which the DC model ignores.
 */
public final class MatpowerCaseReader {

    static final int BUS_COLUMNS = 13;
    static final int GEN_COLUMNS = 21;
    static final int BRANCH_COLUMNS = 13;

    private static final int BUS_I = 0;
    private static final int BUS_TYPE = 1;
    private static final int PD = 2;
    private static final int GS = 4;
    private static final int BUS_AREA = 6;
    private static final int BASE_KV = 9;

    private static final int GEN_BUS = 0;
    private static final int GEN_STATUS = 7;
    private static final int PMAX = 8;
    private static final int PMIN = 9;

    private static final int F_BUS = 0;
    private static final int T_BUS = 1;
    private static final int BR_X = 3;
    private static final int RATE_A = 5;
    private static final int TAP = 8;
    private static final int SHIFT = 9;
    private static final int BR_STATUS = 10;

    private static final int MODEL = 0;
    private static final int STARTUP = 1;
    private static final int NCOST = 3;
    private static final int COST = 4;
    private static final int PIECEWISE_LINEAR = 1;
    private static final int POLYNOMIAL = 2;

    /** A decimal literal. Unlike Double.parseDouble it rejects hex, NaN and "1d" or "1f". */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String sourceName;
    private final CaseText text;

    private MatpowerCaseReader(String sourceName, CaseText text) {
        this.sourceName = sourceName;
        this.text = text;
    }

    /**
     * Reads the case in {@code caseText}.
     *
     * @param caseText the contents of a MATPOWER {@code .m} case file
     * @param sourceName file name or URI, used in error messages and, when the file has no
     *     {@code function} line, as the case name
     * @throws InvalidInputException naming {@code sourceName}, the line and what is invalid
     */
    public static GridNetwork read(String caseText, String sourceName) {
        MatpowerCaseReader reader = new MatpowerCaseReader(sourceName,
                MatpowerSyntax.parse(caseText, sourceName));
        return reader.network();
    }

    /**
     * Reads the case file at {@code location}: a local path, a {@code file:} URI or an
     * {@code s3a://} URI, through Hadoop's file systems.
     *
     * @throws InvalidInputException if the file cannot be read or is not a valid case
     */
    public static GridNetwork read(Configuration hadoop, String location) {
        String uri = Warehouse.toUri(location);
        Path path = new Path(uri);
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), uri);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read MATPOWER case " + uri + ": " + e, e);
        }
    }

    /** Reads the case file at a local {@code path}. */
    public static GridNetwork read(java.nio.file.Path path) {
        try {
            return read(java.nio.file.Files.readString(path), path.toString());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read MATPOWER case " + path + ": " + e, e);
        }
    }

    private GridNetwork network() {
        checkVersion();
        double baseMva = baseMva();
        List<GridBus> buses = buses();
        Set<Integer> busIds = new HashSet<>();
        buses.forEach(bus -> busIds.add(bus.busId()));
        List<GridBranch> branches = branches(busIds);
        List<GridGenerator> generators = generators(busIds);
        return new GridNetwork(caseName(), baseMva, buses, branches, generators);
    }

    private String caseName() {
        if (!text.functionName().isEmpty()) {
            return text.functionName();
        }
        String name = sourceName.substring(sourceName.lastIndexOf('/') + 1);
        return name.endsWith(".m") ? name.substring(0, name.length() - 2) : name;
    }

    private void checkVersion() {
        Field version = required("version");
        String value = version.rows().get(0).cells().get(0);
        if (!value.equals("2")) {
            throw invalid(version.lineNumber(), "unsupported mpc.version '" + value
                    + "', expected '2' (MATPOWER case format version 2)");
        }
    }

    private double baseMva() {
        Field field = required("baseMVA");
        double baseMva = number(field.rows().get(0), 0, "baseMVA");
        if (!(baseMva > 0) || field.rows().size() != 1 || field.rows().get(0).cells().size() != 1) {
            throw invalid(field.lineNumber(), "mpc.baseMVA must be one positive number");
        }
        return baseMva;
    }

    private List<GridBus> buses() {
        List<Row> rows = matrix("bus", BUS_COLUMNS);
        List<String> names = busNames(rows.size());
        List<GridBus> buses = new ArrayList<>(rows.size());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int busId = positiveInteger(row, BUS_I, "bus number BUS_I");
            if (!seen.add(busId)) {
                throw invalid(row.lineNumber(), "duplicate bus number " + busId);
            }
            int type = integer(row, BUS_TYPE, "bus type");
            if (type < 1 || type > GridBus.ISOLATED) {
                throw invalid(row.lineNumber(), "bus " + busId + " has type " + type
                        + ", expected 1 (PQ), 2 (PV), 3 (reference) or 4 (isolated)");
            }
            buses.add(new GridBus(busId, names.get(i), type, number(row, PD, "PD"),
                    number(row, GS, "GS"), integer(row, BUS_AREA, "BUS_AREA"),
                    number(row, BASE_KV, "BASE_KV")));
        }
        return buses;
    }

    private List<String> busNames(int busCount) {
        Field field = text.fields().get("bus_name");
        List<String> names = new ArrayList<>(busCount);
        if (field == null) {
            for (int i = 0; i < busCount; i++) {
                names.add("");
            }
            return names;
        }
        if (field.rows().size() != busCount) {
            throw invalid(field.lineNumber(), "mpc.bus_name has " + field.rows().size()
                    + " rows, expected one per bus (" + busCount + ")");
        }
        for (Row row : field.rows()) {
            if (row.cells().size() != 1) {
                throw invalid(row.lineNumber(), "mpc.bus_name row has " + row.cells().size()
                        + " entries, expected 1");
            }
            names.add(row.cells().get(0));
        }
        return names;
    }

    private List<GridBranch> branches(Set<Integer> busIds) {
        List<Row> rows = matrix("branch", BRANCH_COLUMNS);
        List<GridBranch> branches = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int fromBus = knownBus(row, F_BUS, "from bus F_BUS", busIds);
            int toBus = knownBus(row, T_BUS, "to bus T_BUS", busIds);
            boolean inService = number(row, BR_STATUS, "BR_STATUS") > 0;
            double reactancePu = number(row, BR_X, "BR_X");
            if (inService && reactancePu == 0) {
                throw invalid(row.lineNumber(), "branch " + fromBus + "-" + toBus
                        + " is in service with reactance BR_X 0, which has no DC model");
            }
            double rateA = number(row, RATE_A, "RATE_A");
            if (rateA < 0) {
                throw invalid(row.lineNumber(), "branch " + fromBus + "-" + toBus
                        + " has negative RATE_A " + rateA + " MW");
            }
            double tap = number(row, TAP, "TAP");
            branches.add(new GridBranch(i + 1, fromBus, toBus, reactancePu,
                    tap == 0 ? 1.0 : tap, number(row, SHIFT, "SHIFT"),
                    rateA == 0 ? Double.POSITIVE_INFINITY : rateA, inService));
        }
        return branches;
    }

    private List<GridGenerator> generators(Set<Integer> busIds) {
        List<Row> rows = matrix("gen", GEN_COLUMNS);
        List<GeneratorCost> costs = costs(rows.size());
        List<GridGenerator> generators = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            generators.add(new GridGenerator(i + 1, knownBus(row, GEN_BUS, "GEN_BUS", busIds),
                    number(row, PMIN, "PMIN"), number(row, PMAX, "PMAX"),
                    number(row, GEN_STATUS, "GEN_STATUS") > 0, costs.get(i)));
        }
        return generators;
    }

    private List<GeneratorCost> costs(int generatorCount) {
        List<Row> rows = matrix("gencost", COST);
        Field field = text.fields().get("gencost");
        if (rows.size() != generatorCount && rows.size() != 2 * generatorCount) {
            throw invalid(field.lineNumber(), "mpc.gencost has " + rows.size()
                    + " rows, expected one per generator (" + generatorCount + ")");
        }
        List<GeneratorCost> costs = new ArrayList<>(generatorCount);
        for (int i = 0; i < generatorCount; i++) {
            costs.add(cost(rows.get(i)));
        }
        return costs;
    }

    private GeneratorCost cost(Row row) {
        int model = integer(row, MODEL, "cost MODEL");
        int count = integer(row, NCOST, "NCOST");
        double startupUsd = number(row, STARTUP, "STARTUP");
        if (model == POLYNOMIAL) {
            checkWidth(row, count, "coefficients", 1);
            return new GeneratorCost(values(row, COST, count), new double[0], new double[0],
                    startupUsd);
        }
        if (model == PIECEWISE_LINEAR) {
            checkWidth(row, 2 * count, "values (NCOST points)", 2);
            double[] pointsMw = new double[count];
            double[] pointsUsd = new double[count];
            for (int i = 0; i < count; i++) {
                pointsMw[i] = number(row, COST + 2 * i, "point output");
                pointsUsd[i] = number(row, COST + 2 * i + 1, "point cost");
                if (i > 0 && !(pointsMw[i] > pointsMw[i - 1])) {
                    throw invalid(row.lineNumber(), "piecewise-linear cost points must have "
                            + "increasing output, but point " + (i + 1) + " is " + pointsMw[i]
                            + " MW after " + pointsMw[i - 1] + " MW");
                }
            }
            return new GeneratorCost(new double[0], pointsMw, pointsUsd, startupUsd);
        }
        throw invalid(row.lineNumber(), "unknown cost MODEL " + model
                + ", expected 1 (piecewise linear) or 2 (polynomial)");
    }

    private void checkWidth(Row row, int needed, String what, int minimum) {
        if (needed < minimum || row.cells().size() < COST + needed) {
            throw invalid(row.lineNumber(), "gencost row needs " + needed + " " + what
                    + " after its 4 leading columns, but has " + (row.cells().size() - COST)
                    + " (NCOST " + row.cells().get(NCOST) + ")");
        }
    }

    private double[] values(Row row, int from, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = number(row, from + i, "cost coefficient");
        }
        return values;
    }

    private List<Row> matrix(String name, int minColumns) {
        Field field = required(name);
        if (field.isText()) {
            throw invalid(field.lineNumber(), "mpc." + name + " must be a numeric matrix");
        }
        if (field.rows().isEmpty()) {
            throw invalid(field.lineNumber(), "mpc." + name + " has no rows");
        }
        int columns = field.rows().get(0).cells().size();
        for (Row row : field.rows()) {
            if (row.cells().size() != columns) {
                throw invalid(row.lineNumber(), "mpc." + name + " row has "
                        + row.cells().size() + " columns, but its first row has " + columns);
            }
        }
        if (columns < minColumns) {
            throw invalid(field.lineNumber(), "mpc." + name + " has " + columns
                    + " columns, expected at least " + minColumns);
        }
        return field.rows();
    }

    private Field required(String name) {
        Field field = text.fields().get(name);
        if (field == null) {
            throw new InvalidInputException("Invalid MATPOWER case " + sourceName + ": missing mpc."
                    + name);
        }
        return field;
    }

    private int knownBus(Row row, int column, String what, Set<Integer> busIds) {
        int busId = positiveInteger(row, column, what);
        if (!busIds.contains(busId)) {
            throw invalid(row.lineNumber(), what + " " + busId + " is not in mpc.bus");
        }
        return busId;
    }

    private int positiveInteger(Row row, int column, String what) {
        int value = integer(row, column, what);
        if (value <= 0) {
            throw invalid(row.lineNumber(), what + " must be a positive integer, found " + value);
        }
        return value;
    }

    private int integer(Row row, int column, String what) {
        double value = number(row, column, what);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw invalid(row.lineNumber(), what + " must be an integer, found " + value);
        }
        return (int) value;
    }

    private double number(Row row, int column, String what) {
        String cell = row.cells().get(column);
        double value;
        try {
            value = parseNumber(cell);
        } catch (NumberFormatException e) {
            throw invalid(row.lineNumber(), what + " (column " + (column + 1)
                    + ") is not a number: '" + cell + "'");
        }
        if (Double.isNaN(value)) {
            throw invalid(row.lineNumber(), what + " (column " + (column + 1) + ") is NaN");
        }
        return value;
    }

    /** Parses a MATLAB number literal, including {@code Inf} and {@code -Inf}. */
    private static double parseNumber(String cell) {
        String unsigned = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
        if (unsigned.equals("Inf") || unsigned.equals("inf")) {
            return cell.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new NumberFormatException(cell);
        }
        return Double.parseDouble(cell);
    }

    private InvalidInputException invalid(int lineNumber, String message) {
        return MatpowerSyntax.invalid(sourceName, lineNumber, message);
    }
}
