package dev.switchboard.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.emulator.server.AdminExtension;
import dev.switchboard.emulator.server.EmulatorCore;
import dev.switchboard.emulator.server.EmulatorServer;
import dev.switchboard.emulator.server.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The admin routes for people: {@code /__admin/} (landing page), {@code /__admin/health}, the web console under
 * {@code /__admin/ui/} (static files from the jar) and the JSON views and event stream it reads under
 * {@code /__admin/console/}. Nothing here answers with a key or a secret.
 */
public final class ConsoleHandler implements AdminExtension {
    /** Default quiet time after which the event stream sends a keep-alive comment. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    private static final String FAULTS = "/console/faults";

    private final EmulatorCore core;
    private final ConsoleViews views;
    private final EventStream events;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();

    public ConsoleHandler(EmulatorCore core, Duration keepAlive) {
        this.core = core;
        this.views = new ConsoleViews(core);
        this.events = new EventStream(core.requestLog(), keepAlive);
        core.addStateListener(() -> events.changed("state"));
    }

    @Override
    public boolean handle(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method)) {
            return serveGet(exchange, path);
        }
        if (path.equals(FAULTS) && "POST".equals(method)) {
            try {
                views.addFaults(Json.parse(new String(body, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                sendJson(exchange, 400, Json.object().put("error", "invalid-request").put("info", e.getMessage()));
                return true;
            }
            events.changed("faults");
            sendJson(exchange, 200, views.faults());
            return true;
        }
        if (path.startsWith(FAULTS + "/") && "DELETE".equals(method)) {
            removeFault(exchange, path.substring(FAULTS.length() + 1));
            return true;
        }
        return false;
    }

    private boolean serveGet(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "", "/" -> send(exchange, 200, Assets.HTML, Assets.landing(version()));
            case "/health" -> sendJson(exchange, 200, health());
            case "/ui" -> redirect(exchange, "/__admin/ui/");
            case "/console/state" -> sendJson(exchange, 200, views.state());
            case FAULTS -> sendJson(exchange, 200, views.faults());
            case "/console/rate-limits" -> sendJson(exchange, 200, views.rateLimits());
            case "/console/events" -> events.serve(exchange);
            default -> {
                if (!path.startsWith("/ui/")) {
                    return false;
                }
                Assets.Asset asset = Assets.find(path.substring("/ui/".length()));
                if (asset == null) {
                    sendJson(exchange, 404, Json.object().put("error", "not-found").put("info", "no console file " + path));
                } else {
                    send(exchange, 200, asset.contentType(), asset.bytes());
                }
            }
        }
        return true;
    }

    @Override
    public void adminChanged(String route) {
        String what = route.substring(route.indexOf(' ') + 1).replaceFirst("^/", "").replaceFirst("/$", "");
        if (!what.equals("state")) { // a state load announces itself through the core's state listener
            events.changed(what);
        }
    }

    @Override
    public void close() {
        events.close();
    }

    /** Open event streams (for tests). */
    public int openStreams() {
        return events.subscriberCount();
    }

    JsonNode health() {
        double uptime = (System.nanoTime() - startedNanos) / 1e9;
        return Json.object().put("status", "ok").put("version", version())
                .put("started_at", startedAt.toString()).put("uptime_seconds", Math.round(uptime * 1000) / 1000.0)
                .put("emulated_clock", core.clock().now().toString());
    }

    static String version() {
        return Assets.version();
    }

    private void removeFault(HttpExchange exchange, String id) throws IOException {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            sendJson(exchange, 400, Json.object().put("error", "invalid-request").put("info", "a rule id is a number"));
            return;
        }
        if (!views.removeFault(number)) {
            sendJson(exchange, 404, Json.object().put("error", "not-found").put("info", "no active fault rule " + id));
            return;
        }
        events.changed("faults");
        sendJson(exchange, 200, views.faults());
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        closeIfAsked(exchange);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** As the API answers: a request asking for {@code Connection: close} is told so (see EmulatorServer). */
    private static void closeIfAsked(HttpExchange exchange) {
        if (EmulatorServer.asksToClose(exchange)) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.bytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        closeIfAsked(exchange);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
