package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * Loads deploy-emr/airflow/gridcast_daily.py through check_dag.py, which replaces Airflow with
 * stand-in modules, and checks the task order and that every EMR step's arguments parse as a gridcast command.
 */
class AirflowDagTest {

    private static final Path ROOT = SparkTestBase.repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode dag;

    @BeforeAll
    static void loadDag() throws IOException, InterruptedException {
        dag = checkDag("--date", "2024-03-10");
    }

    @Test
    void tasksRunInJobOrder() {
        List<String> order = taskIds(dag);

        assertThat(order.get(0)).isEqualTo("create_cluster");
        assertThat(order.get(order.size() - 1)).isEqualTo("terminate_cluster");
        assertThat(order.indexOf("watch_ingest_ercot_dam_spp"))
                .isLessThan(order.indexOf("add_compute_lmp"));
        assertThat(order.indexOf("watch_ingest_ercot_native_load"))
                .isLessThan(order.indexOf("add_compute_lmp"));
        assertThat(order.indexOf("watch_ingest_pjm_load"))
                .isLessThan(order.indexOf("add_train_load_xgboost"));
        assertThat(order.indexOf("watch_compute_lmp"))
                .isLessThan(order.indexOf("add_settle_crr"));
        assertThat(order.indexOf("watch_settle_crr"))
                .isLessThan(order.indexOf("terminate_cluster"));
    }

    @Test
    void eachStepWatchedBeforeNextStarts() {
        for (JsonNode step : dag.get("steps")) {
            String taskId = step.get("task_id").asText();
            JsonNode watch = task(dag, "watch_" + taskId);

            assertThat(watch.get("type").asText()).isEqualTo("EmrStepSensor");
            assertThat(strings(watch.get("upstream"))).containsExactly("add_" + taskId);
        }
        JsonNode terminate = task(dag, "terminate_cluster");
        assertThat(terminate.get("trigger_rule").asText()).isEqualTo("all_done");
        assertThat(strings(terminate.get("upstream"))).containsExactly("watch_settle_crr");
    }

    @Test
    void dagRetriesDailyOneRunAtATime() {
        assertThat(dag.get("schedule").asText()).isEqualTo("@daily");
        assertThat(dag.get("max_active_runs").asInt()).isEqualTo(1);
        assertThat(dag.get("retries").asInt()).isPositive();
        assertThat(dag.get("retry_delay_seconds").asDouble()).isPositive();
    }

    @Test
    void everyStepParsesAsGridcastCommand() {
        assertThat(dag.get("steps")).hasSize(6);
        for (JsonNode step : dag.get("steps")) {
            List<String> args = strings(step.get("gridcast_args"));
            String[] argv = args.toArray(String[]::new);

            assertThatCode(() -> Gridcast.commandLine().parseArgs(argv))
                    .as("gridcast %s", args).doesNotThrowAnyException();
            ParseResult parsed = Gridcast.commandLine().parseArgs(argv);
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(args.get(0));
            assertThat(parsed.subcommand().subcommand().commandSpec().name())
                    .isEqualTo(args.get(1));
            assertThat(args.subList(args.size() - 2, args.size()))
                    .containsExactly("--conf", "emr.conf");
        }
    }

    @Test
    void stepsUseTheRunDate() {
        assertThat(option(step("ingest_ercot_dam_spp"), "--input"))
                .isEqualTo("s3://my-bucket/gridcast/input/ercot/dam_spp/2024-03-10/");
        assertThat(option(step("ingest_ercot_native_load"), "--input"))
                .isEqualTo("s3://my-bucket/gridcast/input/ercot/native_load/2024-03-10/");
        assertThat(option(step("ingest_pjm_load"), "--input"))
                .isEqualTo("s3://my-bucket/gridcast/input/pjm_hourly_load/2024-03-10/");
        assertThat(option(step("compute_lmp"), "--start")).isEqualTo("2024-03-10");
        assertThat(option(step("compute_lmp"), "--end")).isEqualTo("2024-03-11");
        assertThat(option(step("settle_crr"), "--case"))
                .isEqualTo(option(step("compute_lmp"), "--case-name"));
        for (JsonNode step : dag.get("steps")) {
            assertThat(step.get("name").asText()).endsWith(" 2024-03-10");
        }
    }

