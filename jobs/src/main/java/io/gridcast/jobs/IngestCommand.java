package io.gridcast.jobs;

import picocli.CommandLine.Command;

/** {@code gridcast ingest <source>}: raw market and network files into canonical tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Reads raw market and network files into canonical tables.",
        subcommands = {IngestPjmLoadCommand.class, IngestErcotCommand.class,
            IngestSmtCommand.class, IngestPricesCommand.class, IngestGridCommand.class})
final class IngestCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
