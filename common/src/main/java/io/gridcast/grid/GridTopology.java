package io.gridcast.grid;

import io.gridcast.ingest.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Finds the islands of a network with Spark GraphX: buses are vertices, in-service branches
 * are edges, and the islands are the graph's connected components. This class contains all
 * of gridcast's GraphX code, so another graph library (such as GraphFrames) can replace it here.
 */
public final class GridTopology {

    private static final ClassTag<Integer> INTEGER_TAG = ClassTag$.MODULE$.apply(Integer.class);

    /**
     * Maximum number of graph partitions. A transmission network is small data for Spark, so
     * more partitions would only add task overhead.
     */
    private static final int MAX_PARTITIONS = 4;

    private GridTopology() {
    }

    /**
     * Computes the islands of {@code network} and the report about them.
     *
     * @throws InvalidInputException if two buses share an id, or a branch or generator names a
     *     bus that the case does not have
     */
    public static TopologyReport analyze(SparkSession spark, GridNetwork network) {
        // GraphX would add a missing bus as a vertex of its own, so check the ids first.
        network.checkReferences();
        return TopologyReport.of(network, connectedComponents(spark, network));
    }

    /**
     * Returns the component of every bus: the lowest vertex id (bus id) connected to it through
     * in-service branches, as GraphX's {@code connectedComponents} labels them.
     */
    static Map<Integer, Integer> connectedComponents(SparkSession spark, GridNetwork network) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, Math.min(MAX_PARTITIONS, context.defaultParallelism()));
        List<Tuple2<Object, Integer>> vertices = network.buses().stream()
                .map(bus -> new Tuple2<Object, Integer>((long) bus.busId(), bus.busId()))
                .toList();
        List<Edge<Integer>> edges = network.branches().stream()
                .filter(GridBranch::inService)
                .map(branch -> new Edge<>(branch.fromBus(), branch.toBus(),
                        branch.branchIndex()))
                .toList();

        Graph<Integer, Integer> graph = Graph.apply(
                context.parallelize(vertices, partitions).rdd(),
                context.parallelize(edges, partitions).rdd(), 0,
                StorageLevel.MEMORY_ONLY(), StorageLevel.MEMORY_ONLY(), INTEGER_TAG, INTEGER_TAG);
        Graph<Object, Integer> components = graph.ops().connectedComponents();
        try {
            Map<Integer, Integer> componentByBus = new HashMap<>();
            for (Tuple2<Object, Object> vertex : components.vertices().toJavaRDD().collect()) {
                componentByBus.put(((Long) vertex._1()).intValue(),
                        ((Long) vertex._2()).intValue());
            }
            return componentByBus;
        } finally {
            components.unpersist(false);
            graph.unpersist(false);
        }
    }
}
