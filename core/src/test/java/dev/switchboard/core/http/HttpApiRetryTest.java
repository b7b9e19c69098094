package dev.switchboard.core.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpApiRetryTest {
    private static final Secret KEY = Secret.of("retry-test-key");
    private static final String OK = "{\"ok\":true}";
    private static final String RATE = "{\"error\":\"rate-limit-error\",\"info\":\"slow down\"}";
    private static final String BOOM = "{\"error\":\"server-error\",\"info\":\"boom\"}";

    private final FakeTime time = new FakeTime();
    private StubServer stub;
    private HttpApi api;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        api = TestApis.builder(stub.baseUri(), KEY, time).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void getRetriesServerErrorsWithGrowingJitteredBackoff() {
        stub.enqueue(json(500, BOOM), json(503, BOOM), json(200, OK));
        ApiResponse response = api.send(ApiRequest.get("/things"));
        assertThat(response.body().path("ok").asBoolean()).isTrue();
        assertThat(response.afterAmbiguousAttempt()).isTrue();
        assertThat(stub.requests()).hasSize(3);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void getGivesUpAfterMaxRetriesWithServerException() {
        stub.enqueue(json(500, BOOM), json(500, BOOM), json(500, BOOM), json(502, BOOM));
        assertThatThrownBy(() -> api.send(ApiRequest.get("/things")))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.errorType()).isEqualTo("server-error");
                    assertThat(e.getMessage()).isEqualTo("GET /things -> 502 server-error: boom"
                            + " (after an earlier attempt with an unknown outcome)");
                });
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void getRetriesDroppedConnections() {
        // The JDK client itself may re-send a GET once on a closed connection, so queue enough drops
        // that our own retry is needed too.
        stub.enqueue(new StubServer.Drop(), new StubServer.Drop(), json(200, OK));
        ApiResponse response = api.send(ApiRequest.get("/things"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.afterAmbiguousAttempt()).isTrue();
        assertThat(stub.requests()).hasSize(3);
        assertThat(time.sleeps()).isNotEmpty();
    }

    @Test
    void getThatKeepsDroppingEndsInTransportException() {
        stub.enqueue(new StubServer.Drop(), new StubServer.Drop(), new StubServer.Drop(), new StubServer.Drop(),
                new StubServer.Drop(), new StubServer.Drop(), new StubServer.Drop(), new StubServer.Drop());
        assertThatThrownBy(() -> api.send(ApiRequest.get("/things")))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("GET /things -> no response");
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void retryAfterSecondsPausesTheWholeBudget() {
        RateBudget budget = new RateBudget(RateLimits.unlimited(), time, time);
        HttpApi limited = TestApis.builder(stub.baseUri(), KEY, time).rateBudget(budget).build();
        stub.enqueue(json(429, RATE, Map.of("Retry-After", "7")), json(200, OK));
        assertThat(limited.send(ApiRequest.get("/things")).status()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void everyAttemptReturnsItsPermitWhenTheAnswerIsIn() {
        // One request per second, and only one in flight: a permit that was never returned would block the
        // next send for ever; returned, the next one waits for the window to pass the first answer.
        RateBudget budget = new RateBudget(RateLimits.of(new RateLimits.Window(1, Duration.ofSeconds(1))), time, time);
        HttpApi limited = TestApis.builder(stub.baseUri(), KEY, time).rateBudget(budget).build();
        stub.enqueue(json(500, BOOM), json(200, OK), json(200, OK));
        assertThat(limited.send(ApiRequest.get("/things")).status()).isEqualTo(200);
        assertThat(limited.send(ApiRequest.get("/things")).status()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(3);
        assertThat(budget.typicalLatency()).isPresent();
    }

    @Test
    void a429SlowsTheWholeBudgetDown() {
        RateBudget budget = new RateBudget(RateLimits.of(new RateLimits.Window(20, Duration.ofSeconds(1))), time, time);
        HttpApi limited = TestApis.builder(stub.baseUri(), KEY, time).rateBudget(budget).build();
        stub.enqueue(json(429, RATE, Map.of("Retry-After", "1")), json(200, OK));
        assertThat(limited.send(ApiRequest.get("/things")).status()).isEqualTo(200);
        assertThat(budget.pace()).isLessThan(1.0);
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        Instant now = Instant.parse("2025-03-14T04:46:31Z");
        String in12Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(12).atOffset(ZoneOffset.UTC));
        HttpApi dated = TestApis.builder(stub.baseUri(), KEY, time).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        stub.enqueue(json(429, RATE, Map.of("Retry-After", in12Seconds)), json(200, OK));
        dated.send(ApiRequest.get("/things"));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffAndFinallyThrows() {
        stub.enqueue(json(429, RATE), json(429, RATE), json(429, RATE), json(429, RATE));
        assertThatThrownBy(() -> api.send(ApiRequest.get("/things")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.status()).isEqualTo(429));
        assertThat(stub.requests()).hasSize(4);
        // Three pauses before the three retries (the last 429 pauses the budget for later callers).
        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(2)).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void postAnsweredServerErrorIsUnknownOutcomeAndSentOnce() {
        stub.enqueue(json(500, BOOM), json(200, OK));
        assertThatThrownBy(() -> api.send(ApiRequest.post("/transfer", HttpJson.object().put("a", 1))))
                .isInstanceOfSatisfying(UnknownOutcomeException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.method()).isEqualTo("POST");
                });
        assertThat(stub.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void postWithDroppedConnectionIsUnknownOutcomeAndSentOnce() {
        stub.enqueue(new StubServer.Drop(), json(200, OK));
        assertThatThrownBy(() -> api.send(ApiRequest.post("/transfer", HttpJson.object())))
                .isInstanceOfSatisfying(UnknownOutcomeException.class, e -> assertThat(e.status()).isZero());
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void postThatTimesOutIsUnknownOutcomeAndSentOnce() {
        HttpApi impatient = TestApis.builder(stub.baseUri(), KEY, time).requestTimeout(Duration.ofMillis(300)).build();
        stub.enqueue(new StubServer.Hang(), json(200, OK));
        assertThatThrownBy(() -> impatient.send(ApiRequest.post("/buy", HttpJson.object())))
                .isInstanceOf(UnknownOutcomeException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void postRefusedByRateLimiterIsRetried() {
        stub.enqueue(json(429, RATE), json(200, OK));
        assertThat(api.send(ApiRequest.post("/buy", HttpJson.object())).status()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aRefusedConnectionFailsAtOnceNamingHostAndPortBecauseNothingWasSent() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            port = socket.getLocalPort();
        }
        HttpApi unreachable = TestApis.builder(URI.create("http://127.0.0.1:" + port + "/v1"), KEY, time).build();
        for (ApiRequest request : List.of(ApiRequest.post("/buy", HttpJson.object()), ApiRequest.get("/numbers"))) {
            assertThatThrownBy(() -> unreachable.send(request))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.afterAmbiguousAttempt()).isFalse())
                    .hasMessageContaining("connection refused by 127.0.0.1:" + port);
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aConnectTimeoutIsNotARefusalSoItIsRetried() {
        // The JDK wraps a ConnectException("HTTP connect timed out") in its HttpConnectTimeoutException.
        java.net.http.HttpConnectTimeoutException timedOut = new java.net.http.HttpConnectTimeoutException("HTTP connect timed out");
        timedOut.initCause(new java.net.ConnectException("HTTP connect timed out"));
        assertThat(HttpApi.refused(timedOut)).isFalse();
        assertThat(HttpApi.refused(new java.net.ConnectException("Connection refused"))).isTrue();
        assertThat(HttpApi.refused(new IOException("wrapped", new java.net.ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void deleteRetriedAfterAmbiguousAttemptReportsNotFoundAsPossiblyDone() {
        stub.enqueue(json(502, BOOM), json(404, "{\"error\":\"not-found\",\"info\":\"gone\"}"));
        assertThatThrownBy(() -> api.send(ApiRequest.delete("/configs/abc")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.afterAmbiguousAttempt()).isTrue());
    }

    @Test
    void plainNotFoundIsNotAmbiguous() {
        stub.enqueue(json(404, "{\"error\":\"not-found\",\"info\":\"gone\"}"));
        assertThatThrownBy(() -> api.send(ApiRequest.delete("/configs/abc")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.afterAmbiguousAttempt()).isFalse());
    }
}
