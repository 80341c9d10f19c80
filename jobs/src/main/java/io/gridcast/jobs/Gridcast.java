package io.gridcast.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of every gridcast job: {@code gridcast <job> [options]}, locally through
 * {@code bin/gridcast} or on a cluster through {@code spark-submit ... gridcast-jobs.jar}.
 */
@Command(name = "gridcast",
        mixinStandardHelpOptions = true,
        versionProvider = Gridcast.Version.class,
        description = "Spark batch jobs for wholesale electricity markets.",
        subcommands = {
            IngestCommand.class,
            TrainCommand.class,
            PipelineCommand.class,
            TablesCommand.class,
            QueryCommand.class,
            ModelsCommand.class,
            ExportCommand.class,
            ComputeCommand.class,
            SettleCommand.class,
            DeployCommand.class,
            PredictCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Gridcast implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line {@code args} and returns the exit code, without exiting. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Builds the parser of gridcast's command line; tests also use it to check command lines. */
    public static CommandLine commandLine() {
        return new CommandLine(new Gridcast())
                .setExecutionExceptionHandler(new JobFailureHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Version of the running jar, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Gridcast.class.getPackage().getImplementationVersion();
            return new String[] {"gridcast " + (version == null ? "dev" : version)};
        }
    }
}
