package dev.switchboard.cli.support;

import dev.switchboard.daily.PageListener;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PagingProgressTest {
    private final ProgressLineTest.StepClock clock = new ProgressLineTest.StepClock();
    private final StringWriter err = new StringWriter();

    private CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), false, Map.of(), Path.of("."), clock);
    }

    @Test
    void aQuickReadPrintsNothing() {
        try (PagingProgress reading = PagingProgress.start(context(), "reading both domains", false)) {
            PageListener source = reading.listener("source");
            source.page("/purchased-phone-numbers", 100, 140);
            clock.advance(Duration.ofMillis(500));
            source.page("/purchased-phone-numbers", 140, 140);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLongReadShowsItemsOfEveryListAndEndsWithTheCount() {
        try (PagingProgress reading = PagingProgress.start(context(), "reading both domains", false)) {
            PageListener source = reading.listener("source");
            PageListener target = reading.listener("target");
            source.page("/purchased-phone-numbers", 100, 1000);
            clock.advance(Duration.ofSeconds(3));
            target.page("/purchased-phone-numbers", 50, 50);
            // The same path from the other domain is another list: 200 + 50 read of 1,000 + 50.
            source.page("/purchased-phone-numbers", 200, 1000);
            clock.advance(Duration.ofSeconds(6));
            source.page("/purchased-phone-numbers", 1000, 1000);
            // Once every started list is complete, the line still waits for close(): a list may not have begun.
            assertThat(err.toString()).doesNotContain("took");
        }
        String[] lines = err.toString().strip().split("\n");
        assertThat(lines[0]).startsWith("reading both domains: 150/1050 (14%)");
        assertThat(lines[lines.length - 1]).startsWith("reading both domains: 1050/1050 (100%)").contains("took 9s");
    }

    @Test
    void noProgressPrintsNothingEvenForALongRead() {
        try (PagingProgress reading = PagingProgress.start(context(), "reading both domains", true)) {
            clock.advance(Duration.ofSeconds(30));
            reading.listener("source").page("/domain-dialin-config", 100, 5000);
        }
        assertThat(err.toString()).isEmpty();
    }
}
