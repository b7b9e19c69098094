package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's Server-Sent Events stream on the JDK server, read over raw sockets. */
class ConsoleEventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String EOF = "\u0000EOF";

    private Emulator emulator;
    private TestHttp admin;
    private TestHttp daily;
    private final List<Stream> streams = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.builder().seed(5).clock(Instant.parse("2026-01-01T00:00:00Z")).disableRateLimits()
                .consoleKeepAlive(Duration.ofMillis(200)).demoState().start();
        admin = new TestHttp(emulator.baseUri());
        daily = new TestHttp(emulator.dailyBaseUri());
    }

    @AfterEach
    void stop() throws IOException {
        emulator.close();
        for (Stream stream : streams) {
            stream.socket.close();
        }
    }

    @Test
    void streamsEachLoggedRequestWithItsSequenceAsTheEventId() throws Exception {
        Stream stream = open(null);
        assertThat(stream.statusLine).isEqualTo("HTTP/1.1 200 OK");
        assertThat(stream.headers).anyMatch(h -> h.equalsIgnoreCase("Content-Type: text/event-stream; charset=utf-8"));
        assertThat(stream.headers).anyMatch(h -> h.equalsIgnoreCase("Transfer-encoding: chunked"));

        assertThat(daily.get("source-key", "/purchased-phone-numbers").status()).isEqualTo(200);
        assertThat(daily.get("wrong-key", "/").status()).isEqualTo(401);

        JsonNode first = stream.nextRequest();
        JsonNode second = stream.nextRequest();
        assertThat(first.path("path").asText()).isEqualTo("/v1/purchased-phone-numbers");
        assertThat(first.path("status").asInt()).isEqualTo(200);
        assertThat(first.path("key_fingerprint").asText()).startsWith("sha256:");
        assertThat(first.path("micros").asLong()).isPositive();
        assertThat(second.path("status").asInt()).isEqualTo(401);
        assertThat(stream.lastId).isEqualTo(second.path("seq").asLong());
        assertThat(stream.text()).doesNotContain("source-key", "wrong-key");
    }

    @Test
    void aNewStreamReplaysTheLogAndAReconnectResumesAfterLastEventId() throws Exception {
        for (int i = 0; i < 3; i++) {
            daily.get("source-key", "/");
        }
        Stream replay = open(null);
        List<Long> replayed = List.of(replay.nextRequest().path("seq").asLong(), replay.nextRequest().path("seq").asLong(),
                replay.nextRequest().path("seq").asLong());
        assertThat(replayed).containsExactly(1L, 2L, 3L);

        Stream resumed = open(2L);
        daily.get("source-key", "/");
        assertThat(resumed.nextRequest().path("seq").asLong()).isEqualTo(3);
        assertThat(resumed.nextRequest().path("seq").asLong()).isEqualTo(4);
    }

    @Test
    void quietStreamsGetKeepAliveCommentsAndAdminChangesAreAnnounced() throws Exception {
        Stream stream = open(null);
        stream.await(line -> line.equals(": keep-alive"));

        admin.post(null, "/__admin/faults", "{\"path\": \"/v1/\", \"kind\": \"5xx\", \"count\": 1}");
        assertThat(stream.nextData("changed")).isEqualTo("{\"what\":\"faults\"}");
        admin.post(null, "/__admin/clock", "{\"advance_seconds\": 60}");
        assertThat(stream.nextData("changed")).isEqualTo("{\"what\":\"clock\"}");
        admin.post(null, "/__admin/state", emulator.admin().dumpState());
        assertThat(stream.nextData("changed")).isEqualTo("{\"what\":\"state\"}");
        emulator.admin().reset();
        assertThat(stream.nextData("changed")).isEqualTo("{\"what\":\"state\"}");
    }

    @Test
    void closingTheEmulatorEndsOpenStreamsAtOnce() throws Exception {
        Stream one = open(null);
        Stream two = open(null);
        one.await(line -> line.equals(": keep-alive"));

        long started = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(emulator::close);

        closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("close() with two open streams took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        one.await(EOF::equals);
        two.await(EOF::equals);
        // each chunked answer was finished with its last chunk, not cut off by the server's stop
        assertThat(one.text()).endsWith("0\r\n\r\n" + EOF);
        assertThat(two.text()).endsWith("0\r\n\r\n" + EOF);
    }

    /** An event-stream request on a raw socket; a thread reads its lines into a queue (EOF at the end). */
    private Stream open(Long lastEventId) throws IOException, InterruptedException {
        Stream stream = new Stream(new Socket(emulator.baseUri().getHost(), emulator.port()));
        String request = "GET /__admin/console/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
        OutputStream out = stream.socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        stream.statusLine = stream.take();
        for (String line = stream.take(); !line.isEmpty(); line = stream.take()) {
            stream.headers.add(line);
        }
        streams.add(stream);
        return stream;
    }

    private static final class Stream {
        final Socket socket;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder seen = new StringBuilder();
        final List<String> headers = new ArrayList<>();
        String statusLine;
        long lastId = -1;

        Stream(Socket socket) throws IOException {
            this.socket = socket;
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Thread thread = new Thread(() -> {
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the test closed the socket
                }
                lines.add(EOF);
            }, "sse-test-reader");
            thread.setDaemon(true);
            thread.start();
        }

        String take() throws InterruptedException {
            String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no line within " + WAIT + "; seen so far:\n" + seen);
            }
            seen.append(line).append(EOF.equals(line) ? "" : "\r\n");
            return line;
        }

        String await(Predicate<String> wanted) throws InterruptedException {
            for (String line = take(); ; line = take()) {
                if (wanted.test(line)) {
                    return line;
                }
                if (EOF.equals(line)) {
                    throw new AssertionError("the stream ended; seen:\n" + seen);
                }
            }
        }

        /** The data of the next event of this type (chunk-size lines of the chunked coding are skipped). */
        String nextData(String event) throws InterruptedException {
            await(line -> line.equals("event: " + event));
            String line = await(l -> l.startsWith("data: ") || l.startsWith("id: "));
            if (line.startsWith("id: ")) {
                lastId = Long.parseLong(line.substring(4));
                line = await(l -> l.startsWith("data: "));
            }
            return line.substring("data: ".length());
        }

        JsonNode nextRequest() throws Exception {
            return TestHttp.JSON.readTree(nextData("request"));
        }

        String text() {
            return seen.toString();
        }
    }
}
