package io.gridcast.grid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The islands of a network and the findings about them, as plain values that need no Spark.
 * {@link GridTopology} computes it.
 *
 * <p>An island is a set of buses connected by in-service branches. Its id is the lowest bus id
 * in it. Only in-service generators count as supply.
 *
 * @param islandByBus island id of every bus, in case order
 * @param islands islands by increasing id
 * @param outOfServiceBranches indexes of the branches switched out
 * @param isolatedBuses buses with no in-service branch to another bus, each its own island
 * @param parallelBranches groups of in-service branches between the same two buses
 */
public record TopologyReport(String caseName, Map<Integer, Integer> islandByBus,
        List<Island> islands, List<Integer> outOfServiceBranches, List<Integer> isolatedBuses,
        List<ParallelBranches> parallelBranches) implements Serializable {

    /** Maximum number of islands or ids listed per report line. The rest are counted. */
    private static final int MAX_LISTED = 10;

    /** Rule that chose the reference bus of an island. */
    public enum ReferenceSource {
        /** The case marks it as reference (bus type REF, 3). */
        CASE,
        /** The island has no marked reference: the bus of its in-service generator with the
         *  largest max_mw, the lowest generator index on a tie. */
        LARGEST_GENERATOR,
        /** The island has neither a marked reference nor a generator: its lowest bus id. */
        LOWEST_BUS
    }

    /**
     * One island.
     *
     * @param islandId lowest bus id of the island
     * @param busIds buses in case order
     * @param loadMw DC demand (load plus shunt) summed over the island's buses
     * @param generatorIndexes in-service generators at the island's buses
     * @param capacityMw max_mw summed over those generators
     * @param markedReferenceBuses buses that the case marks as reference
     * @param referenceBus bus whose voltage angle is 0 in the island's power flow
     */
    public record Island(int islandId, List<Integer> busIds, double loadMw,
            List<Integer> generatorIndexes, double capacityMw, List<Integer> markedReferenceBuses,
            int referenceBus, ReferenceSource referenceSource) implements Serializable {

        public Island {
            busIds = List.copyOf(busIds);
            generatorIndexes = List.copyOf(generatorIndexes);
            markedReferenceBuses = List.copyOf(markedReferenceBuses);
        }

        /** Returns whether some bus of the island has a positive DC demand. */
        public boolean hasLoad() {
            return loadMw > 0.0;
        }

        public boolean hasGenerator() {
            return !generatorIndexes.isEmpty();
        }
    }

    /**
     * In-service branches that connect the same two buses, in either direction.
     *
     * @param busA the lower bus id of the pair
     * @param busB the higher bus id
     * @param branchIndexes the branches, two or more
     */
    public record ParallelBranches(int busA, int busB, List<Integer> branchIndexes)
            implements Serializable {

        public ParallelBranches {
            branchIndexes = List.copyOf(branchIndexes);
        }
    }

    public TopologyReport {
        islandByBus = Collections.unmodifiableMap(new LinkedHashMap<>(islandByBus));
        islands = List.copyOf(islands);
        outOfServiceBranches = List.copyOf(outOfServiceBranches);
        isolatedBuses = List.copyOf(isolatedBuses);
        parallelBranches = List.copyOf(parallelBranches);
    }

    /**
     * Builds the report of {@code network} from the island id of each bus, which a graph
     * library computes.
     *
     * @param islandByBus island id of every bus, in any numbering
     * @throws io.gridcast.ingest.InvalidInputException if the network fails
     *     {@link GridNetwork#checkReferences()}
     * @throws IllegalArgumentException if a bus has no island
     */
    public static TopologyReport of(GridNetwork network, Map<Integer, Integer> islandByBus) {
        network.checkReferences();

        // Renumber islands by their lowest bus id, whatever ids the graph library gave.
        Map<Integer, Integer> lowestBus = new TreeMap<>();
        islandByBus.forEach((bus, island) -> lowestBus.merge(island, bus, Math::min));
        Map<Integer, Integer> islandOf = new LinkedHashMap<>();
        for (GridBus bus : network.buses()) {
            Integer component = islandByBus.get(bus.busId());
            if (component == null) {
                throw new IllegalArgumentException("No island for bus " + bus.busId()
                        + " of case " + network.caseName());
            }
            islandOf.put(bus.busId(), lowestBus.get(component));
        }

        Map<Integer, List<GridBus>> busesByIsland = new TreeMap<>();
        network.buses().forEach(bus -> busesByIsland
                .computeIfAbsent(islandOf.get(bus.busId()), id -> new ArrayList<>()).add(bus));
        Map<Integer, List<GridGenerator>> generatorsByIsland = new TreeMap<>();
        network.generators().stream().filter(GridGenerator::inService)
                .forEach(generator -> generatorsByIsland.computeIfAbsent(
                        islandOf.get(generator.busId()), id -> new ArrayList<>())
                        .add(generator));
        List<Island> islands = busesByIsland.entrySet().stream()
                .map(entry -> island(entry.getKey(), entry.getValue(),
                        generatorsByIsland.getOrDefault(entry.getKey(), List.of())))
                .toList();

        List<Integer> outOfService = network.branches().stream()
                .filter(branch -> !branch.inService()).map(GridBranch::branchIndex).toList();
        List<Integer> isolated = islands.stream().filter(island -> island.busIds().size() == 1)
                .map(Island::islandId).toList();
        return new TopologyReport(network.caseName(), islandOf, islands, outOfService, isolated,
                parallelBranches(network));
    }

    private static Island island(int islandId, List<GridBus> buses,
            List<GridGenerator> generators) {
        List<Integer> marked = buses.stream().filter(GridBus::isReference)
                .map(GridBus::busId).sorted().toList();
        int referenceBus;
        ReferenceSource source;
        if (!marked.isEmpty()) {
            referenceBus = marked.get(0);
            source = ReferenceSource.CASE;
        } else if (!generators.isEmpty()) {
            // Largest max_mw first, then the lowest generator index.
            referenceBus = generators.stream()
                    .max(Comparator.comparingDouble(GridGenerator::maxOutputMw)
                            .thenComparing(GridGenerator::generatorIndex,
                                    Comparator.reverseOrder()))
                    .orElseThrow().busId();
            source = ReferenceSource.LARGEST_GENERATOR;
        } else {
            referenceBus = islandId;
            source = ReferenceSource.LOWEST_BUS;
        }
        return new Island(islandId, buses.stream().map(GridBus::busId).toList(),
                buses.stream().mapToDouble(GridBus::dcDemandMw).sum(),
                generators.stream().map(GridGenerator::generatorIndex).toList(),
                generators.stream().mapToDouble(GridGenerator::maxOutputMw).sum(),
                marked, referenceBus, source);
    }

    private static List<ParallelBranches> parallelBranches(GridNetwork network) {
        Map<List<Integer>, List<Integer>> branchesByPair = new TreeMap<>(
                Comparator.<List<Integer>>comparingInt(pair -> pair.get(0))
                        .thenComparingInt(pair -> pair.get(1)));
        for (GridBranch branch : network.branches()) {
            if (branch.inService()) {
                List<Integer> pair = List.of(Math.min(branch.fromBus(), branch.toBus()),
                        Math.max(branch.fromBus(), branch.toBus()));
                branchesByPair.computeIfAbsent(pair, key -> new ArrayList<>())
                        .add(branch.branchIndex());
            }
        }
        return branchesByPair.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> new ParallelBranches(entry.getKey().get(0),
                        entry.getKey().get(1), entry.getValue()))
                .toList();
    }

    /**
     * Returns the island id of {@code busId}.
     *
     * @throws IllegalArgumentException if the case has no such bus
     */
    public int islandOf(int busId) {
        Integer island = islandByBus.get(busId);
        if (island == null) {
            throw new IllegalArgumentException("Bus not found in case " + caseName + ": " + busId);
        }
        return island;
    }

    /**
     * Returns the island with id {@code islandId}.
     *
     * @throws IllegalArgumentException if there is no such island
     */
    public Island island(int islandId) {
        return islands.stream().filter(island -> island.islandId() == islandId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Island not found in case " + caseName + ": " + islandId));
    }

    /** Returns the reference bus of the island of {@code busId}. */
    public int referenceBusOf(int busId) {
        return island(islandOf(busId)).referenceBus();
    }

    public List<Island> islandsWithoutLoad() {
        return islands.stream().filter(island -> !island.hasLoad()).toList();
    }

    public List<Island> islandsWithoutGenerator() {
        return islands.stream().filter(island -> !island.hasGenerator()).toList();
    }

    /** Returns the islands where the case marks no reference bus. */
    public List<Island> islandsWithoutReference() {
        return islands.stream().filter(island -> island.markedReferenceBuses().isEmpty())
                .toList();
    }

    /** Returns the islands where the case marks more than one reference bus. */
    public List<Island> islandsWithSeveralReferences() {
        return islands.stream().filter(island -> island.markedReferenceBuses().size() > 1)
                .toList();
    }

    /** Returns the in-service generators whose island has no load, by index. */
    public List<Integer> generatorsInIslandsWithoutLoad() {
        return islandsWithoutLoad().stream().flatMap(island -> island.generatorIndexes().stream())
                .sorted().toList();
    }

    /** Formats the report as lines for a terminal: islands first, then each finding. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();

        // One line per island, up to MAX_LISTED.
        lines.add(islands.size() + (islands.size() == 1 ? " island" : " islands"));
        islands.stream().limit(MAX_LISTED).forEach(island -> lines.add(String.format(
                "  island %d: %d %s (%s), load %.1f MW, %d in-service %s (%.1f MW), "
                        + "reference bus %d (%s)", island.islandId(), island.busIds().size(),
                island.busIds().size() == 1 ? "bus" : "buses", ids(island.busIds()),
                island.loadMw(), island.generatorIndexes().size(),
                island.generatorIndexes().size() == 1 ? "generator" : "generators",
                island.capacityMw(), island.referenceBus(), describe(island.referenceSource()))));
        if (islands.size() > MAX_LISTED) {
            lines.add("  ... and " + (islands.size() - MAX_LISTED) + " more islands");
        }

        // One line per finding, "none" when there is nothing to report.
        lines.add("out-of-service branches: " + ids(outOfServiceBranches));
        lines.add("isolated buses: " + ids(isolatedBuses));
        lines.add("islands without load: " + islandIds(islandsWithoutLoad()));
        lines.add("in-service generators in islands without load: "
                + ids(generatorsInIslandsWithoutLoad()));
        lines.add("islands without a generator: " + islandIds(islandsWithoutGenerator()));
        lines.add("islands without a reference bus in the case: "
                + islandIds(islandsWithoutReference()));
        lines.add("islands with several reference buses in the case: "
                + islandIds(islandsWithSeveralReferences()));
        lines.add("parallel branches: " + (parallelBranches.isEmpty() ? "none"
                : parallelBranches.stream().limit(MAX_LISTED)
                        .map(group -> "buses " + group.busA() + "-" + group.busB()
                                + " (branches " + ids(group.branchIndexes()) + ")")
                        .collect(Collectors.joining(", "))
                        + (parallelBranches.size() > MAX_LISTED ? ", ... and "
                                + (parallelBranches.size() - MAX_LISTED) + " more pairs" : "")));
        return lines;
    }

    private static String describe(ReferenceSource source) {
        return switch (source) {
            case CASE -> "marked in the case";
            case LARGEST_GENERATOR -> "largest generator, none marked in the case";
            case LOWEST_BUS -> "lowest bus id, no generator and none marked in the case";
        };
    }

    private static String islandIds(List<Island> selected) {
        return ids(selected.stream().map(Island::islandId).toList());
    }

    private static String ids(List<Integer> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        String listed = ids.stream().limit(MAX_LISTED).map(String::valueOf)
                .collect(Collectors.joining(", "));
        return ids.size() > MAX_LISTED ? listed + ", ... and " + (ids.size() - MAX_LISTED)
                + " more" : listed;
    }
}
