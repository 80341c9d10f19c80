package io.gridcast.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.ingest.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Packs a registered XGBoost model for SageMaker's built-in XGBoost container, version
 * {@value #CONTAINER_VERSION}: {@code model.tar.gz} holding only {@code xgboost-model}, the
 * booster in XGBoost's JSON format, which XGBoost 1.7 reads by its leading brace. The ordered
 * feature list goes beside the archive, not in it, because the container loads the first file
 * of the model folder (newer releases: every file) as a booster. Requests are CSV rows of the features in that order,
 * without a header, missing values left empty.
 */
public final class SageMakerExport {

    /** Built-in container version the archive is for, XGBoost 1.7. */
    public static final String CONTAINER_VERSION = "1.7-1";
    /** File name the container loads from the model folder. */
    public static final String MODEL_FILE = "xgboost-model";
    public static final String ARCHIVE = "model.tar.gz";
    public static final String FEATURES_FILE = "model-features.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration hadoop;

    public SageMakerExport(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * The files an export wrote.
     *
     * @param archiveUri the {@code model.tar.gz}
     * @param featuresUri the JSON feature list and output description
     * @param features feature names in request order
     * @param logTarget whether the booster predicts the natural log of the target
     */
    public record Result(String archiveUri, String featuresUri, List<String> features,
            boolean logTarget) {
    }

    /**
     * The archive and feature description of one model version, in memory.
     *
     * @param archive the {@code model.tar.gz} bytes
     * @param description the {@code model-features.json} bytes
     * @param features feature names in request order
     * @param logTarget whether the booster predicts the natural log of the target
     */
    public record Package(byte[] archive, byte[] description, List<String> features,
            boolean logTarget) {
    }

    /** Writes the archive and the feature list of {@code version} under {@code folderUri}. */
    public Result export(ModelVersion version, String folderUri) {
        Package exported = pack(version);
        String archive = folderUri + "/" + ARCHIVE;
        ModelArtifacts.writeFile(archive, exported.archive(), hadoop);
        String featuresUri = folderUri + "/" + FEATURES_FILE;
        ModelArtifacts.writeFile(featuresUri, exported.description(), hadoop);
        return new Result(archive, featuresUri, exported.features(), exported.logTarget());
    }

    /** Builds the archive and the feature list of {@code version} without writing them. */
    public Package pack(ModelVersion version) {
        if (version.algorithm() == null || !version.algorithm().contains("xgboost")
                || version.artifactUri() == null) {
            throw new InvalidInputException("Cannot export " + version.modelName() + " v"
                    + version.modelVersion() + " to SageMaker: it is a " + version.algorithm()
                    + " model, and only XGBoost models with a saved booster export");
        }
        byte[] booster = read(new Path(version.artifactUri() + "/" + ModelArtifacts.BOOSTER_JSON));
        List<String> features = features(version);
        boolean logTarget = Boolean.parseBoolean(RegistryJson.flatten(version.parametersJson())
                .getOrDefault("log_target", "false"));
        return new Package(archive(booster), description(version, features, logTarget),
                features, logTarget);
    }

    private static List<String> features(ModelVersion version) {
        try {
            return List.of(JSON.readValue(version.featuresJson(), String[].class));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Cannot read the feature list of "
                    + version.modelName() + " v" + version.modelVersion() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static byte[] description(ModelVersion version, List<String> features,
            boolean logTarget) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("model_name", version.modelName());
        description.put("model_version", version.modelVersion());
        description.put("container", "sagemaker-xgboost:" + CONTAINER_VERSION);
        description.put("content_type", "text/csv");
        description.put("features", features);
        description.put("prediction", logTarget
                ? "natural log of " + version.target() + ": apply exp to the response"
                : version.target());
        return RegistryJson.write(description).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] read(Path path) {
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the booster " + path + ": "
                    + e.getMessage());
        }
    }

    private static byte[] archive(byte[] booster) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(bytes))) {
            TarArchiveEntry entry = new TarArchiveEntry(MODEL_FILE);
            // A fixed time stamp makes the archive a function of the booster alone, so
            // deployments can name it by its hash.
            entry.setModTime(0L);
            entry.setSize(booster.length);
            tar.putArchiveEntry(entry);
            tar.write(booster);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + MODEL_FILE, e);
        }
        return bytes.toByteArray();
    }
}
