package io.gridcast.price;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The forecasts of a neural price forecaster's walk-forward run and the network as trained at
 * its end, ready to save with its settings in the model registry.
 *
 * @param model forecaster name, e.g. {@code mlp}
 * @param forecastsPerMwh forecasts, [day - firstTestDay][hour], in the currency of the input
 *     per MWh
 * @param network the network after the last retraining
 * @param options the settings as registry parameters
 * @param trainingTime time spent fitting, first training and retrainings together
 * @param bestEpoch epochs of the first training whose weights were kept by early stopping
 * @param scalers the input and output transforms fitted on the training days, by series
 *     ({@code price}, {@code exogenous_1}, {@code exogenous_2}): the network reads and
 *     writes transformed values
 */
public record PriceNetworkResult(String model, double[][] forecastsPerMwh,
        ComputationGraph network, Map<String, String> options, Duration trainingTime,
        int bestEpoch, Map<String, AsinhMedianScaler> scalers) {

    /**
     * Writes the network with its updater state in DL4J's model format, which
     * {@code ModelSerializer.restoreComputationGraph} reads back.
     */
    public void writeNetwork(OutputStream out) throws IOException {
        ModelSerializer.writeModel(network, out, true);
    }
}
