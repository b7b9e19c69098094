package dev.switchboard.signalwire;

import dev.switchboard.core.http.FakeTime;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Base for acceptance tests: the real client against the embedded emulator (frozen clock, fixed seed). */
abstract class EmulatedSignalWire {
    static final long SEED = 20260106L;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String PROJECT = "5a1d3c52-0d4e-4c6b-9a55-2b7d2a1e0001";
    static final Secret TOKEN = Secret.of("PT-acceptance-token");

    Emulator emulator;
    SignalWireClient client;

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = Emulator.builder().seed(SEED).clock(START).start();
        emulator.admin().signalwire().createProject(PROJECT, TOKEN.reveal());
        client = newClient();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    SignalWireClient newClient() {
        FakeTime time = new FakeTime();
        SignalWireClientOptions options = SignalWireClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withRetryPolicy(RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(1)))
                .withRateBudgets(new RateBudgetRegistry(time, time))
                .withTiming(time, time, Clock.systemUTC(), new Random(SEED));
        return new SignalWireClient(emulator.signalwireSpaceUri(), PROJECT, TOKEN, options);
    }

    /** Waits until the request log shows exactly {@code count} such requests (it is written just after answering). */
    void awaitRequests(String method, String pathPrefix, long count) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(emulator.admin().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .map(RequestLogEntry::status).filter(status -> status != 0).count()).isEqualTo(count));
    }
}
