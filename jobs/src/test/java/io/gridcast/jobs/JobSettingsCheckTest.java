package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobSettingsCheckTest {

    @Test
    void localMasterTaskSlots() {
        assertThat(TrainLoadXgboostCommand.localTaskSlots("local")).isEqualTo(1);
        assertThat(TrainLoadXgboostCommand.localTaskSlots("local[3]")).isEqualTo(3);
        assertThat(TrainLoadXgboostCommand.localTaskSlots("local[2,4]")).isEqualTo(2);
        assertThat(TrainLoadXgboostCommand.localTaskSlots("local[*]"))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(TrainLoadXgboostCommand.localTaskSlots("yarn")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void badSettingsFailBeforeAnythingIsWritten() throws IOException {
        Path warehouse = Files.createTempDirectory("settings-check").resolve("warehouse");

        String tooManyWorkers = runCapturingErr("pipeline", "pjm-load",
                "--set", "storage.warehouse=" + warehouse, "--set", "spark.master=local[2]",
                "--set", "xgboost.num-workers=64");
        String badEta = runCapturingErr("pipeline", "pjm-load",
                "--set", "storage.warehouse=" + warehouse, "--set", "xgboost.eta=abc");

        assertThat(tooManyWorkers).contains("Invalid setting gridcast.xgboost.num-workers: 64 "
                + "exceeds the 2 task slots of Spark master local[2]");
        assertThat(badEta).contains("Invalid setting gridcast.xgboost.eta");
        assertThat(warehouse).doesNotExist();
    }

    private static String runCapturingErr(String... args) {
        CommandRun run = CommandRun.errors(args);
        assertThat(run.exitCode()).isEqualTo(1);
        return run.output();
    }
}
