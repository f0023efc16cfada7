package dev.quarkflow.cli;

import java.nio.file.Path;

/**
 * One service of the embedded shape: the module that builds it, the HTTP port its health answers on, and what
 * else it listens on (for people reading {@code up} and {@code status}).
 */
public record LocalService(String name, int healthPort, String listens) {

    /** The fast-jar Quarkus builds for the module, relative to the repository root. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String readinessUrl() {
        return "http://127.0.0.1:" + healthPort + "/q/health/ready";
    }
}
