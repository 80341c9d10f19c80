package io.gridcast.grid;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.report.Chart;
import io.gridcast.report.Report;
import io.gridcast.report.ReportCharts;
import io.gridcast.report.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Run report sections of a grid run. They show the network, the hours solved, LMPs over the
 * run, and LMPs by bus in the run's most congested hour with the buses of binding branches
 * highlighted. Then come the branches most often at their limit, and CRR payoffs against the
 * congestion rent. Each section reads the run's own rows of the published tables.
 *
 * <p>Not thread-safe.
 */
public final class GridRunReport {

    /** Hours without a solution listed by time. The section counts all of them. */
    static final int LISTED_UNSOLVED_HOURS = 20;
    /** Branches listed and charted, most often binding first. */
    static final int LISTED_BRANCHES = 15;
    /** Holdings listed and charted, largest payoff first. */
    static final int LISTED_HOLDINGS = 40;
    /** Runs of up to this many hours are charted hour by hour, longer runs by operating day. */
    static final int HOURLY_CHART_HOURS = 14 * 24;

    private final TableCatalog catalog;
    private final String caseName;
    private final String runId;
    private final ZoneId marketZone;
    /** Start of each hour of the run without a solution, read once when first needed. */
    private List<Instant> unsolvedHourStarts;

    /**
     * @param caseName case whose rows are reported
     * @param runId run whose rows are reported
     * @param marketZone time zone of the load curve's market, for time axes and day totals
     */
    public GridRunReport(TableCatalog catalog, String caseName, String runId,
            ZoneId marketZone) {
        this.catalog = catalog;
        this.caseName = caseName;
        this.runId = runId;
        this.marketZone = marketZone;
    }

    /** Adds the section "Network": the size of the case that was solved. */
    public void addNetwork(Report report, GridNetwork network, String source) {
        long islands = catalog.read(Tables.GRID_BUS.name())
                .filter(col("case_name").equalTo(caseName)).select("island_id").distinct()
                .count();
        List<GridBranch> inService = network.branches().stream()
                .filter(GridBranch::inService).toList();
        List<GridGenerator> units = network.generators().stream()
                .filter(GridGenerator::inService).toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("case", network.caseName());
        fields.put("source", source);
        fields.put("buses", network.buses().size());
        fields.put("islands", islands);
        fields.put("branches in service", inService.size() + " of " + network.branches().size()
                + ", " + inService.stream().filter(GridBranch::isLimited).count()
                + " with a flow limit");
        fields.put("generators in service", units.size() + " of "
                + network.generators().size() + ", " + megawatts(units.stream()
                .mapToDouble(GridGenerator::maxOutputMw).sum()) + " capacity, "
                + megawatts(units.stream().mapToDouble(GridGenerator::minOutputMw).sum())
                + " minimum output");
        fields.put("case load", megawatts(network.totalDemandMw()));
        report.section("Network").fields(fields);
    }

    /** Adds the section "Hours": hours by outcome, and the hours without a solution. */
    public void addHours(Report report, LmpRun.Summary summary) {
        Report.Section section = report.section("Hours");
        Table outcomes = new Table("hours", "solved", "without a solution", "congested",
                "LMP rows", "mean LMP, $/MWh", "highest LMP, $/MWh",
                "solver time summed over hours, s");
        outcomes.row(summary.hours(), summary.optimal(), summary.unsolved().size(),
                summary.congestedHours(), summary.lmpRows(),
                twoDecimals(summary.meanLmpUsdPerMwh()), twoDecimals(summary.maxLmpUsdPerMwh()),
                seconds(summary.solveSeconds()));
        section.table(outcomes);
        section.paragraph("A congested hour has at least one branch at its flow limit. Hours "
                + "without a solution have no LMP rows; opf_hours keeps them with a reason.");
        if (summary.unsolved().isEmpty()) {
            return;
        }

        Table unsolved = new Table("operating date", "hour ending", "repeated hour",
                "load, MW", "reason");
        ofRun(Tables.OPF_HOURS.name(), "case_name").filter(col("status").notEqual("optimal"))
                .orderBy("interval_start_utc").limit(LISTED_UNSOLVED_HOURS).collectAsList()
                .forEach(hour -> unsolved.row(hour.getAs("operating_date"),
                        hour.getAs("hour_ending"), yesNo(hour.getAs("dst_flag")),
                        twoDecimals(hour.getAs("load_mw")), hour.getAs("reason")));
        section.paragraph("First " + LISTED_UNSOLVED_HOURS + " hours without a solution:");
        section.table(unsolved);
    }

