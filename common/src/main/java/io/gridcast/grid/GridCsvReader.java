package io.gridcast.grid;

import io.gridcast.ingest.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a network written by hand as CSV files: {@code buses.csv}, {@code branches.csv},
 * {@code generators.csv} and, optionally, {@code case.csv} with the MVA base. The README's
 * "Grid networks" section lists the columns.
 *
 * <p>A network is read whole or not at all, because a dropped branch or generator would change
 * the flows and prices of every other element. The reader checks every file and raises one
 * {@link InvalidInputException} that lists each problem with its file, line and column.
 */
public final class GridCsvReader {

    public static final String BUSES_FILE = "buses.csv";
    public static final String BRANCHES_FILE = "branches.csv";
    public static final String GENERATORS_FILE = "generators.csv";
    public static final String CASE_FILE = "case.csv";

    /** System MVA base when there is no {@code case.csv}, as in MATPOWER's cases. */
    public static final double DEFAULT_BASE_MVA = 100.0;

    /** Maximum number of problems listed in the error message. The rest are counted. */
    private static final int MAX_LISTED_PROBLEMS = 20;

    private static final List<String> BUS_REQUIRED = List.of("bus_id", "load_mw");
    private static final List<String> BUS_OPTIONAL =
            List.of("name", "type", "shunt_mw", "area", "base_kv");
    private static final List<String> BRANCH_REQUIRED =
            List.of("from_bus", "to_bus", "reactance_pu");
    private static final List<String> BRANCH_OPTIONAL =
            List.of("rate_a_mw", "tap_ratio", "phase_shift_degrees", "in_service");
    private static final List<String> GENERATOR_REQUIRED = List.of("bus_id", "max_mw");
    private static final List<String> GENERATOR_OPTIONAL = List.of("min_mw",
            "offer_usd_per_mwh", "c2_usd_per_mw2h", "c1_usd_per_mwh", "c0_usd_per_h",
            "in_service");
    private static final List<String> POLYNOMIAL_COLUMNS =
            List.of("c2_usd_per_mw2h", "c1_usd_per_mwh", "c0_usd_per_h");

    /**
     * The text of one CSV file.
     *
     * @param sourceName file name or URI that error messages give
     */
    public record CsvText(String sourceName, String text) {
    }

    /** A bus row before its type is settled: the type defaults by the generators at the bus. */
    private record BusRow(int busId, String name, Integer type, double loadMw, double shuntMw,
            int area, double baseKv) {
    }

    private GridCsvReader() {
    }

    /**
     * Parses the files of one network. Branches and generators are numbered from 1 in file
     * order, as a MATPOWER case numbers its rows.
     *
     * @param caseFile the contents of {@code case.csv}, or null for the default MVA base
     * @throws InvalidInputException listing every problem found, each with its file, line and
     *     column
     */
    public static GridNetwork read(String caseName, CsvText buses, CsvText branches,
            CsvText generators, CsvText caseFile) {
        List<String> problems = new ArrayList<>();
        GridCsvFile busFile = GridCsvFile.parse(buses, BUS_REQUIRED, BUS_OPTIONAL, problems);
        GridCsvFile branchFile =
                GridCsvFile.parse(branches, BRANCH_REQUIRED, BRANCH_OPTIONAL, problems);
        GridCsvFile generatorFile =
                GridCsvFile.parse(generators, GENERATOR_REQUIRED, GENERATOR_OPTIONAL, problems);

        // Every valid bus id counts, even on a row with another invalid cell, so that such a
        // row does not add a problem to every branch and generator at the bus.
        Set<Integer> busIds = new HashSet<>();
        List<BusRow> busRows = readBuses(busFile, busIds, problems);
        List<GridBranch> branchList = readBranches(branchFile, busIds, busFile.fileName());
        List<GridGenerator> generatorList =
                readGenerators(generatorFile, busIds, busFile.fileName());
        double baseMva = caseFile == null ? DEFAULT_BASE_MVA : readBaseMva(caseFile, problems);

        if (!problems.isEmpty()) {
            throw new InvalidInputException(describe(caseName, problems));
        }
        Set<Integer> generatorBuses = new HashSet<>();
        generatorList.forEach(generator -> generatorBuses.add(generator.busId()));
        List<GridBus> busList = busRows.stream()
                .map(row -> new GridBus(row.busId(), row.name(), row.type() != null ? row.type()
                        : generatorBuses.contains(row.busId()) ? 2 : 1, row.loadMw(),
                        row.shuntMw(), row.area(), row.baseKv()))
                .toList();
        return new GridNetwork(caseName, baseMva, busList, branchList, generatorList);
    }

