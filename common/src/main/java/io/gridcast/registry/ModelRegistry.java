package io.gridcast.registry;

import static org.apache.spark.sql.functions.col;

import io.gridcast.ingest.InvalidInputException;
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
 * <p>A training run registers a new version unless the registry already contains the same model:
 * same name, parameters, features, input fingerprint and code version, and metrics equal to 6
 * significant digits (Spark may sum in another order from run to run). Runs on the
 * same input rows share the input fingerprint, so {@code model_registry} shows which versions
 * saw the same data.
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

    /** Folder of a version's artifacts: {@code <artifacts>/<model name>/v<version>}. */
    public String artifactUri(String modelName, int version) {
        return artifactRoot + "/" + modelName + "/v" + version;
    }

    /**
     * Registers {@code candidate} as the next version of its model, its artifact written first
     * by {@code saveArtifact} (given the artifact folder, or null for a model without one),
     * unless the registry already contains the same model: then returns that version and writes
     * nothing, so re-running a training job never duplicates a version.
     */
    public ModelVersion registerOnce(ModelVersion candidate,
            java.util.function.Consumer<String> saveArtifact) {
        List<ModelVersion> versions = versions(candidate.modelName());
        java.util.Optional<ModelVersion> same = versions.stream()
                .filter(version -> sameModel(version, candidate)).findFirst();
        if (same.isPresent()) {
            LOG.info("{} is already registered as version {}: not registered again",
                    candidate.modelName(), same.get().modelVersion());
            return same.get();
        }
        // Versions count from 1; a registered version is never rewritten.
        int version = versions.isEmpty() ? 1
                : versions.get(versions.size() - 1).modelVersion() + 1;
        String artifact = saveArtifact == null ? null
                : artifactUri(candidate.modelName(), version);
        if (saveArtifact != null) {
            saveArtifact.accept(artifact);
        }
        ModelVersion registered = candidate.withVersion(version, artifact);
        register(registered);
        return registered;
    }

    private static boolean sameModel(ModelVersion a, ModelVersion b) {
        return java.util.Objects.equals(a.parametersJson(), b.parametersJson())
                && java.util.Objects.equals(a.featuresJson(), b.featuresJson())
                && RegistryJson.flatten(a.metricsJson()).equals(
                        RegistryJson.flatten(b.metricsJson()))
                && java.util.Objects.equals(a.inputFingerprint(), b.inputFingerprint())
                && java.util.Objects.equals(a.codeVersion(), b.codeVersion());
    }

    /** Returns the versions of {@code modelName}, or of all models if null, in order. */
    public List<ModelVersion> versions(String modelName) {
        if (!spark.catalog().tableExists(catalog.qualified(Tables.MODEL_REGISTRY.name()))) {
            return List.of();
        }
        Dataset<Row> rows = catalog.read(Tables.MODEL_REGISTRY.name());
        if (modelName != null) {
            rows = rows.filter(col("model_name").equalTo(modelName));
        }
        return rows.orderBy("model_name", "model_version").collectAsList().stream()
                .map(ModelRegistry::toVersion).toList();
    }

    /**
     * Returns version {@code version} of {@code modelName}, or its latest if null.
     *
     * @throws InvalidInputException naming the model and the versions there are
     */
    public ModelVersion version(String modelName, Integer version) {
        List<ModelVersion> versions = versions(modelName);
        if (versions.isEmpty()) {
            throw new InvalidInputException("Model not found: " + modelName
                    + " (gridcast models list shows the registered models)");
        }
        if (version == null) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.modelVersion() == version).findFirst()
                .orElseThrow(() -> new InvalidInputException("Version not found: "
                        + modelName + ":" + version + " (registered versions 1 to "
                        + versions.get(versions.size() - 1).modelVersion() + ")"));
    }

    /**
     * Marks {@code version} of {@code modelName} production and its other versions candidate,
     * in one commit, so readers never see two production versions or none.
     */
    public void promote(String modelName, int version) {
        version(modelName, version);
        spark.sql("UPDATE " + catalog.qualified(Tables.MODEL_REGISTRY.name())
                + " SET stage = CASE WHEN model_version = " + version
                + " THEN 'production' ELSE 'candidate' END WHERE model_name = "
                + TableCatalog.sqlString(modelName));
        LOG.info("Promoted {} version {} to production", modelName, version);
    }

    private static ModelVersion toVersion(Row row) {
        return new ModelVersion(row.getAs("model_name"), row.<Integer>getAs("model_version"),
                row.getAs("algorithm"), row.getAs("target"), row.getAs("iso"), row.getAs("zone"),
                row.getAs("parameters_json"), row.getAs("features_json"),
                row.getAs("metrics_json"), localDate(row, "train_start"),
                localDate(row, "train_end"), localDate(row, "validation_start"),
                localDate(row, "validation_end"), localDate(row, "test_start"),
                localDate(row, "test_end"), row.<Long>getAs("input_rows"),
                row.getAs("input_fingerprint"), row.getAs("artifact_uri"),
                row.getAs("code_version"), row.getAs("library_versions_json"),
                instant(row, "created_at_utc"), row.getAs("stage"), row.getAs("run_id"));
    }

    private static java.time.LocalDate localDate(Row row, String column) {
        Object value = row.getAs(column);
        return value instanceof java.sql.Date date ? date.toLocalDate()
                : (java.time.LocalDate) value;
    }

    private static java.time.Instant instant(Row row, String column) {
        Object value = row.getAs(column);
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : (java.time.Instant) value;
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
