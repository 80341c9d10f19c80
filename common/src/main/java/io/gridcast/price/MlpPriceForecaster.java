package io.gridcast.price;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multilayer perceptron that forecasts the 24 prices of day d from the inputs of the LEAR
 * model ({@link LearFeatures}). These are the prices of days d-1, d-2, d-3 and d-7 (96
 * inputs), both exogenous series of days d, d-1 and d-7 (144) and the day of the week of d
 * as a one-hot code (7), 247 in all. Two
 * ReLU hidden layers with dropout feed a linear output of 24 values.
 *
 * <p>Prices and exogenous series pass through the asinh-median transform
 * ({@link AsinhMedianScaler}) fitted on the training days; the outputs are transformed back.
 * Standardising instead would let a few spikes set the scale, squeezing normal days into a
 * narrow band, whereas asinh keeps normal days linear and compresses spikes logarithmically.
 *
 * <p>Spikes: the loss is the mean absolute error on the transformed prices. Compared with the
 * squared error, a spike day no longer dominates the gradient, so the network does not bend
 * its fit of normal days towards a few extremes, yet because asinh is monotonic every spike
 * still pulls its forecast in the right direction. With
 * {@link PriceNetworkOptions#spikeWeight()} above 0, days with a wide price range also get a
 * larger loss weight, so spike days count more than their share of the training days.
 */
public final class MlpPriceForecaster extends NeuralPriceForecaster {

    /** Number of inputs: 96 lagged prices, 144 exogenous values, 7 day-of-week values. */
    public static final int INPUTS = 4 * PriceDays.HOURS + 6 * PriceDays.HOURS
            + ScaledPriceDays.DAY_OF_WEEK_INPUTS;

    /** Day lags of the price inputs. */
    private static final int[] PRICE_LAGS_DAYS = {1, 2, 3, 7};

    /** Day lags of the exogenous inputs, where 0 is the day being forecast. */
    private static final int[] EXOGENOUS_LAGS_DAYS = {0, 1, 7};

    /** Builds a forecaster with {@code options}. */
    public MlpPriceForecaster(PriceNetworkOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    ComputationGraph network() {
        double retain = 1 - options.dropout();
        ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .weightInit(WeightInit.RELU)
                .updater(new Adam(options.learningRate()))
                .l2(options.l2())
                .graphBuilder()
                .addInputs("features")
                .setInputTypes(InputType.feedForward(INPUTS))
                .addLayer("hidden1", new DenseLayer.Builder().nOut(options.hiddenUnits())
                        .activation(Activation.RELU).build(), "features")
                .addLayer("hidden2", new DenseLayer.Builder().nOut(options.hiddenUnits())
                        .activation(Activation.RELU).dropOut(retain).build(), "hidden1")
                .addLayer("price", new OutputLayer.Builder(
                        LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR).nOut(PriceDays.HOURS)
                        .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)
                        .dropOut(retain).build(), "hidden2")
                .setOutputs("price")
                .build();
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        return network;
    }

    @Override
    INDArray[] inputs(ScaledPriceDays scaled, int[] days) {
        float[] features = new float[days.length * INPUTS];
        float[] row = new float[INPUTS];
        for (int i = 0; i < days.length; i++) {
            Arrays.fill(row, 0);
            putFeatures(scaled, days[i], row);
            System.arraycopy(row, 0, features, i * INPUTS, INPUTS);
        }
        return new INDArray[] {Nd4j.create(features, new long[] {days.length, INPUTS})};
    }

    @Override
    int firstInputDay() {
        return Arrays.stream(PRICE_LAGS_DAYS).max().orElseThrow();
    }

    private static void putFeatures(ScaledPriceDays scaled, int day, float[] row) {
        int offset = 0;
        for (int lag : PRICE_LAGS_DAYS) {
            ScaledPriceDays.putDay(row, offset, scaled.price(), day - lag);
            offset += PriceDays.HOURS;
        }
        for (int lag : EXOGENOUS_LAGS_DAYS) {
            ScaledPriceDays.putDay(row, offset, scaled.exogenous1(), day - lag);
            ScaledPriceDays.putDay(row, offset + PriceDays.HOURS, scaled.exogenous2(), day - lag);
            offset += 2 * PriceDays.HOURS;
        }
        scaled.putDayOfWeek(row, offset, day);
    }
}