    /** Adds the section "LMPs over the run": lowest and highest bus LMP with the energy price. */
    public void addPriceRange(Report report) {
        List<Row> hourly = ofRun(Tables.LMP.name(), "case_name")
                .groupBy("interval_start_utc")
                .agg(min("lmp_usd_per_mwh"), avg("energy_usd_per_mwh"), max("lmp_usd_per_mwh"))
                .collectAsList();
        Report.Section section = report.section("LMPs over the run");
        if (hourly.isEmpty()) {
            section.paragraph("The run solved no hour.");
            return;
        }

        boolean byDay = hourly.size() > HOURLY_CHART_HOURS;
        Map<String, Map<Instant, Double>> lines = new LinkedHashMap<>();
        lines.put("highest bus LMP", gaps(bucket(hourly, 3, byDay, Math::max), byDay));
        lines.put("energy component, mean over buses", gaps(mean(hourly, 2, byDay), byDay));
        lines.put("lowest bus LMP", gaps(bucket(hourly, 1, byDay, Math::min), byDay));
        section.chart(ReportCharts.timeSeries("LMP range across buses, "
                + (byDay ? "by operating day" : "by hour"), "$/MWh", marketZone, Map.of(),
                lines));
        section.paragraph("Without binding branches every bus of an island has the island's "
                + "energy price, so within one island the gap between the highest and lowest "
                + "LMP is congestion. Islands have separate energy prices."
                + (byDay ? " Each point is a day's extreme or mean over its solved hours."
                        : " Hours without a solution are gaps in the lines."));
    }

    /**
     * Adds the section "Most congested hour": LMPs of every bus in the hour of the largest
     * congestion rent, ordered by price, with the buses at the ends of binding branches
     * highlighted, and the binding branches of that hour.
     */
    public void addMostCongestedHour(Report report) {
        Report.Section section = report.section("Most congested hour");
        List<Row> top = ofRun(Tables.OPF_HOURS.name(), "case_name")
                .filter(col("status").equalTo("optimal"))
                .orderBy(round(col("congestion_rent_usd"), 2).desc(), col("load_mw").desc(),
                        col("interval_start_utc")).limit(1).collectAsList();
        if (top.isEmpty()) {
            section.paragraph("The run solved no hour.");
            return;
        }

        Row hour = top.get(0);
        Instant start = hour.getAs("interval_start_utc");
        List<Row> binding = ofHour(Tables.BRANCH_FLOW.name(), start)
                .filter(col("binding")).orderBy(col("congestion_rent_usd").desc())
                .collectAsList();
        Map<Integer, Double> lmpByBus = lmpByBus(start);
        String label = hour.getAs("operating_date") + " hour ending "
                + hour.getAs("hour_ending") + (Boolean.TRUE.equals(hour.getAs("dst_flag"))
                ? " (repeated)" : "");
        section.paragraph(binding.isEmpty()
                ? "No branch reached its limit in this run: the chart shows the hour of highest "
                        + "load, " + label + ", where every bus of an island has one price."
                : label + ": congestion rent " + usd(hour.getAs("congestion_rent_usd"))
                        + ", load " + megawatts(hour.getAs("load_mw")) + ", binding branches "
                        + binding.size() + ".");
        section.chart(lmpBars(label, lmpByBus, binding));
        if (!binding.isEmpty()) {
            section.table(bindingBranches(binding, lmpByBus));
            section.paragraph("The hour's congestion rent is the sum of flow × LMP difference "
                    + "over every branch, which equals the sum of shadow price × limit over the "
                    + "binding ones. Branches below their limit also carry part of the rent.");
        }
    }

    /** Adds the section "Congested branches": the branches most often at their limit. */
    public void addCongestedBranches(Report report) {
        Column shadowPrice = greatest(col("shadow_price_from_usd_per_mwh"),
                col("shadow_price_to_usd_per_mwh"));
        Dataset<Row> byBranch = ofRun(Tables.BRANCH_FLOW.name(), "case_name")
                .filter(col("binding"))
                .groupBy("branch_index", "from_bus", "to_bus", "rate_a_mw")
                .agg(count(lit(1)).as("hours"), sum("congestion_rent_usd").as("rent"),
                        avg(shadowPrice).as("mean_shadow"), max(shadowPrice).as("max_shadow"));
        List<Row> listed = byBranch.orderBy(col("hours").desc(), col("rent").desc(),
                col("branch_index")).limit(LISTED_BRANCHES).collectAsList();
        Report.Section section = report.section("Congested branches");
        if (listed.isEmpty()) {
            section.paragraph("No branch reached its flow limit in any hour of the run.");
            return;
        }

        Table table = new Table("branch", "from bus", "to bus", "limit, MW", "hours binding",
                "mean shadow price, $/MWh", "highest shadow price, $/MWh",
                "flow × LMP difference in binding hours, $");
        Map<String, Double> hours = new LinkedHashMap<>();
        for (Row branch : listed) {
            table.row(branch.getAs("branch_index"), branch.getAs("from_bus"),
                    branch.getAs("to_bus"), flowLimit(branch.getAs("rate_a_mw")),
                    branch.getAs("hours"), twoDecimals(branch.getAs("mean_shadow")),
                    twoDecimals(branch.getAs("max_shadow")), twoDecimals(branch.getAs("rent")));
            hours.put(branchLabel(branch), ((Long) branch.getAs("hours")).doubleValue());
        }
        section.paragraph("Branches at their flow limit in at least one hour: "
                + byBranch.count() + ". The " + listed.size() + " most often binding:");
        section.chart(ReportCharts.bars("Hours at the flow limit by branch",
                "branch (from bus - to bus, case row)", "hours", Map.of("hours binding", hours)));
        section.table(table);
    }

