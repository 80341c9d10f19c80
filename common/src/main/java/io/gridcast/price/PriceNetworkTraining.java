package io.gridcast.price;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fits a price network on scaled days and forecasts with it: early stopping for the first
 * training, a fixed number of epochs for warm-start retraining. Batches are drawn in an order
 * fixed by the seed, so that equal inputs give equal networks.
 */
final class PriceNetworkTraining {

    /** Builds a network's inputs for the given days from scaled series of earlier days. */
    @FunctionalInterface
    interface InputBuilder {
        INDArray[] inputs(ScaledPriceDays scaled, int[] days);
    }

    private final ComputationGraph network;
    private final PriceNetworkOptions options;
    private final ScaledPriceDays scaled;
    private final InputBuilder inputBuilder;

    PriceNetworkTraining(ComputationGraph network, PriceNetworkOptions options,
            ScaledPriceDays scaled, InputBuilder inputBuilder) {
        this.network = network;
        this.options = options;
        this.scaled = scaled;
        this.inputBuilder = inputBuilder;
    }

    /**
     * Trains on days {@code [fromDay, toDay)}, holding out the last validation fraction of
     * them, and keeps the weights of the epoch with the lowest validation MAE.
     *
     * @return the epoch whose weights were kept, counted from 1
     */
    int fitWithEarlyStopping(int fromDay, int toDay,
            DayAheadPriceForecaster.ProgressListener progress) {
        int validationDays = (int) Math.round((toDay - fromDay) * options.validationFraction());
        int trainingEnd = toDay - validationDays;
        int[] trainingDays = IntStream.range(fromDay, trainingEnd).toArray();
        Random batchOrder = new Random(options.seed() * 31 + toDay);
        if (validationDays == 0) {
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                fitEpoch(trainingDays, batchOrder);
                progress.progress("training", epoch + 1, options.epochs());
            }
            return options.epochs();
        }

        double bestMaePerMwh = Double.POSITIVE_INFINITY;
        INDArray bestParameters = network.params().dup();
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= options.epochs()
                && epoch - bestEpoch <= options.patienceEpochs(); epoch++) {
            fitEpoch(trainingDays, batchOrder);
            double maePerMwh = maePerMwh(trainingEnd, toDay);
            if (maePerMwh < bestMaePerMwh) {
                bestMaePerMwh = maePerMwh;
                bestParameters = network.params().dup();
                bestEpoch = epoch;
            }
            progress.progress("training", epoch, options.epochs());
        }
        network.setParams(bestParameters);
        return bestEpoch;
    }

    /** Continues training for {@code epochs} passes over days {@code [fromDay, toDay)}. */
    void fitEpochs(int fromDay, int toDay, int epochs) {
        int[] trainingDays = IntStream.range(fromDay, toDay).toArray();
        Random batchOrder = new Random(options.seed() * 31 + toDay);
        for (int epoch = 0; epoch < epochs; epoch++) {
            fitEpoch(trainingDays, batchOrder);
        }
    }

    /** Forecasts days {@code [fromDay, toDay)}, [day - fromDay][hour], per MWh. */
    double[][] forecastPerMwh(int fromDay, int toDay) {
        int[] days = IntStream.range(fromDay, toDay).toArray();
        INDArray output = network.output(false, inputBuilder.inputs(scaled, days))[0];
        double[][] forecasts = new double[days.length][PriceDays.HOURS];
        for (int i = 0; i < days.length; i++) {
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                forecasts[i][hour] = scaled.priceScaler().unscale(output.getDouble(i, hour));
            }
        }
        return forecasts;
    }

    private double maePerMwh(int fromDay, int toDay) {
        double[][] forecasts = forecastPerMwh(fromDay, toDay);
        double sum = 0;
        for (int day = fromDay; day < toDay; day++) {
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                sum += Math.abs(forecasts[day - fromDay][hour]
                        - scaled.days().pricePerMwh()[day][hour]);
            }
        }
        return sum / ((toDay - fromDay) * PriceDays.HOURS);
    }

    private void fitEpoch(int[] days, Random batchOrder) {
        int[] shuffled = days.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = batchOrder.nextInt(i + 1);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        for (int start = 0; start < shuffled.length; start += options.batchSize()) {
            int end = Math.min(start + options.batchSize(), shuffled.length);
            int[] batch = Arrays.copyOfRange(shuffled, start, end);
            network.fit(batch(batch));
        }
    }

    private MultiDataSet batch(int[] days) {
        float[] labels = new float[days.length * PriceDays.HOURS];
        float[] weights = new float[days.length];
        for (int i = 0; i < days.length; i++) {
            ScaledPriceDays.putDay(labels, i * PriceDays.HOURS, scaled.price(), days[i]);
            weights[i] = (float) scaled.lossWeight(days[i], options.spikeWeight());
        }
        INDArray labelArray = Nd4j.create(labels, new long[] {days.length, PriceDays.HOURS});
        INDArray[] labelMasks = options.spikeWeight() == 0 ? null
                : new INDArray[] {Nd4j.create(weights, new long[] {days.length, 1})};
        return new MultiDataSet(inputBuilder.inputs(scaled, days), new INDArray[] {labelArray},
                null, labelMasks);
    }
}
