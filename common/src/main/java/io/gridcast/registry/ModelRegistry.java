package io.gridcast.registry;

import static org.apache.spark.sql.functions.col;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.io.Warehouse;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model versions in the {@code model_registry} table, with artifacts under the warehouse.
 *
 * <p>Training the same model on the same input rows with the same parameters and code gives
 * back the version registered before, so re-running a job adds no version.
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final SparkSession spark;
    private final TableCatalog catalog;
    private final String artifactRoot;

    public ModelRegistry(SparkSession spark, TableCatalog catalog, Warehouse warehouse,
            String artifactsFolder) {
        this.spark = spark;
        this.catalog = catalog;
        this.artifactRoot = artifactsFolder.contains(":")
                ? artifactsFolder : warehouse.resolve(artifactsFolder);
    }

    /**
     * Returns the version to register {@code candidate} under: the existing version with the
     * same name, fingerprint, parameters and code version, or one more than the latest.
     */
    public int versionFor(ModelVersion candidate) {
        catalog.ensure(Tables.MODEL_REGISTRY);
        Dataset<Row> versions = catalog.read(Tables.MODEL_REGISTRY.name())
                .filter(col("model_name").equalTo(candidate.modelName()));
        Optional<Integer> same = versions
                .filter(col("input_fingerprint").equalTo(candidate.inputFingerprint())
                        .and(col("parameters_json").equalTo(candidate.parametersJson()))
                        .and(col("code_version").equalTo(candidate.codeVersion())))
                .select("model_version").as(Encoders.INT()).collectAsList().stream().findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        Row latest = versions.agg(org.apache.spark.sql.functions.max("model_version")).first();
        return latest.isNullAt(0) ? 1 : latest.getInt(0) + 1;
    }

    /** Folder of a version's artifacts: {@code <artifacts>/<model name>/v<version>}. */
    public String artifactUri(String modelName, int version) {
        return artifactRoot + "/" + modelName + "/v" + version;
    }

    /** Writes or replaces the registry row of {@code version}, in one commit. */
    public void register(ModelVersion version) {
        Row row = RowFactory.create(version.modelName(), version.modelVersion(),
                version.algorithm(), version.target(), version.iso(), version.zone(),
                version.parametersJson(), version.featuresJson(), version.metricsJson(),
                version.trainStart(), version.trainEnd(), version.validationStart(),
                version.validationEnd(), version.testStart(), version.testEnd(),
                version.inputRows(), version.inputFingerprint(), version.artifactUri(),
                version.codeVersion(), version.libraryVersionsJson(), version.createdAtUtc(),
                version.stage(), version.runId());
        catalog.replace(Tables.MODEL_REGISTRY,
                spark.createDataFrame(List.of(row), Tables.MODEL_REGISTRY.schema()), "false");
        LOG.info("Registered {} version {} at {}", version.modelName(), version.modelVersion(),
                version.artifactUri());
    }
}