    private static List<BusRow> readBuses(GridCsvFile file, Set<Integer> busIds,
            List<String> problems) {
        List<BusRow> buses = new ArrayList<>();
        Map<Integer, Integer> lineOfBus = new HashMap<>();
        for (GridCsvFile.Row row : file.rows()) {
            Integer busId = row.id("bus_id");
            Integer type = busType(row);
            Double loadMw = row.number("load_mw", 0.0);
            Double shuntMw = row.number("shunt_mw", 0.0);
            Integer area = row.integer("area", 1);
            Double baseKv = row.number("base_kv", 0.0);
            if (baseKv != null && baseKv < 0) {
                row.problem("base_kv", "negative voltage " + baseKv);
                baseKv = null;
            }
            if (busId != null) {
                Integer firstLine = lineOfBus.putIfAbsent(busId, row.lineNumber());
                if (firstLine != null) {
                    row.problem("bus_id", "bus " + busId + " is already on line " + firstLine);
                    continue;
                }
                busIds.add(busId);
            }
            if (busId != null && loadMw != null && shuntMw != null && area != null
                    && baseKv != null) {
                buses.add(new BusRow(busId, row.text("name"), type, loadMw, shuntMw, area,
                        baseKv));
            }
        }
        if (file.rows().isEmpty() && file.hasColumn("bus_id")) {
            problems.add(file.sourceName() + ": no buses");
        }
        return buses;
    }

    /**
     * Returns the MATPOWER bus type of the row's {@code type} cell: PQ (1), PV (2), REF (3) or
     * ISOLATED (4), by name or number. Returns null when the cell is empty or invalid.
     */
    private static Integer busType(GridCsvFile.Row row) {
        String cell = row.text("type").toUpperCase(Locale.ROOT);
        Integer type = switch (cell) {
            case "" -> null;
            case "PQ", "1" -> 1;
            case "PV", "2" -> 2;
            case "REF", "3" -> GridBus.REFERENCE;
            case "ISOLATED", "4" -> GridBus.ISOLATED;
            default -> {
                row.problem("type", "invalid bus type '" + row.text("type")
                        + "' (PQ, PV, REF or ISOLATED expected)");
                yield null;
            }
        };
        return type;
    }

    private static List<GridBranch> readBranches(GridCsvFile file, Set<Integer> busIds,
            String busFileName) {
        List<GridBranch> branches = new ArrayList<>();
        for (GridCsvFile.Row row : file.rows()) {
            Integer fromBus = knownBus(row, "from_bus", busIds, busFileName);
            Integer toBus = knownBus(row, "to_bus", busIds, busFileName);
            if (fromBus != null && fromBus.equals(toBus)) {
                row.problem("to_bus", "branch from bus " + fromBus + " to itself");
                toBus = null;
            }
            Double reactancePu = row.number("reactance_pu");
            if (reactancePu != null && reactancePu == 0.0) {
                row.problem("reactance_pu", "zero reactance (the DC model divides by it)");
                reactancePu = null;
            }
            Double rateAMw = row.number("rate_a_mw", Double.POSITIVE_INFINITY);
            if (rateAMw != null && rateAMw <= 0) {
                row.problem("rate_a_mw", "limit " + rateAMw + " MW is not positive (leave the"
                        + " cell empty for an unlimited branch)");
                rateAMw = null;
            }
            Double tapRatio = row.number("tap_ratio", 1.0);
            if (tapRatio != null && tapRatio <= 0) {
                row.problem("tap_ratio", "tap ratio " + tapRatio + " is not positive");
                tapRatio = null;
            }
            Double phaseShiftDegrees = row.number("phase_shift_degrees", 0.0);
            Boolean inService = row.flag("in_service", true);
            if (fromBus != null && toBus != null && reactancePu != null && rateAMw != null
                    && tapRatio != null && phaseShiftDegrees != null && inService != null) {
                branches.add(new GridBranch(branches.size() + 1, fromBus, toBus, reactancePu,
                        tapRatio, phaseShiftDegrees, rateAMw, inService));
            }
        }
        return branches;
    }

