package dev.switchboard.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A scripted HTTP server on 127.0.0.1: answers queued replies in order and records every request. */
public final class StubServer implements AutoCloseable {
    public record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public sealed interface Reply permits Json, Drop, Hang {
    }

    public record Json(int status, String body, Map<String, String> headers) implements Reply {
    }

    /** Closes the connection without answering. */
    public record Drop() implements Reply {
    }

    /** Never answers until the server closes (for client timeouts). */
    public record Hang() implements Reply {
    }

    public static Reply json(int status, String body) {
        return new Json(status, body, Map.of());
    }

    public static Reply json(int status, String body, Map<String, String> headers) {
        return new Json(status, body, headers);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The stub's address with Daily's {@code /v1} path. */
    public URI baseUri() {
        return URI.create(rootUri() + "/v1");
    }

    /** The stub's address with no path (a SignalWire space URL). */
    public URI rootUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized StubServer enqueue(Reply... more) {
        replies.addAll(List.of(more));
        return this;
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply;
        synchronized (this) {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            reply = replies.isEmpty() ? json(599, "{\"error\":\"stub\",\"info\":\"no reply queued\"}") : replies.poll();
        }
        if (reply instanceof Json json) {
            byte[] bytes = json.body().getBytes(StandardCharsets.UTF_8);
            json.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(json.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } else if (reply instanceof Hang) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
