package io.gridcast.meter;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class LstmForecasterTest {

    @Test
    void learnsNextValueOfSineWave() {
        int lookBack = 24;
        int windows = 400;
        INDArray features = Nd4j.zeros(windows, 1, lookBack);
        INDArray labels = Nd4j.zeros(windows, 1);
        for (int w = 0; w < windows; w++) {
            for (int t = 0; t < lookBack; t++) {
                features.putScalar(new int[] {w, 0, t}, Math.sin((w + t) * 2 * Math.PI / 24));
            }
            labels.putScalar(new int[] {w, 0}, Math.sin((w + lookBack) * 2 * Math.PI / 24));
        }
        DataSet data = new DataSet(features, labels);
        LstmForecaster forecaster = new LstmForecaster(1, 1, 1, 16, 0.01, 7);
        MultiLayerNetwork network = forecaster.network();

        double before = network.score(data);
        LstmForecaster.train(network, data, 30, 32, 7);

        assertThat(network.score(data)).isLessThan(before / 10).isLessThan(0.01);
    }
}
