package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.RequestLogEntry;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends DailyTestBase {
    private static final String BUY = "POST /v1/buy-phone-number";

    private int ownedBySource() {
        return http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt();
    }

    private TestHttp.Response buy(String number) throws IOException {
        return http.sendOrThrow("POST", SOURCE_KEY, "/buy-phone-number", "{\"number\":\"" + number + "\"}",
                Duration.ofSeconds(5));
    }

    @Test
    void rateLimitSpurious400And5xxAnswerWithoutApplying() throws IOException {
        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.RATE_LIMIT));
        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.SPURIOUS_400));
        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.SERVER_ERROR).withStatus(503));

        TestHttp.Response limited = buy("+14155550101");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("error")).isEqualTo("rate-limit-error");
        TestHttp.Response spurious = buy("+14155550101");
        assertThat(spurious.status()).isEqualTo(400);
        assertThat(spurious.text("error")).isEqualTo("invalid-request-error");
        TestHttp.Response unavailable = buy("+14155550101");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.text("error")).isEqualTo("server-error");
        assertThat(ownedBySource()).isZero();

        assertThat(emulator.admin().faults()).isEmpty();
        assertThat(buy("+14155550101").status()).isEqualTo(200);
        assertThat(ownedBySource()).isEqualTo(1);
        List<String> faults = emulator.admin().requests().stream().map(RequestLogEntry::fault).limit(4).toList();
        assertThat(faults).containsExactly("429", "spurious-400", "5xx", null);
    }

    @Test
    void resetDropsTheConnectionWithoutApplying() {
        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.RESET));
        // java.net.http reports the dropped connection as an IOException (EOF before any response bytes).
        assertThatThrownBy(() -> buy("+14155550101")).isInstanceOf(IOException.class)
                .satisfies(e -> System.out.println("reset seen by the client as: " + e));
        assertThat(ownedBySource()).isZero();
        assertThat(emulator.admin().requests().get(0).status()).isZero();
        assertThat(emulator.admin().requests().get(0).fault()).isEqualTo("reset");
    }

    @Test
    void appliedLostFaultsApplyTheChangeButTheClientSeesAFailure() throws IOException {
        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.APPLIED_LOST_5XX));
        TestHttp.Response lost = buy("+14155550101");
        assertThat(lost.status()).isEqualTo(500);
        assertThat(lost.text("error")).isEqualTo("server-error");
        assertThat(ownedBySource()).isEqualTo(1);

        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.APPLIED_LOST_RESET));
        assertThatThrownBy(() -> buy("+14155550102")).isInstanceOf(IOException.class);
        assertThat(ownedBySource()).isEqualTo(2);
    }

    @Test
    void latencyDelaysThenServesAndTimeoutHoldsThenCloses() throws IOException {
        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.LATENCY).withMillis(250));
        long started = System.nanoTime();
        assertThat(buy("+14155550101").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.TIMEOUT).withMillis(300));
        long held = System.nanoTime();
        assertThatThrownBy(() -> buy("+14155550102")).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - held)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        emulator.admin().addFault(FaultRule.times(1, BUY, FaultKind.TIMEOUT).withMillis(5_000));
        assertThatThrownBy(() -> http.sendOrThrow("POST", SOURCE_KEY, "/buy-phone-number",
                "{\"number\":\"+14155550103\"}", Duration.ofMillis(200))).isInstanceOf(HttpTimeoutException.class);
        assertThat(ownedBySource()).isEqualTo(1);
    }

    @Test
    void rulesMatchMethodPathGlobAndApiKey() throws IOException {
        emulator.admin().addFault(FaultRule.times(2, "GET /v1/purchased-*", FaultKind.SERVER_ERROR).forApiKey(TARGET_KEY));
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").status()).isEqualTo(200);
        assertThat(http.get(TARGET_KEY, "/").status()).isEqualTo(200);
        assertThat(http.get(TARGET_KEY, "/purchased-phone-numbers").status()).isEqualTo(500);
        assertThat(emulator.admin().faults()).singleElement().extracting(FaultRule::count).isEqualTo(1);
        assertThat(http.get(TARGET_KEY, "/purchased-phone-numbers?limit=5").status()).isEqualTo(500);
        assertThat(http.get(TARGET_KEY, "/purchased-phone-numbers").status()).isEqualTo(200);
    }

    @Test
    void theSameSeedGivesTheSameFaultSequence() throws IOException {
        List<Integer> first = statusesUnderRandomFaults(7);
        List<Integer> again = statusesUnderRandomFaults(7);
        List<Integer> otherSeed = statusesUnderRandomFaults(8);
        System.out.println("fault sequence seed 7: " + first);
        assertThat(again).isEqualTo(first);
        assertThat(first).contains(200, 503);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    private List<Integer> statusesUnderRandomFaults(long seed) throws IOException {
        try (Emulator seeded = Emulator.builder().seed(seed).clock(START).disableRateLimits()
                .faults(FaultRule.withProbability(0.5, "GET *", FaultKind.SERVER_ERROR).withStatus(503)).start()) {
            seeded.admin().daily().createDomain("d", "k");
            TestHttp client = new TestHttp(seeded.dailyBaseUri());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(client.get("k", "/").status());
            }
            return statuses;
        }
    }
}