    private static List<GridGenerator> readGenerators(GridCsvFile file, Set<Integer> busIds,
            String busFileName) {
        List<GridGenerator> generators = new ArrayList<>();
        for (GridCsvFile.Row row : file.rows()) {
            Integer busId = knownBus(row, "bus_id", busIds, busFileName);
            Double minMw = row.number("min_mw", 0.0);
            Double maxMw = row.number("max_mw");
            if (minMw != null && maxMw != null && minMw > maxMw) {
                row.problem("max_mw", "max_mw " + maxMw + " is below min_mw " + minMw);
                maxMw = null;
            }
            GeneratorCost cost = cost(row);
            Boolean inService = row.flag("in_service", true);
            if (busId != null && minMw != null && maxMw != null && cost != null
                    && inService != null) {
                generators.add(new GridGenerator(generators.size() + 1, busId, minMw, maxMw,
                        inService, cost));
            }
        }
        return generators;
    }

    /**
     * Returns the row's cost: a constant offer price, or the polynomial c2·P² + c1·P + c0
     * with empty coefficients read as 0. A zero c2 is dropped, so a linear cost stays linear
     * for the solver. Null, with a problem added, unless exactly one of the two forms is given.
     */
    private static GeneratorCost cost(GridCsvFile.Row row) {
        boolean polynomial = POLYNOMIAL_COLUMNS.stream().anyMatch(column -> !row.isEmpty(column));
        boolean offer = !row.isEmpty("offer_usd_per_mwh");
        if (offer == polynomial) {
            row.problem("offer_usd_per_mwh", offer
                    ? "both an offer price and cost coefficients given (give one of them)"
                    : "missing cost (give offer_usd_per_mwh or the coefficients "
                            + String.join(", ", POLYNOMIAL_COLUMNS) + ")");
            return null;
        }
        if (offer) {
            Double price = row.number("offer_usd_per_mwh");
            return price == null ? null : GeneratorCost.offerPrice(price);
        }
        Double c2 = row.number("c2_usd_per_mw2h", 0.0);
        Double c1 = row.number("c1_usd_per_mwh", 0.0);
        Double c0 = row.number("c0_usd_per_h", 0.0);
        if (c2 == null || c1 == null || c0 == null) {
            return null;
        }
        double[] coefficients = c2 == 0.0 ? new double[] {c1, c0} : new double[] {c2, c1, c0};
        return new GeneratorCost(coefficients, new double[0], new double[0], 0.0);
    }

    private static Integer knownBus(GridCsvFile.Row row, String column, Set<Integer> busIds,
            String busFileName) {
        Integer busId = row.id(column);
        if (busId != null && !busIds.contains(busId)) {
            row.problem(column, "bus " + busId + " is not in " + busFileName);
            return null;
        }
        return busId;
    }

    private static double readBaseMva(CsvText caseFile, List<String> problems) {
        GridCsvFile file = GridCsvFile.parse(caseFile, List.of("base_mva"), List.of(), problems);
        if (file.rows().size() != 1) {
            if (file.hasColumn("base_mva")) {
                problems.add(file.sourceName() + ": expected one data row, found "
                        + file.rows().size());
            }
            return DEFAULT_BASE_MVA;
        }
        GridCsvFile.Row row = file.rows().get(0);
        Double baseMva = row.number("base_mva");
        if (baseMva != null && baseMva <= 0) {
            row.problem("base_mva", "base " + baseMva + " MVA is not positive");
        }
        return baseMva == null ? DEFAULT_BASE_MVA : baseMva;
    }

    private static String describe(String caseName, List<String> problems) {
        StringBuilder message = new StringBuilder("Invalid grid network " + caseName + ": "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " (fix the files and re-run)");
        problems.stream().limit(MAX_LISTED_PROBLEMS)
                .forEach(problem -> message.append("\n  ").append(problem));
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            message.append("\n  ... and ").append(problems.size() - MAX_LISTED_PROBLEMS)
                    .append(" more");
        }
        return message.toString();
    }
}
