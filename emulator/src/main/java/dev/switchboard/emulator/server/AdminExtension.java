package dev.switchboard.emulator.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Admin routes served besides the JSON admin API (the web console, health, event stream). The admin handler
 * offers each loopback request here first and tells it about every change made through the admin API.
 */
public interface AdminExtension extends AutoCloseable {

    /**
     * Serves the request if it is one of this extension's routes.
     *
     * @param path the path below {@code /__admin} ({@code ""}, {@code "/"}, {@code "/ui/"}, ...)
     * @return false to let the JSON admin API answer it
     */
    boolean handle(HttpExchange exchange, String path, byte[] body) throws IOException;

    /** A request to the JSON admin API changed something ({@code route} is e.g. {@code "POST /faults"}). */
    void adminChanged(String route);

    /** Ends open streams so the server can stop at once. */
    @Override
    void close();
}
