package io.gridcast.price;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A convolutional LSTM that forecasts the 24 prices of day d. A 1-D convolution with kernel
 * and stride 24 hours turns each of the past {@code lookBackDays} days (d-L to d-1, three
 * channels: price and both exogenous series) into one vector of {@code convFilters} values;
 * an LSTM reads these vectors in date order. Its last output is joined with the inputs known
 * for day d (both exogenous series, 48 values, the day of the week as a one-hot code, 7, and
 * the sine and cosine of the day of the year, 2) and passes through a ReLU hidden layer with
 * dropout to a linear output of 24 values.
 *
 * <p>Scaling and loss are those of {@link MlpPriceForecaster}: the asinh-median transform
 * fitted on the training days, the mean absolute error on transformed prices, and optional
 * extra weight for days with a wide price range.
 */
public final class CnnLstmPriceForecaster extends NeuralPriceForecaster {

    /** Channels of each past hour: price, first and second exogenous series. */
    public static final int HISTORY_CHANNELS = 3;

    /** Inputs known for day d: 48 exogenous values, 7 day-of-week, 2 day-of-year values. */
    public static final int DAY_INPUTS = 2 * PriceDays.HOURS
            + ScaledPriceDays.DAY_OF_WEEK_INPUTS + 2;

    /** Mean length of a year in days, the period of the day-of-year inputs. */
    private static final double DAYS_PER_YEAR = 365.25;

    /** Builds a forecaster with {@code options}. */
    public CnnLstmPriceForecaster(PriceNetworkOptions options) {
        super(options);
    }

    @Override
    public String name() {
        return "cnn-lstm";
    }

    @Override
    ComputationGraph network() {
        int historyHours = options.lookBackDays() * PriceDays.HOURS;
        ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(options.learningRate()))
                .l2(options.l2())
                .graphBuilder()
                .addInputs("history", "day")
                .setInputTypes(InputType.recurrent(HISTORY_CHANNELS, historyHours),
                        InputType.feedForward(DAY_INPUTS))
                .addLayer("daily", new Convolution1DLayer.Builder()
                        .kernelSize(PriceDays.HOURS).stride(PriceDays.HOURS)
                        .convolutionMode(ConvolutionMode.Truncate).nOut(options.convFilters())
                        .activation(Activation.RELU).build(), "history")
                .addLayer("lstm", new LastTimeStep(new LSTM.Builder()
                        .nOut(options.lstmUnits()).activation(Activation.TANH).build()), "daily")
                .addVertex("merge", new MergeVertex(), "lstm", "day")
                .addLayer("hidden", new DenseLayer.Builder().nOut(options.hiddenUnits())
                        .activation(Activation.RELU).weightInit(WeightInit.RELU).build(),
                        "merge")
                .addLayer("price", new OutputLayer.Builder(
                        LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR).nOut(PriceDays.HOURS)
                        .activation(Activation.IDENTITY).dropOut(1 - options.dropout())
                        .build(), "hidden")
                .setOutputs("price")
                .build();
        ComputationGraph network = new ComputationGraph(configuration);
        network.init();
        return network;
    }

    @Override
    INDArray[] inputs(ScaledPriceDays scaled, int[] days) {
        int lookBack = options.lookBackDays();
        int historyHours = lookBack * PriceDays.HOURS;
        float[] history = new float[days.length * HISTORY_CHANNELS * historyHours];
        float[] dayInputs = new float[days.length * DAY_INPUTS];
        for (int i = 0; i < days.length; i++) {
            int day = days[i];
            int base = i * HISTORY_CHANNELS * historyHours;
            for (int step = 0; step < lookBack; step++) {
                int pastDay = day - lookBack + step;
                int offset = base + step * PriceDays.HOURS;
                ScaledPriceDays.putDay(history, offset, scaled.price(), pastDay);
                ScaledPriceDays.putDay(history, offset + historyHours, scaled.exogenous1(),
                        pastDay);
                ScaledPriceDays.putDay(history, offset + 2 * historyHours, scaled.exogenous2(),
                        pastDay);
            }
            putDayInputs(scaled, day, dayInputs, i * DAY_INPUTS);
        }
        return new INDArray[] {
            Nd4j.create(history, new long[] {days.length, HISTORY_CHANNELS, historyHours}),
            Nd4j.create(dayInputs, new long[] {days.length, DAY_INPUTS})};
    }

    @Override
    int firstInputDay() {
        return options.lookBackDays();
    }

    private static void putDayInputs(ScaledPriceDays scaled, int day, float[] row, int offset) {
        ScaledPriceDays.putDay(row, offset, scaled.exogenous1(), day);
        ScaledPriceDays.putDay(row, offset + PriceDays.HOURS, scaled.exogenous2(), day);
        int calendar = offset + 2 * PriceDays.HOURS;
        scaled.putDayOfWeek(row, calendar, day);
        double angle = 2 * Math.PI * scaled.days().date(day).getDayOfYear() / DAYS_PER_YEAR;
        row[calendar + ScaledPriceDays.DAY_OF_WEEK_INPUTS] = (float) Math.sin(angle);
        row[calendar + ScaledPriceDays.DAY_OF_WEEK_INPUTS + 1] = (float) Math.cos(angle);
    }
}
