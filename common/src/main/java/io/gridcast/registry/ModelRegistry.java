package io.gridcast.registry;

import static org.apache.spark.sql.functions.col;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.io.Warehouse;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model versions in the {@code model_registry} table, with artifacts under the warehouse.
 *
 * <p>Each training run registers a new version; runs on the same input rows share the input
 * fingerprint, so {@code model_registry} shows which versions saw the same data.
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
     * Returns the next version of {@code modelName}: one more than the latest registered, or 1.
     * Every training run gets its own version, so a registered version is never rewritten.
     */
    public int nextVersion(String modelName) {
        catalog.ensure(Tables.MODEL_REGISTRY);
        Row latest = catalog.read(Tables.MODEL_REGISTRY.name())
                .filter(col("model_name").equalTo(modelName))
                .agg(org.apache.spark.sql.functions.max("model_version")).first();
        return latest.isNullAt(0) ? 1 : latest.getInt(0) + 1;
    }

    /** Folder of a version's artifacts: {@code <artifacts>/<model name>/v<version>}. */
    public String artifactUri(String modelName, int version) {
        return artifactRoot + "/" + modelName + "/v" + version;
    }

    /** Writes the registry row of {@code version}, in one commit. */
    public void register(ModelVersion version) {
        Row row = RowFactory.create(version.modelName(), version.modelVersion(),
                version.algorithm(), version.target(), version.iso(), version.zone(),
                version.parametersJson(), version.featuresJson(), version.metricsJson(),
                version.trainStart(), version.trainEnd(), version.validationStart(),
                version.validationEnd(), version.testStart(), version.testEnd(),
                version.inputRows(), version.inputFingerprint(), version.artifactUri(),
                version.codeVersion(), version.libraryVersionsJson(), version.createdAtUtc(),
                version.stage(), version.runId());
        catalog.append(Tables.MODEL_REGISTRY,
                spark.createDataFrame(List.of(row), Tables.MODEL_REGISTRY.schema()));
        LOG.info("Registered {} version {}{}", version.modelName(), version.modelVersion(),
                version.artifactUri() == null ? "" : " at " + version.artifactUri());
    }
}
