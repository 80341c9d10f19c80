package io.gridcast.price;

import io.gridcast.registry.ModelArtifacts;
import io.gridcast.registry.RegistryJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link NeuralPriceForecaster} as a {@link PriceModel}: trained on the driver, since one
 * network learns from all days in sequence, and registered with its final weights.
 */
public final class NeuralPriceModel implements PriceModel {

    public static final String MLP = "mlp";
    public static final String CNN_LSTM = "cnn_lstm";
    private static final Logger LOG = LoggerFactory.getLogger(NeuralPriceModel.class);

    private final String name;
    private final NeuralPriceForecaster forecaster;
    private final PriceNetworkOptions options;
    private PriceNetworkResult result;

    private NeuralPriceModel(String name, NeuralPriceForecaster forecaster,
            PriceNetworkOptions options) {
        this.name = name;
        this.forecaster = forecaster;
        this.options = options;
    }

    /** Creates the MLP on the LEAR inputs. */
    public static NeuralPriceModel mlp(PriceNetworkOptions options) {
        return new NeuralPriceModel(MLP, new MlpPriceForecaster(options), options);
    }

    /** Creates the convolution-and-LSTM hybrid over past daily profiles. */
    public static NeuralPriceModel cnnLstm(PriceNetworkOptions options) {
        return new NeuralPriceModel(CNN_LSTM, new CnnLstmPriceForecaster(options), options);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String algorithm() {
        return "dl4j-" + name.replace('_', '-');
    }

    @Override
    public double[][] forecast(PriceDays days, int firstTestDay, int endTestDay) {
        result = forecaster.run(days, firstTestDay, endTestDay, (stage, done, total) ->
                LOG.info("{} {}: {}/{}", name, stage, done, total));
        LOG.info("{}: best epoch {}, training time {} s", name, result.bestEpoch(),
                result.trainingTime().toMillis() / 1000.0);
        return result.forecastsPerMwh();
    }

    @Override
    public int historyDays() {
        return forecaster.minimumTrainingDays();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>(options.toMap());
        if (result != null) {
            parameters.put("best_epoch", result.bestEpoch());
        }
        return parameters;
    }

    @Override
    public List<String> features() {
        if (name.equals(MLP)) {
            return PriceModel.super.features();
        }
        return List.of("price, exogenous_1, exogenous_2 of days d-" + options.lookBackDays()
                + " to d-1, hourly (convolution input)", "exogenous_1_d_he01..he24",
                "exogenous_2_d_he01..he24", "dow_monday..dow_sunday", "day_of_year_sin",
                "day_of_year_cos");
    }

    /**
     * Writes the network as trained after the last recalibration, {@code model.zip}, and the
     * transforms of its inputs and outputs, {@code scalers.json}: median and scaled median
     * absolute deviation per series, for {@code asinh((x - median) / mad)}.
     */
    @Override
    public void saveArtifact(String folderUri, Configuration hadoop) {
        if (result == null) {
            return;
        }
        Path path = new Path(folderUri + "/model.zip");
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            try (OutputStream out = fs.create(path, true)) {
                result.writeNetwork(out);
            }
            ModelArtifacts.writeFile(folderUri + "/scalers.json",
                    RegistryJson.write(result.scalers()).getBytes(StandardCharsets.UTF_8),
                    hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + name + " to " + folderUri, e);
        }
    }
}