    @Test
    void stepsSubmitTheJarInClusterMode() {
        for (JsonNode step : dag.get("steps")) {
            List<String> submit = strings(step.get("spark_submit_args"));

            assertThat(step.get("jar").asText()).isEqualTo("command-runner.jar");
            assertThat(submit.subList(0, 5)).containsExactly("spark-submit", "--deploy-mode",
                    "cluster", "--class", "io.gridcast.jobs.Gridcast");
            assertThat(submit).containsSubsequence("--files", "s3://my-bucket/gridcast/emr.conf");
            assertThat(submit.get(submit.size() - 1))
                    .isEqualTo("s3://my-bucket/gridcast/gridcast-jobs.jar");
        }
    }

    @Test
    void xgboostStepHasFixedExecutors() {
        List<String> training = strings(step("train_load_xgboost").get("spark_submit_args"));
        List<String> lmp = strings(step("compute_lmp").get("spark_submit_args"));

        assertThat(training).containsSubsequence("--conf",
                "spark.dynamicAllocation.enabled=false");
        assertThat(training).contains("--num-executors");
        assertThat(lmp).doesNotContain("spark.dynamicAllocation.enabled=false");
    }

    @Test
    void clusterUsesConfigurationsFile() throws IOException {
        JsonNode file = JSON.readTree(
                ROOT.resolve("deploy-emr/cluster/configurations.json").toFile());

        assertThat(dag.get("configurations")).isEqualTo(file);
    }

    @Test
    void existingClusterIsNeitherCreatedNorTerminated() throws Exception {
        JsonNode reused = checkDag("--variable", "gridcast_cluster_id=j-TEST",
                "--variable", "gridcast_s3_prefix=s3://other-bucket/prefix/");
        List<String> order = taskIds(reused);

        assertThat(order).doesNotContain("create_cluster", "terminate_cluster");
        assertThat(order.get(0)).isEqualTo("add_ingest_ercot_dam_spp");
        assertThat(order).hasSize(12);
        assertThat(strings(reused.get("steps").get(0).get("spark_submit_args")))
                .contains("s3://other-bucket/prefix/gridcast-jobs.jar");
    }

    private static JsonNode checkDag(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                ROOT.resolve("deploy-emr/airflow/check_dag.py").toString()));
        command.addAll(List.of(options));
        Path stderr = Files.createTempFile("check-dag", ".err");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("check_dag.py finished").isTrue();
        assertThat(process.exitValue()).as("check_dag.py exit code; stderr: %s",
                Files.readString(stderr)).isZero();
        return JSON.readTree(stdout);
    }

    private static List<String> taskIds(JsonNode checked) {
        List<String> ids = new ArrayList<>();
        checked.get("tasks").forEach(task -> ids.add(task.get("task_id").asText()));
        return ids;
    }

    private static JsonNode task(JsonNode checked, String taskId) {
        for (JsonNode task : checked.get("tasks")) {
            if (task.get("task_id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("no task " + taskId + " in " + taskIds(checked));
    }

    private static JsonNode step(String taskId) {
        for (JsonNode step : dag.get("steps")) {
            if (step.get("task_id").asText().equals(taskId)) {
                return step;
            }
        }
        throw new AssertionError("no step " + taskId);
    }

    private static String option(JsonNode step, String name) {
        List<String> args = strings(step.get("gridcast_args"));
        int index = args.indexOf(name);
        assertThat(index).as("%s in %s", name, args).isNotNegative();
        return args.get(index + 1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
