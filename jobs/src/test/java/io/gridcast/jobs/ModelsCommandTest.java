package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gridcast models} over two LEAR versions registered by two short price runs. */
class ModelsCommandTest {

    @Test
    void listShowComparePromote() throws Exception {
        Path warehouse = Files.createTempDirectory("models-command");
        Path input = PipelinePricesTest.writeGermanyFrom("2017-09-01");
        for (String windows : List.of("84", "56")) {
            CommandRun.succeeding("pipeline", "prices", "--market", "DE", "--input",
                    input.toString(), "--warehouse", warehouse.toString(), "--model", "lear",
                    "--test-start", "2017-12-25", "--set", "spark.master=local[1]",
                    "--set", "price-models.lear.calibration-windows-days=" + windows);
        }
        String[] at = {"--warehouse", warehouse.toString(), "--set", "spark.master=local[1]"};

        String list = CommandRun.succeeding(with(at, "models", "list"));
        String show = CommandRun.succeeding(with(at, "models", "show", "price-lear-de:1"));
        String compare = CommandRun.succeeding(with(at, "models", "compare",
                "price-lear-de:1", "price-lear-de:2"));
        CommandRun.succeeding(with(at, "models", "promote", "price-lear-de:1"));
        String afterFirst = CommandRun.succeeding(with(at, "models", "list", "price-lear-de"));
        CommandRun.succeeding(with(at, "models", "promote", "price-lear-de:2"));
        String afterSecond = CommandRun.succeeding(with(at, "models", "list", "price-lear-de"));

        assertThat(list).contains("models list: 2 version(s) of 1 model(s)")
                .containsPattern("price-lear-de +1 candidate +lear +2017-12-25 to 2017-12-31 "
                        + "+lear/mae_per_mwh=");
        assertThat(show).contains("price-lear-de v1 (candidate, lear)")
                .contains("training 2017-10-02 to 2017-12-24")
                .contains("calibration_windows_days = [84]")
                .containsPattern("input \\d+ rows, fingerprint sha256:[0-9a-f]{64}");
        assertThat(compare).contains("parameters that differ:")
                .containsPattern("calibration_windows_days +\\[84\\] +\\[56\\]")
                .containsPattern("lear/mae_per_mwh +[0-9.]+ +[0-9.]+");
        assertThat(afterFirst).containsPattern("price-lear-de +1 production")
                .containsPattern("price-lear-de +2 candidate");
        assertThat(afterSecond).containsPattern("price-lear-de +1 candidate")
                .containsPattern("price-lear-de +2 production");

        CommandRun missing = CommandRun.errors(with(at, "models", "show", "price-lear-de:9"));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("Version not found: price-lear-de:9 "
                + "(registered versions 1 to 2)");
    }

    private static String[] with(String[] options, String... command) {
        String[] all = new String[command.length + options.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return all;
    }
}
