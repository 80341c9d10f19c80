package io.gridcast.jobs;

import io.gridcast.grid.CrrSettlement;
import io.gridcast.grid.CrrSettlementRun;
import io.gridcast.io.Tables;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast settle}: financial settlement of transmission rights. */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Settles financial transmission rights on published prices.",
        subcommands = SettleCommand.Crr.class)
final class SettleCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code settle crr}: hourly CRR payoffs, totals and revenue adequacy. */
    @Command(name = "crr", mixinStandardHelpOptions = true,
            description = {
                "Settles the CRR holdings of a CSV file (holding_id,source,sink,mw,type,"
                        + "start_utc,end_utc) hour by hour on a solved case's LMPs or an ISO's "
                        + "day-ahead prices, and publishes crr_settlement, "
                        + "crr_settlement_totals and, for a case, congestion_rent."})
    static final class Crr implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--holdings", required = true, paramLabel = "FILE|URI",
                description = "CSV file of CRR holdings, local, file: or s3a://.")
        String holdings;

        @ArgGroup(multiplicity = "1")
        Prices prices;

        @Option(names = "--price-basis", paramLabel = "lmp|congestion",
                description = "Price to settle on (default: the crr.price-basis setting of "
                        + "the case or ISO).")
        String priceBasis;

        /** Exactly one price source. */
        static final class Prices {
            @Option(names = "--case", paramLabel = "NAME",
                    description = "Network case whose hourly LMPs compute lmp published.")
            String caseName;

            @Option(names = "--iso", paramLabel = "ISO",
                    description = "ISO whose day-ahead settlement point prices are in "
                            + "price_hourly, e.g. ERCOT; sources and sinks are settlement points.")
            String iso;
        }

        @Override
        public Integer call() {
            CrrSettlement.PriceBasis basis;
            try {
                basis = priceBasis == null ? null
                        : CrrSettlement.PriceBasis.parse(priceBasis, "--price-basis");
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        e.getMessage());
            }
            try (JobContext context = new JobContext("settle-crr", options.settings(), 2,
                    Clock.systemUTC())) {
                context.progress.stage("settle " + holdings);
                CrrSettlementRun.Summary summary = new CrrSettlementRun(context.spark,
                        context.catalog, context.settings, context.runId, context.runTime)
                        .run(holdings, new CrrSettlementRun.PriceSource(prices.caseName,
                                prices.iso), basis);
                context.progress.rows("hourly settlement rows", summary.hourlyRows());
                printTotals(summary);
                System.out.printf("settle crr finished in %.1f s: %s on %s prices, holdings "
                        + "read %d, accepted %d, rejected %d; %d hourly rows, payoff $%,.2f, "
                        + "unpriced holding hours %d%s; tables %s%n",
                        context.progress.elapsedSeconds(), summary.market(),
                        summary.basis().label(), summary.rowsRead(), summary.holdings(),
                        summary.rejected(), summary.hourlyRows(), summary.payoffUsd(),
                        summary.unpricedHours(), adequacy(summary),
                        context.catalog.qualified("{" + Tables.CRR_SETTLEMENT.name() + ","
                                + Tables.CRR_SETTLEMENT_TOTALS.name()
                                + (summary.inadequateHours() >= 0
                                        ? "," + Tables.CONGESTION_RENT.name() : "")
                                + "," + Tables.REJECTS.name() + "}"));
            }
            return 0;
        }

        private static void printTotals(CrrSettlementRun.Summary summary) {
            System.out.printf("%n%s CRR settlement on %s prices%n", summary.market(),
                    summary.basis().label());
            System.out.printf("  %-16s %-14s %-14s %8s %-11s %7s %9s %14s%n", "holding",
                    "source", "sink", "MW", "type", "hours", "unpriced", "payoff $");
            for (Row row : summary.totals()) {
                System.out.printf("  %-16s %-14s %-14s %8.1f %-11s %7d %9d %14.2f%n",
                        row.<String>getAs("holding_id"), row.<String>getAs("source"),
                        row.<String>getAs("sink"), row.<Double>getAs("mw"),
                        row.<String>getAs("holding_type"), row.<Long>getAs("settled_hours"),
                        row.<Long>getAs("unpriced_hours"), row.<Double>getAs("payoff_usd"));
            }
            System.out.println();
        }

        private static String adequacy(CrrSettlementRun.Summary summary) {
            if (summary.inadequateHours() < 0) {
                return "";
            }
            return String.format(", congestion rent $%,.2f, hours with rent below payoffs %d",
                    summary.rentUsd(), summary.inadequateHours());
        }
    }
}
