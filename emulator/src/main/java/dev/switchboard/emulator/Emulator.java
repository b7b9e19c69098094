package dev.switchboard.emulator;

import dev.switchboard.emulator.daily.DailyProvider;
import dev.switchboard.emulator.signalwire.SignalWireProvider;
import dev.switchboard.emulator.server.EmulatorCore;
import dev.switchboard.emulator.server.EmulatorServer;
import java.net.URI;

/**
 * A running emulator of the providers' REST APIs (Daily under {@code /v1}) plus the admin API under
 * {@code /__admin/}, on one HTTP server. Start one with {@link #builder()}; close it to stop.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().seed(42).clock(Instant.parse("2026-01-01T00:00:00Z")).start()) {
 *     emulator.admin().daily().createDomain("source", "source-key");
 *     URI api = emulator.dailyBaseUri();   // http://127.0.0.1:PORT/v1
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    private final EmulatorServer server;
    private final String host;
    private final EmulatorAdmin admin;
    private final DailyProvider daily;

    Emulator(EmulatorCore core, EmulatorServer server, String host, DailyProvider daily, SignalWireProvider signalwire) {
        this.server = server;
        this.host = host;
        this.admin = new EmulatorAdmin(core, daily, signalwire);
        this.daily = daily;
    }

    public static EmulatorBuilder builder() {
        return new EmulatorBuilder();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://HOST:PORT} (no trailing slash). */
    public URI baseUri() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port());
    }

    /** The Daily API base, {@code baseUri() + "/v1"}. */
    public URI dailyBaseUri() {
        return URI.create(baseUri() + DailyProvider.PREFIX);
    }

    /** The SignalWire space URL: {@code baseUri()}; Relay REST is under {@code /api/relay/rest}, LaML under {@code /api/laml}. */
    public URI signalwireSpaceUri() {
        return baseUri();
    }

    /** The admin handle: what the admin HTTP API does, plus set-up helpers. */
    public EmulatorAdmin admin() {
        return admin;
    }

    /** Stops the server at once; requests held by latency or timeout faults are cut off. */
    @Override
    public void close() {
        server.close();
        daily.close();
    }
}
