package io.gridcast.jobs;

import picocli.CommandLine.Command;

/** {@code gridcast pipeline <name>}: several jobs in one run. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Runs a whole pipeline: ingest, features, training, forecasts, publishing.",
        subcommands = {PipelinePjmLoadCommand.class, PipelineSmtCommand.class,
            PipelinePricesCommand.class, PipelineGridCommand.class})
final class PipelineCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
