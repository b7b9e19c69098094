package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.daily.WebhookVerifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The HTTP side of {@code webhooks listen}: checks each POST's signature and timestamp ({@code X-Webhook-*} with
 * the event hmac, {@code X-Pinless-*} with the pinless hmac) and hands accepted bodies on. Answers 200 to an
 * accepted request and to Daily's verification probe {@code {"test": true}}, signed or not (a probe may come before
 * the receiver can know a Daily-provisioned hmac, and it carries no event), 401 to a rejected one, 400 to an authentic body that
 * is not JSON. Requests are handled one at a time.
 */
final class WebhookReceiver implements AutoCloseable {
    /** What arrived: an event envelope, a pinless call, a probe, or a rejection with its reason. */
    sealed interface Arrival {
        record Event(JsonNode envelope) implements Arrival {
        }

        record PinlessCall(JsonNode body) implements Arrival {
        }

        record Probe() implements Arrival {
        }

        record Rejected(String reason, String remote) implements Arrival {
        }
    }

    private final HttpServer server;
    private final WebhookVerifier events;
    private final WebhookVerifier pinless;
    private final Consumer<Arrival> sink;

    WebhookReceiver(String host, int port, WebhookVerifier events, WebhookVerifier pinless, Consumer<Arrival> sink)
            throws IOException {
        this.events = events;
        this.pinless = pinless;
        this.sink = sink;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String remote = String.valueOf(exchange.getRemoteAddress());
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405);
                return;
            }
            var headers = exchange.getRequestHeaders();
            boolean pinlessCall = headers.containsKey("X-Pinless-Signature");
            String signature = headers.getFirst(pinlessCall ? "X-Pinless-Signature" : "X-Webhook-Signature");
            String timestamp = headers.getFirst(pinlessCall ? "X-Pinless-Timestamp" : "X-Webhook-Timestamp");
            JsonNode json = parse(body);
            boolean probe = json != null && json.path("test").asBoolean(false) && json.size() == 1;
            if (signature == null && probe) {
                answer(exchange, 200);
                sink.accept(new Arrival.Probe());
                return;
            }
            WebhookVerifier verifier = pinlessCall ? pinless : events;
            if (verifier == null) {
                reject(exchange, (pinlessCall ? "pinless" : "event") + " webhook, but no hmac is configured for it",
                        remote);
                return;
            }
            WebhookVerifier.Verdict verdict = verifier.verify(timestamp, signature, body);
            if (verdict instanceof WebhookVerifier.Verdict.Rejected rejected) {
                reject(exchange, rejected.reason(), remote);
                return;
            }
            if (json == null || !json.isObject()) {
                answer(exchange, 400);
                sink.accept(new Arrival.Rejected("authentic, but the body is not a JSON object", remote));
                return;
            }
            answer(exchange, 200);
            sink.accept(probe ? new Arrival.Probe() : pinlessCall ? new Arrival.PinlessCall(json) : new Arrival.Event(json));
        }
    }

    private void reject(HttpExchange exchange, String reason, String remote) throws IOException {
        answer(exchange, 401);
        sink.accept(new Arrival.Rejected(reason, remote));
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = (status == 200 ? "{}" : "{\"error\":\"rejected\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return HttpJson.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
