package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.emulator.server.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest extends DailyTestBase {
    private static final RateLimits TIGHT = new RateLimits(true, false, Map.of(
            RateLimits.DEFAULT_CLASS, List.of(new RateLimits.Window(5, Duration.ofSeconds(2)),
                    new RateLimits.Window(8, Duration.ofSeconds(4))),
            RateLimits.DIAL_OUT_CLASS, List.of(new RateLimits.Window(1, Duration.ofSeconds(10)))));

    @Test
    void defaultsAreDailysDocumentedLimits() {
        RateLimits defaults = RateLimits.dailyDefaults();
        assertThat(defaults.windowsFor(RateLimits.DEFAULT_CLASS)).containsExactly(
                new RateLimits.Window(20, Duration.ofSeconds(1)), new RateLimits.Window(100, Duration.ofSeconds(5)));
        assertThat(defaults.windowsFor(RateLimits.DIAL_OUT_CLASS)).containsExactly(
                new RateLimits.Window(1, Duration.ofSeconds(1)), new RateLimits.Window(5, Duration.ofSeconds(5)));
        assertThat(defaults.retryAfterHeader()).isFalse();
    }

    @Test
    void rejectsOverTheLimitPerKeyWithoutApplyingThenRecovers() {
        emulator.admin().setRateLimits(TIGHT);
        for (int i = 0; i < 5; i++) {
            assertThat(http.post(SOURCE_KEY, "/verified-caller-ids", "{\"number\":\"+1212555010" + i + "\"}").status())
                    .isEqualTo(200);
        }
        TestHttp.Response limited = http.post(SOURCE_KEY, "/verified-caller-ids", "{\"number\":\"+12125550109\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("error")).isEqualTo("rate-limit-error");
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        // another key has its own budget
        assertThat(http.get(TARGET_KEY, "/").status()).isEqualTo(200);

        // The admitted poll itself is checked: a further request could meet the still-full window again.
        // The windows are seconds long so that a loaded machine still sends six requests inside one.
        TestHttp.Response recovered = await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get(SOURCE_KEY, "/verified-caller-ids"), response -> response.status() == 200);
        assertThat(recovered.get("total_count").asInt()).isEqualTo(5);
    }

    @Test
    void retryAfterHeaderIsOptIn() {
        emulator.admin().setRateLimits(TIGHT.withRetryAfterHeader(true));
        TestHttp.Response response = http.get(SOURCE_KEY, "/");
        for (int i = 0; i < 5 && response.status() == 200; i++) {
            response = http.get(SOURCE_KEY, "/");
        }
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
    }

    @Test
    void dialOutStartHasItsOwnClass() {
        emulator.admin().setRateLimits(TIGHT);
        assertThat(http.post(SOURCE_KEY, "/rooms/r/dialOut/start", "{}").status()).isEqualTo(404);
        assertThat(http.post(SOURCE_KEY, "/rooms/r/dialOut/start", "{}").status()).isEqualTo(429);
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(200);
    }
}
