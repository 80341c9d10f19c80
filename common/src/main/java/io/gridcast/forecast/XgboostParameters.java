package io.gridcast.forecast;

import io.gridcast.config.Settings;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XGBoost hyperparameters of the load models, read from {@code gridcast.xgboost.*}.
 *
 * @param numWorkers Spark tasks that train together; at most the executor cores available
 * @param nthread threads per worker
 * @param numRound maximum boosting rounds
 * @param earlyStoppingRounds rounds without improvement of validation RMSE before stopping
 * @param eta learning rate
 * @param seed random seed, recorded with the model
 */
public record XgboostParameters(int numWorkers, int nthread, int numRound,
        int earlyStoppingRounds, double eta, int maxDepth, double minChildWeight,
        double subsample, double colsampleBytree, long seed) implements Serializable {

    public XgboostParameters {
        require(numWorkers >= 1, "num-workers", numWorkers);
        require(nthread >= 1, "nthread", nthread);
        require(numRound >= 1, "num-round", numRound);
        require(earlyStoppingRounds >= 1, "early-stopping-rounds", earlyStoppingRounds);
        require(eta > 0 && eta <= 1, "eta", eta);
        require(maxDepth >= 1, "max-depth", maxDepth);
        require(subsample > 0 && subsample <= 1, "subsample", subsample);
        require(colsampleBytree > 0 && colsampleBytree <= 1, "colsample-bytree", colsampleBytree);
    }

    private static void require(boolean valid, String key, Object value) {
        if (!valid) {
            throw new IllegalArgumentException("Invalid setting gridcast.xgboost." + key + ": "
                    + value);
        }
    }

    public static XgboostParameters from(Settings settings) {
        return new XgboostParameters(
                settings.integer("xgboost.num-workers"),
                settings.integer("xgboost.nthread"),
                settings.integer("xgboost.num-round"),
                settings.integer("xgboost.early-stopping-rounds"),
                settings.number("xgboost.eta"),
                settings.integer("xgboost.max-depth"),
                settings.number("xgboost.min-child-weight"),
                settings.number("xgboost.subsample"),
                settings.number("xgboost.colsample-bytree"),
                settings.integer("xgboost.seed"));
    }

    /** Returns the parameters under XGBoost's own names, for the registry. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("objective", "reg:squarederror");
        map.put("eval_metric", "rmse");
        map.put("num_workers", numWorkers);
        map.put("nthread", nthread);
        map.put("num_round", numRound);
        map.put("early_stopping_rounds", earlyStoppingRounds);
        map.put("eta", eta);
        map.put("max_depth", maxDepth);
        map.put("min_child_weight", minChildWeight);
        map.put("subsample", subsample);
        map.put("colsample_bytree", colsampleBytree);
        map.put("tree_method", "hist");
        map.put("seed", seed);
        return map;
    }
}