    /**
     * Adds the section "CRR payoffs": each holding's payoff and, over time, the congestion rent
     * against the payoffs it funds.
     *
     * @param settlement the settlement of this run, or null when no holdings were settled
     */
    public void addCrrPayoffs(Report report, CrrSettlementRun.Summary settlement) {
        Report.Section section = report.section("CRR payoffs");
        if (settlement == null) {
            section.paragraph("No CRR holdings were settled in this run.");
            return;
        }

        section.fields(crrFields(settlement));
        List<Row> holdings = ofRun(Tables.CRR_SETTLEMENT_TOTALS.name(), "market")
                .orderBy(col("payoff_usd").desc(), col("holding_id"))
                .limit(LISTED_HOLDINGS).collectAsList();
        if (holdings.isEmpty()) {
            section.paragraph("No holding was accepted: the rejected rows section lists why.");
            return;
        }
        Map<String, Double> payoffs = new LinkedHashMap<>();
        holdings.forEach(holding -> payoffs.put(holding.getAs("holding_id"),
                holding.getAs("payoff_usd")));
        section.chart(ReportCharts.bars("Payoff by holding", "holding", "$",
                Map.of("payoff", payoffs)));
        section.table(holdingTable(holdings));
        addRentAgainstPayoffs(section);
    }

    private void addRentAgainstPayoffs(Report.Section section) {
        List<Row> hourly = ofRun(Tables.CONGESTION_RENT.name(), "market")
                .select("interval_start_utc", "congestion_rent_usd", "payoff_usd")
                .collectAsList();
        if (hourly.isEmpty()) {
            return;
        }
        boolean byDay = hourly.size() > HOURLY_CHART_HOURS;
        Map<String, Map<Instant, Double>> lines = new LinkedHashMap<>();
        lines.put("congestion rent", gaps(bucket(hourly, 1, byDay, Double::sum), byDay));
        lines.put("CRR payoffs", gaps(bucket(hourly, 2, byDay, Double::sum), byDay));
        section.chart(ReportCharts.timeSeries("Congestion rent and CRR payoffs, "
                + (byDay ? "by operating day" : "by hour"), "$", marketZone, Map.of(), lines));
        section.paragraph("Rent at or above the payoffs in an hour means the rights were fully "
                + "funded in that hour (congestion_rent.adequate).");
    }

