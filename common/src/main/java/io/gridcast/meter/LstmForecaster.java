package io.gridcast.meter;

import java.io.Serializable;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * An LSTM that reads a look-back window of scaled usage and calendar inputs and forecasts the
 * next {@code horizon} intervals at once: stacked LSTM layers, the last one's final time step
 * feeding a linear output layer trained on mean squared error.
 *
 * @param inputs number of inputs per time step
 * @param horizon number of intervals forecast, 1 (next interval) or 96 (next day)
 * @param layers number of stacked LSTM layers
 * @param units units per LSTM layer
 * @param learningRate Adam's step size
 * @param seed seed of the weight initialisation and of the batch order
 */
public record LstmForecaster(int inputs, int horizon, int layers, int units,
        double learningRate, long seed) implements Serializable {

    /** Builds the untrained network. */
    public MultiLayerNetwork network() {
        NeuralNetConfiguration.ListBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(learningRate))
                .list();
        for (int layer = 0; layer < layers; layer++) {
            LSTM lstm = new LSTM.Builder().nIn(layer == 0 ? inputs : units).nOut(units)
                    .activation(Activation.TANH).build();
            builder.layer(layer == layers - 1 ? new LastTimeStep(lstm) : lstm);
        }
        builder.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(units).nOut(horizon).activation(Activation.IDENTITY).build());
        MultiLayerConfiguration configuration = builder.build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /** Trains {@code network} for {@code epochs} passes over {@code windows} in mini-batches. */
    public static void train(MultiLayerNetwork network, DataSet windows, int epochs,
            int batchSize, long seed) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            DataSet shuffled = windows.copy();
            shuffled.shuffle(seed + epoch);
            for (DataSet batch : shuffled.batchBy(batchSize)) {
                network.fit(batch);
            }
        }
    }
}
