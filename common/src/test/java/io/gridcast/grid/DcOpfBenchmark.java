package io.gridcast.grid;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Times the DC OPF on one case and prints Markdown tables. They cover reading and model
 * building, a cold first solve, warm solves at load scales 0.6 to 1.1 and an hourly sequence.
 * The last table shows how far PDLP's own solution lies from the polished one. Run by
 * {@code bench/run-dc-opf.sh}.
 *
 * <p>Arguments: the case file (default: the bundled case_ACTIVSg2000.m) and the number of
 * hourly snapshots (default 1000).
 */
public final class DcOpfBenchmark {

    private static final double[] SCALES = {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0,
        1.05, 1.1};

    private DcOpfBenchmark() {
    }

    public static void main(String[] args) {
        Path caseFile = args.length > 0 ? Path.of(args[0])
                : SampleCases.ROOT.resolve("data/samples/grid/matpower/case_ACTIVSg2000.m");
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 1000;

        long start = System.nanoTime();
        GridNetwork network = MatpowerCaseReader.read(caseFile);
        double readSeconds = seconds(start);
        start = System.nanoTime();
        DcNetworkModel model = new DcNetworkModel(network);
        double modelSeconds = seconds(start);
        DcOptimalPowerFlow opf = new DcOptimalPowerFlow(model);
        double[] baseLoadMw = opf.caseLoadMw();

        System.out.printf("## %s: %d buses, %d branches, %d generators%n%n", network.caseName(),
                network.buses().size(), network.branches().size(), network.generators().size());
        System.out.println("| step | seconds |");
        System.out.println("|---|---|");
        System.out.printf("| read case file | %.3f |%n", readSeconds);
        System.out.printf("| build DC model (susceptance factor) | %.3f |%n", modelSeconds);
        DcOpfResult first = opf.solve(scaled(baseLoadMw, 1.0));
        System.out.printf("| first solve, OR-Tools native libraries loaded on the way | %.3f |%n",
                first.solveSeconds());
        DcOpfResult cold = new DcOptimalPowerFlow(model).solve(scaled(baseLoadMw, 1.0));
        System.out.printf("| cold solve with a new solver on the same model | %.3f |%n%n",
                cold.solveSeconds());

        warmScales(opf, baseLoadMw);
        hourly(opf, baseLoadMw, hours);
        polishGain(model, baseLoadMw);
    }

    private static void warmScales(DcOptimalPowerFlow opf, double[] baseLoadMw) {
        System.out.println("| load scale | status | path | binding branches | rounds | ms "
                + "| objective $/h |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (double scale : SCALES) {
            DcOpfResult result = opf.solve(scaled(baseLoadMw, scale));
            System.out.printf("| %.2f | %s | %s | %d | %d | %.1f | %.2f |%n", scale,
                    result.status(), result.message(), result.bindingBranchCount(),
                    result.iterations(), result.solveSeconds() * 1000,
                    result.objectiveUsdPerHour());
        }
        System.out.println();
    }

    /**
     * Solves a sequence of hours whose load follows a daily shape between 0.6 and 1.1 of the
     * case's load, with ±2 % seeded noise per bus, on one thread.
     */
    private static void hourly(DcOptimalPowerFlow opf, double[] baseLoadMw, int hours) {
        Random random = new Random(20260101L);
        double[] millis = new double[hours];
        int pdlpSolves = 0;
        int failed = 0;
        long start = System.nanoTime();
        for (int hour = 0; hour < hours; hour++) {
            double scale = 0.85 + 0.25 * Math.sin(2 * Math.PI * (hour % 24 - 9) / 24.0);
            double[] loadMw = scaled(baseLoadMw, scale);
            for (int b = 0; b < loadMw.length; b++) {
                loadMw[b] *= 1 + 0.04 * (random.nextDouble() - 0.5);
            }
            DcOpfResult result = opf.solve(loadMw);
            millis[hour] = result.solveSeconds() * 1000;
            pdlpSolves += result.message().startsWith("PDLP") ? 1 : 0;
            failed += result.isOptimal() ? 0 : 1;
        }
        double totalSeconds = seconds(start);
        Arrays.sort(millis);
        System.out.println("| hourly snapshots | not optimal | PDLP needed | mean ms | median ms "
                + "| p95 ms | max ms | 8760 h on one core, s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |%n%n", hours,
                failed, pdlpSolves, totalSeconds * 1000 / hours, millis[hours / 2],
                millis[(int) (hours * 0.95)], millis[hours - 1], totalSeconds / hours * 8760);
    }

    /** Compares PDLP's solution at tolerance 1e-8 with the polished one, both from cold. */
    private static void polishGain(DcNetworkModel model, double[] baseLoadMw) {
        System.out.println("| load scale | PDLP alone ms | PDLP + active set ms "
                + "| max LMP difference $/MWh | max dispatch difference MW "
                + "| objective relative difference |");
        System.out.println("|---|---|---|---|---|---|");
        for (double scale : new double[] {0.6, 0.8, 1.0, 1.1}) {
            double[] loadMw = scaled(baseLoadMw, scale);
            DcOpfResult raw = new DcOptimalPowerFlow(model, false).solve(loadMw);
            DcOpfResult exact = new DcOptimalPowerFlow(model).solve(loadMw);
            System.out.printf("| %.1f | %.1f | %.1f | %.1e | %.1e | %.1e |%n", scale,
                    raw.solveSeconds() * 1000, exact.solveSeconds() * 1000,
                    maxDifference(raw.lmpUsdPerMwh(), exact.lmpUsdPerMwh()),
                    maxDifference(raw.dispatchMw(), exact.dispatchMw()),
                    Math.abs(raw.objectiveUsdPerHour() - exact.objectiveUsdPerHour())
                            / exact.objectiveUsdPerHour());
        }
    }

    private static double[] scaled(double[] loadMw, double scale) {
        double[] result = loadMw.clone();
        for (int b = 0; b < result.length; b++) {
            result[b] *= scale;
        }
        return result;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
