package io.gridcast.forecast;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressionModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an XGBoost regressor across Spark workers with early stopping on a validation set.
 *
 * <p>Features are assembled into dense vectors with missing values as NaN, which XGBoost treats
 * as missing. Sparse vectors would turn zeros into missing values as well.
 */
public final class XgboostTrainer {

    public static final String FEATURES_COL = "features";
    public static final String PREDICTION_COL = "predicted_mw";

    private static final Logger LOG = LoggerFactory.getLogger(XgboostTrainer.class);

    private final XgboostParameters parameters;

    public XgboostTrainer(XgboostParameters parameters) {
        this.parameters = parameters;
    }

    /** A trained model with the feature columns it expects and its stopping round. */
    public record TrainedModel(XGBoostRegressionModel model, List<String> featureCols,
            int bestIteration, double validationRmse) {

        /** Adds {@code predicted_mw} to {@code rows}. */
        public Dataset<Row> predict(Dataset<Row> rows) {
            return model.transform(withFeatures(rows, featureCols)).drop(FEATURES_COL);
        }
    }

    /**
     * Fits on {@code training}, stopping when RMSE on {@code validation} stops improving.
     * {@code validation} must come from the end of the training period, never from the test.
     *
     * @param orderCol column that orders rows uniquely within a partition key, e.g. the
     *     interval start; rows reach the workers in this order so that row sampling with the
     *     seed gives the same model on every run
     */
    public TrainedModel fit(Dataset<Row> training, Dataset<Row> validation,
            List<String> featureCols, String labelCol, String orderCol) {
        XGBoostRegressor regressor = regressor(labelCol);
        regressor.setEvalSets(new scala.collection.immutable.Map.Map1<>("validation",
                withFeatures(inFixedOrder(validation, orderCol), featureCols)));

        XGBoostRegressionModel model =
                regressor.fit(withFeatures(inFixedOrder(training, orderCol), featureCols));

        int bestIteration = Integer.parseInt(attribute(model, "best_iteration", "-1"));
        double bestScore = Double.parseDouble(attribute(model, "best_score", "NaN"));
        LOG.info("XGBoost trained on {} features: best iteration {}, "
                + "validation RMSE {} (in units of the training label)",
                featureCols.size(), bestIteration, String.format("%.4g", bestScore));
        return new TrainedModel(model, featureCols, bestIteration, bestScore);
    }

    /**
     * Spreads {@code rows} over one partition per worker by hash of {@code orderCol} and sorts
     * each partition. Shuffles upstream may deliver rows in any order, and XGBoost's row
     * sampling depends on it.
     */
    private Dataset<Row> inFixedOrder(Dataset<Row> rows, String orderCol) {
        return rows.repartition(parameters.numWorkers(), col(orderCol))
                .sortWithinPartitions(col(orderCol));
    }

    private XGBoostRegressor regressor(String labelCol) {
        XGBoostRegressor regressor = new XGBoostRegressor();
        regressor.setFeaturesCol(FEATURES_COL);
        regressor.setLabelCol(labelCol);
        regressor.setPredictionCol(PREDICTION_COL);
        regressor.setObjective("reg:squarederror");
        regressor.setEvalMetric("rmse");
        regressor.setTreeMethod("hist");
        regressor.setNumWorkers(parameters.numWorkers());
        regressor.setNthread(parameters.nthread());
        regressor.setNumRound(parameters.numRound());
        regressor.setNumEarlyStoppingRounds(parameters.earlyStoppingRounds());
        regressor.setMaximizeEvaluationMetrics(false);
        regressor.setEta(parameters.eta());
        regressor.setMaxDepth(parameters.maxDepth());
        regressor.setMinChildWeight(parameters.minChildWeight());
        regressor.setSubsample(parameters.subsample());
        regressor.setColsampleBytree(parameters.colsampleBytree());
        regressor.setSeed(parameters.seed());
        regressor.setMissing(Float.NaN);
        return regressor;
    }

    private static String attribute(XGBoostRegressionModel model, String name, String absent) {
        try {
            String value = model.nativeBooster().getAttr(name);
            return value == null ? absent : value;
        } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
            throw new IllegalStateException("Cannot read booster attribute " + name, e);
        }
    }

    /** Adds a dense {@code features} vector of {@code featureCols}, nulls as NaN. */
    public static Dataset<Row> withFeatures(Dataset<Row> rows, List<String> featureCols) {
        Column[] values = featureCols.stream()
                .map(name -> coalesce(col(name).cast("double"), lit(Double.NaN)))
                .toArray(Column[]::new);
        return rows.withColumn(FEATURES_COL,
                org.apache.spark.ml.functions.array_to_vector(array(values)));
    }
}
