package dev.switchboard.cli.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"500ms, 500", "2s, 2000", "1.5s, 1500", "5m, 300000", "1h, 3600000", "1m30s, 90000", "2, 2000",
            "0.25, 250", "PT5S, 5000", "pt0.05s, 50", "0s, 0", " 10ms , 10"})
    void readsWhatPeopleWrite(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2x", "s", "-5s", "PT-5S", "5 m", "1d", "ms5"})
    void refusesTheRestNamingTheText(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"500, 500ms", "2000, 2s", "1500, 1.5s", "300000, 5m", "90000, 1m30s", "3600000, 1h", "0, 0ms",
            "3723000, 1h2m3s"})
    void printsTheWayItReads(long millis, String text) {
        assertThat(Durations.exact(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @Test
    void formatThenParseGivesTheSameDurationForRandomValues() {
        long seed = 1212L;
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Duration duration = Duration.ofMillis(random.nextInt(10_000_000));
            assertThat(Durations.parse(Durations.exact(duration))).as(duration.toString()).isEqualTo(duration);
        }
    }

    @Test
    void pluralsCountOneAsOne() {
        assertThat(Plural.of(1, "number")).isEqualTo("1 number");
        assertThat(Plural.of(2, "number")).isEqualTo("2 numbers");
        assertThat(Plural.of(0, "entry", "entries")).isEqualTo("0 entries");
        assertThat(Plural.of(1, "entry", "entries")).isEqualTo("1 entry");
    }
}
