package io.gridcast.price;

import io.gridcast.SparkTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the bundled German benchmark dataset straight into daily arrays, without Spark. */
final class EpfSample {

    static final Path GERMANY = SparkTestBase.repositoryRoot()
            .resolve("data/samples/epftoolbox/DE.csv.gz");

    private EpfSample() {
    }

    static PriceDays germany() throws IOException {
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(GERMANY)), StandardCharsets.UTF_8))) {
            lines = reader.lines().skip(1).toList();
        }
        int days = lines.size() / PriceDays.HOURS;
        double[][] prices = new double[days][PriceDays.HOURS];
        double[][] load = new double[days][PriceDays.HOURS];
        double[][] renewables = new double[days][PriceDays.HOURS];
        for (int i = 0; i < days * PriceDays.HOURS; i++) {
            String[] cells = lines.get(i).split(",");
            prices[i / 24][i % 24] = Double.parseDouble(cells[1]);
            load[i / 24][i % 24] = Double.parseDouble(cells[2]);
            renewables[i / 24][i % 24] = Double.parseDouble(cells[3]);
        }
        LocalDate first = LocalDate.parse(lines.get(0).substring(0, 10));
        return new PriceDays("DE", first, prices, load, renewables);
    }
}
