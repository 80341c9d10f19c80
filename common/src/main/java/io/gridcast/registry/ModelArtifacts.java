package io.gridcast.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressionModel;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Saves a trained XGBoost model under an artifact folder, local or {@code s3a://}:
 * {@code spark-model/} (the Spark ML model, loadable with {@code XGBoostRegressionModel.load})
 * and {@code model.json} (the booster in XGBoost's JSON format, loadable without Spark).
 */
public final class ModelArtifacts {

    public static final String SPARK_MODEL = "spark-model";
    public static final String BOOSTER_JSON = "model.json";

    private ModelArtifacts() {
    }

    /** Writes {@code content} to {@code uri} on any Hadoop file system, replacing a file there. */
    public static void writeFile(String uri, byte[] content, Configuration hadoop) {
        Path path = new Path(uri);
        try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + uri, e);
        }
    }

    public static void save(XGBoostRegressionModel model, String artifactUri,
            Configuration hadoop) {
        try {
            model.write().overwrite().save(artifactUri + "/" + SPARK_MODEL);
            Path booster = new Path(artifactUri + "/" + BOOSTER_JSON);
            FileSystem fs = booster.getFileSystem(hadoop);
            try (OutputStream out = fs.create(booster, true)) {
                out.write(model.nativeBooster().toByteArray("json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save model to " + artifactUri, e);
        } catch (XGBoostError e) {
            throw new IllegalStateException("Cannot serialise booster for " + artifactUri, e);
        }
    }
}
