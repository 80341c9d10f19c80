package io.gridcast.jobs;

import picocli.CommandLine.Command;

/** {@code gridcast train <model>}: trains, registers and publishes forecasts. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a model on published tables, registers it and publishes its "
                + "forecasts.",
        subcommands = {TrainLoadXgboostCommand.class, TrainMeterLstmCommand.class,
            TrainPriceCommand.class})
final class TrainCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
