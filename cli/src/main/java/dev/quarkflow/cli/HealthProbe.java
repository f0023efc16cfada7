package dev.quarkflow.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/** Asks a service's SmallRye Health readiness endpoint whether it is up. */
@ApplicationScoped
public class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public enum State {
        /** Readiness answered 200. */
        READY,
        /** Something answers on the port, but not ready (yet). */
        NOT_READY,
        /** Nothing listens on the port. */
        DOWN
    }

    public State probe(LocalService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.readinessUrl())).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? State.READY : State.NOT_READY;
        } catch (IOException e) {
            return State.DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.DOWN;
        }
    }
}
