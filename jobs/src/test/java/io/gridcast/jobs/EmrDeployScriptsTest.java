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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy-emr/submit.sh and deploy-emr/cluster/create-cluster.sh with --dry-run and checks
 * the aws commands they print. A fake aws on the PATH records any real call, so the test also
 * shows that --dry-run calls nothing.
 */
class EmrDeployScriptsTest {

    private static final Path ROOT = SparkTestBase.repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path jar;
    private Path awsCalls;

    @BeforeEach
    void fakeJarAndAws() throws IOException {
        jar = Files.writeString(temp.resolve("gridcast-jobs.jar"), "not a real jar");
        Path bin = Files.createDirectory(temp.resolve("bin"));
        awsCalls = temp.resolve("aws-calls.txt");
        Path aws = Files.writeString(bin.resolve("aws"),
                "#!/bin/sh\necho \"$@\" >> '" + awsCalls + "'\nexit 1\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void submitDryRunPrintsUploadsAndStep() throws Exception {
        Run run = run(Map.of(), "deploy-emr/submit.sh", "--dry-run", "--jar", jar.toString(),
                "pipeline", "pjm-load", "--test-start", "2024-06-01");

        assertThat(run.exitCode).as("exit code; stderr: %s", run.stderr).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo("aws s3 cp --region us-east-1 " + jar
                + " s3://test-bucket/gridcast/gridcast-jobs.jar");
        assertThat(run.lines().get(1)).isEqualTo("aws s3 cp --region us-east-1 "
                + ROOT.resolve("conf/emr.conf") + " s3://test-bucket/gridcast/emr.conf");
        assertThat(run.lines().get(2)).startsWith(
                "aws emr add-steps --region us-east-1 --cluster-id j-TEST --steps '");
        assertThat(awsCalls).doesNotExist();
    }

    @Test
    void submitStepRunsJobWithSettings() throws Exception {
        Run run = run(Map.of(), "deploy-emr/submit.sh", "--dry-run", "--jar", jar.toString(),
                "pipeline", "pjm-load", "--test-start", "2024-06-01");
        JsonNode step = steps(run.lines().get(2)).get(0);
        List<String> args = new ArrayList<>();
        step.get("Args").forEach(arg -> args.add(arg.asText()));
        int jarIndex = args.indexOf("s3://test-bucket/gridcast/gridcast-jobs.jar");
        List<String> gridcastArgs = args.subList(jarIndex + 1, args.size());

        assertThat(step.get("Type").asText()).isEqualTo("Spark");
        assertThat(step.get("ActionOnFailure").asText()).isEqualTo("CONTINUE");
        assertThat(args.subList(0, 4)).containsExactly("--deploy-mode", "cluster", "--class",
                "io.gridcast.jobs.Gridcast");
        assertThat(args).containsSubsequence("--files", "s3://test-bucket/gridcast/emr.conf");
        assertThat(args).containsSubsequence("--conf", "spark.dynamicAllocation.enabled=false");
        assertThat(jarIndex).isPositive();
        assertThat(gridcastArgs).containsExactly("pipeline", "pjm-load", "--test-start",
                "2024-06-01", "--conf", "emr.conf");
        assertThatCode(() -> Gridcast.commandLine().parseArgs(
                gridcastArgs.toArray(String[]::new))).doesNotThrowAnyException();
    }

    @Test
    void submitPassesArgumentsAfterSeparator() throws Exception {
        Run run = run(Map.of(), "deploy-emr/submit.sh", "--dry-run", "--no-upload", "--",
                "settle", "crr", "--holdings", "s3://test-bucket/crr/holdings, 2024.csv",
                "--case", "ACTIVSg2000", "--conf", "other.conf");
        JsonNode step = steps(run.lines().get(0)).get(0);
        List<String> args = new ArrayList<>();
        step.get("Args").forEach(arg -> args.add(arg.asText()));

        assertThat(run.exitCode).as("exit code; stderr: %s", run.stderr).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(args).doesNotContain("spark.dynamicAllocation.enabled=false");
        assertThat(args).endsWith("settle", "crr", "--holdings",
                "s3://test-bucket/crr/holdings, 2024.csv", "--case", "ACTIVSg2000", "--conf",
                "other.conf");
    }

    @Test
    void submitRequiresClusterId() throws Exception {
        Run run = run(Map.of("CLUSTER_ID", ""), "deploy-emr/submit.sh", "--dry-run", "--jar",
                jar.toString(), "pipeline", "pjm-load");

        assertThat(run.exitCode).isNotZero();
        assertThat(run.stderr).contains("CLUSTER_ID");
        assertThat(run.stdout).isEmpty();
    }

    @Test
    void submitRejectsMissingJar() throws Exception {
        Run run = run(Map.of(), "deploy-emr/submit.sh", "--dry-run", "--jar",
                temp.resolve("absent.jar").toString(), "pipeline", "pjm-load");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("jar not found: " + temp.resolve("absent.jar"));
    }

    @Test
    void createClusterDryRunPrintsCommand() throws Exception {
        Run run = run(Map.of(), "deploy-emr/cluster/create-cluster.sh", "--dry-run");

        assertThat(run.exitCode).as("exit code; stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).startsWith("aws emr create-cluster --region us-east-1 ");
        assertThat(run.stdout).contains("--release-label emr-7.");
        assertThat(run.stdout).contains("--applications Name=Spark ");
        assertThat(run.stdout).contains("--log-uri s3://test-bucket/gridcast/logs/ ");
        assertThat(run.stdout).contains("--configurations file://"
                + ROOT.resolve("deploy-emr/cluster/configurations.json") + " ");
        assertThat(awsCalls).doesNotExist();
    }

    @Test
    void configurationsUseGlueAndUtc() throws IOException {
        JsonNode configurations = JSON.readTree(
                ROOT.resolve("deploy-emr/cluster/configurations.json").toFile());

        assertThat(classification(configurations, "spark-hive-site")
                .get("hive.metastore.client.factory.class").asText()).isEqualTo(
                        "com.amazonaws.glue.catalog.metastore."
                                + "AWSGlueDataCatalogHiveClientFactory");
        JsonNode defaults = classification(configurations, "spark-defaults");
        assertThat(defaults.get("spark.dynamicAllocation.enabled").asText()).isEqualTo("true");
        assertThat(defaults.get("spark.sql.session.timeZone").asText()).isEqualTo("UTC");
    }

    private static JsonNode classification(JsonNode configurations, String name) {
        for (JsonNode configuration : configurations) {
            if (configuration.get("Classification").asText().equals(name)) {
                return configuration.get("Properties");
            }
        }
        throw new AssertionError("no classification " + name);
    }

    private static JsonNode steps(String addStepsLine) throws IOException {
        String marker = "--steps '";
        int start = addStepsLine.indexOf(marker);
        assertThat(start).as("--steps in %s", addStepsLine).isNotNegative();
        assertThat(addStepsLine).endsWith("'");
        String json = addStepsLine.substring(start + marker.length(), addStepsLine.length() - 1)
                .replace("'\\''", "'");
        return JSON.readTree(json);
    }

    private Run run(Map<String, String> environment, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        Map<String, String> env = builder.environment();
        env.put("PATH", temp.resolve("bin") + ":" + env.get("PATH"));
        env.put("GRIDCAST_S3_PREFIX", "s3://test-bucket/gridcast/");
        env.put("CLUSTER_ID", "j-TEST");
        env.put("AWS_REGION", "us-east-1");
        env.remove("GRIDCAST_CONF");
        env.putAll(environment);
        Path stderr = temp.resolve("stderr.txt");
        Process process = builder.redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
        return new Run(process.exitValue(), stdout, Files.readString(stderr));
    }

    private record Run(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }
}
