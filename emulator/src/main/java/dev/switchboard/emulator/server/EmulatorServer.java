package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP front: a JDK {@link HttpServer} on a cached thread pool (HTTP/1.1 keep-alive, fixed-length bodies).
 * Each provider request goes through: rate limit, fault decision, provider handler, log entry, response.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final String ADMIN_PREFIX = "/__admin";

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK,
        // adding ~40 ms to every response. The server reads this property once, when its first instance starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorCore core;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminHttpHandler admin;
    private final AdminExtension extension;

    public EmulatorServer(EmulatorCore core, String host, int port) throws IOException {
        this(core, host, port, null);
    }

    /** A server whose admin API also offers each request to {@code extension} (e.g. the web console). */
    public EmulatorServer(EmulatorCore core, String host, int port, AdminExtension extension) throws IOException {
        this.core = core;
        this.extension = extension;
        this.admin = new AdminHttpHandler(core, extension);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (extension != null) {
            extension.close(); // ends open event streams first, so no exchange holds the stop up
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        long started = System.nanoTime();
        Instant arrived = Instant.now();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")) {
                admin.handle(exchange, path.substring(ADMIN_PREFIX.length()), readBody(exchange));
                return;
            }
            ApiRequest request = toRequest(exchange, path);
            Provider provider = core.providerFor(path);
            if (provider == null) {
                JsonNode body = Json.object().put("error", "not-found").put("info", "no API is served at " + path);
                logRequest(arrived, request, 404, null, null, started);
                send(exchange, ApiResponse.json(404, body));
                return;
            }
            serveProvider(exchange, provider, request, arrived, started);
        } catch (IOException | RuntimeException e) {
            // The client went away or the handler failed after answering; nothing more can be sent.
        }
    }

    private void serveProvider(HttpExchange exchange, Provider provider, ApiRequest request, Instant arrived,
                               long started) throws IOException {
        String credential = provider.credential(request);
        Optional<Duration> wait = core.rateLimiter().tryAcquire(credential, provider.rateClass(request));
        if (wait.isPresent()) {
            ApiResponse limited = provider.rateLimited("rate limit exceeded; retry later");
            if (core.rateLimiter().limits().retryAfterHeader()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                limited = limited.withHeader("Retry-After", Long.toString(seconds));
            }
            logRequest(arrived, request, 429, credential, "rate-limited", started);
            send(exchange, limited);
            return;
        }
        FaultRule fault = core.faults().decide(request.method(), request.path(), credential).orElse(null);
        String faultName = fault == null ? null : fault.kind().wireName();
        ApiResponse response = answer(provider, request, fault);
        // Logged before the answer leaves, so a client that has its answer always finds the request in the log.
        logRequest(arrived, request, response == null ? 0 : response.status(), credential, faultName, started);
        if (response != null) {
            send(exchange, response);
        }
    }

    /** Serves the request under the fault (if any): the answer to send, or null to drop the connection. */
    private static ApiResponse answer(Provider provider, ApiRequest request, FaultRule fault) {
        if (fault == null) {
            return handleSafely(provider, request);
        }
        switch (fault.kind()) {
            case RATE_LIMIT:
                return provider.rateLimited("rate limit exceeded (injected)");
            case SPURIOUS_400:
                return provider.spuriousBadRequest();
            case SERVER_ERROR:
                return provider.serverError(fault.status());
            case LATENCY:
                pause(fault.millis());
                return handleSafely(provider, request);
            case TIMEOUT:
                pause(fault.millis());
                return null;
            case RESET:
                return null;
            case APPLIED_LOST_5XX:
                handleSafely(provider, request);
                return provider.serverError(fault.status());
            case APPLIED_LOST_RESET:
                handleSafely(provider, request);
                return null;
            default:
                throw new IllegalStateException("unhandled fault kind " + fault.kind());
        }
    }

    private static ApiResponse handleSafely(Provider provider, ApiRequest request) {
        try {
            return provider.handle(request);
        } catch (ApiException e) {
            return e.response();
        } catch (RuntimeException e) {
            return provider.serverError(500);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logRequest(Instant arrived, ApiRequest request, int status, String credential, String fault,
                            long started) {
        core.requestLog().record(arrived, request.method(), request.path(), request.rawQuery(), status, credential,
                fault, (System.nanoTime() - started) / 1000);
    }

    private static ApiRequest toRequest(HttpExchange exchange, String path) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, rawQuery,
                ApiRequest.parseQuery(rawQuery), headers, readBody(exchange));
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Whether the request's {@code Connection} header lists the {@code close} option. */
    public static boolean asksToClose(HttpExchange exchange) {
        for (String value : exchange.getRequestHeaders().getOrDefault("Connection", java.util.List.of())) {
            for (String option : value.split(",")) {
                if (option.strip().equalsIgnoreCase("close")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sends a JSON (or empty) response with a fixed length so the connection stays open for the next request.
     * Returning without calling this closes the connection with no response at all: the JDK server closes the
     * socket when an exchange is closed before its headers were sent.
     */
    static int send(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : Json.bytes(response.body());
        if (response.body() != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (asksToClose(exchange)) {
            // The JDK server closes after answering such a request but does not say so; clients that pool
            // connections (Node.js) would then reuse the dead socket.
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        return response.status();
    }
}