    private static Map<String, Object> crrFields(CrrSettlementRun.Summary settlement) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("holdings settled", settlement.holdings() + ", " + settlement.rejected()
                + " rejected of " + settlement.rowsRead() + " rows read");
        fields.put("price basis", settlement.basis().label());
        fields.put("total payoff", usd(settlement.payoffUsd()));
        fields.put("congestion rent", usd(settlement.rentUsd()));
        fields.put("hours with rent below payoffs", settlement.inadequateHours());
        fields.put("holding hours without a price at source or sink",
                settlement.unpricedHours() + " (hours of the holdings' periods outside the "
                        + "solved hours pay nothing)");
        return fields;
    }

    private static Table holdingTable(List<Row> holdings) {
        Table table = new Table("holding", "type", "source", "sink", "MW", "basis",
                "settled hours", "unpriced hours", "payoff, $");
        holdings.forEach(holding -> table.row(holding.getAs("holding_id"),
                holding.getAs("holding_type"), holding.getAs("source"), holding.getAs("sink"),
                twoDecimals(holding.getAs("mw")), holding.getAs("price_basis"),
                holding.getAs("settled_hours"), holding.getAs("unpriced_hours"),
                twoDecimals(holding.getAs("payoff_usd"))));
        return table;
    }

    private Map<Integer, Double> lmpByBus(Instant start) {
        Map<Integer, Double> prices = new TreeMap<>();
        ofHour(Tables.LMP.name(), start).select("bus_id", "lmp_usd_per_mwh").collectAsList()
                .forEach(bus -> prices.put(bus.getInt(0), bus.getDouble(1)));
        return prices;
    }

    private static Chart lmpBars(String hourLabel,
            Map<Integer, Double> lmpByBus, List<Row> binding) {
        Set<String> congestedBuses = new HashSet<>();
        binding.forEach(branch -> {
            congestedBuses.add(String.valueOf((Integer) branch.getAs("from_bus")));
            congestedBuses.add(String.valueOf((Integer) branch.getAs("to_bus")));
        });
        Map<String, Double> ordered = new LinkedHashMap<>();
        lmpByBus.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(bus -> ordered.put(String.valueOf(bus.getKey()), bus.getValue()));
        return ReportCharts.highlightedBars("LMP by bus, " + hourLabel,
                "bus, ordered by LMP (" + lmpByBus.size() + " buses)", "$/MWh", ordered,
                congestedBuses, "bus", "bus at an end of a binding branch");
    }

    private static Table bindingBranches(List<Row> binding, Map<Integer, Double> lmpByBus) {
        Table table = new Table("branch", "from bus", "to bus", "flow, MW", "limit, MW",
                "shadow price, $/MWh", "LMP from, $/MWh", "LMP to, $/MWh",
                "flow × LMP difference, $");
        binding.stream().limit(LISTED_BRANCHES).forEach(branch -> table.row(
                branch.getAs("branch_index"), branch.getAs("from_bus"), branch.getAs("to_bus"),
                twoDecimals(branch.getAs("flow_mw")), flowLimit(branch.getAs("rate_a_mw")),
                twoDecimals(Math.max((Double) branch.getAs("shadow_price_from_usd_per_mwh"),
                        (Double) branch.getAs("shadow_price_to_usd_per_mwh"))),
                twoDecimals(lmpByBus.get((Integer) branch.getAs("from_bus"))),
                twoDecimals(lmpByBus.get((Integer) branch.getAs("to_bus"))),
                twoDecimals(branch.getAs("congestion_rent_usd"))));
        return table;
    }

    private Dataset<Row> ofRun(String table, String caseColumn) {
        return catalog.read(table).filter(col(caseColumn).equalTo(caseName)
                .and(col("run_id").equalTo(runId)));
    }

    private Dataset<Row> ofHour(String table, Instant start) {
        return ofRun(table, "case_name").filter(col("interval_start_utc")
                .equalTo(lit(start)));
    }

    /** Sums or takes extremes of column {@code index} per hour, or per market-local day. */
    private Map<Instant, Double> bucket(List<Row> hourly, int index, boolean byDay,
            BinaryOperator<Double> combine) {
        Map<Instant, Double> values = new TreeMap<>();
        hourly.forEach(row -> values.merge(bucketStart(row.getAs(0), byDay),
                row.getDouble(index), combine));
        return values;
    }

    private Map<Instant, Double> mean(List<Row> hourly, int index, boolean byDay) {
        Map<Instant, Double> sums = bucket(hourly, index, byDay, Double::sum);
        Map<Instant, Double> counts = new TreeMap<>();
        hourly.forEach(row -> counts.merge(bucketStart(row.getAs(0), byDay), 1.0, Double::sum));
        sums.replaceAll((start, total) -> total / counts.get(start));
        return sums;
    }

    /** Adds a null value at each unsolved hour of an hourly series, so its line breaks there. */
    private Map<Instant, Double> gaps(Map<Instant, Double> values, boolean byDay) {
        if (byDay) {
            return values;
        }
        if (unsolvedHourStarts == null) {
            unsolvedHourStarts = ofRun(Tables.OPF_HOURS.name(), "case_name")
                    .filter(col("status").notEqual("optimal")).select("interval_start_utc")
                    .collectAsList().stream().map(hour -> hour.<Instant>getAs(0)).toList();
        }
        unsolvedHourStarts.forEach(start -> values.putIfAbsent(start, null));
        return values;
    }

    private Instant bucketStart(Instant hourStart, boolean byDay) {
        return byDay ? hourStart.atZone(marketZone).toLocalDate().atStartOfDay(marketZone)
                .toInstant() : hourStart;
    }

    private static String branchLabel(Row branch) {
        return branch.getAs("from_bus") + " - " + branch.getAs("to_bus") + " (#"
                + branch.getAs("branch_index") + ")";
    }

    private static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "yes" : "no";
    }

    private static String megawatts(double value) {
        return String.format(Locale.ROOT, "%,.1f MW", value);
    }

    private static String flowLimit(Double rateAMw) {
        return rateAMw == null ? "unlimited" : twoDecimals(rateAMw);
    }

    /** Formats a value with two decimals and thousands separators, or empty for null. */
    private static String twoDecimals(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
