package dev.quarkflow.katib.controller;

import dev.quarkflow.katib.controller.local.ExperimentCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * {@code java -jar quarkus-run.jar} serves (health, DBManager, reconcilers); {@code java -jar quarkus-run.jar experiment
 * run EXPERIMENT.yaml ...} runs one experiment locally and exits with its outcome, without starting the service (so it
 * never competes for the service's ports).
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("experiment")) {
            System.exit(ExperimentCli.run(args, System.out, System.err, System.getenv()));
        }
        Quarkus.run(args);
    }
}
