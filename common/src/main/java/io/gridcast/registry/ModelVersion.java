package io.gridcast.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code model_registry}: what a model is, what it was trained on, and where its
 * artifact lives. JSON fields are serialised already.
 */
public record ModelVersion(
        String modelName,
        int modelVersion,
        String algorithm,
        String target,
        String iso,
        String zone,
        String parametersJson,
        String featuresJson,
        String metricsJson,
        LocalDate trainStart,
        LocalDate trainEnd,
        LocalDate validationStart,
        LocalDate validationEnd,
        LocalDate testStart,
        LocalDate testEnd,
        long inputRows,
        String inputFingerprint,
        String artifactUri,
        String codeVersion,
        String libraryVersionsJson,
        Instant createdAtUtc,
        String stage,
        String runId) {

    public ModelVersion withVersion(int version, String artifact) {
        return new ModelVersion(modelName, version, algorithm, target, iso, zone, parametersJson,
                featuresJson, metricsJson, trainStart, trainEnd, validationStart, validationEnd,
                testStart, testEnd, inputRows, inputFingerprint, artifact, codeVersion,
                libraryVersionsJson, createdAtUtc, stage, runId);
    }
}
