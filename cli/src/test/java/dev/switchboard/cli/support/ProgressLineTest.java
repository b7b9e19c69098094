package dev.switchboard.cli.support;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    /** A clock that only moves when told. */
    static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
    private final StringWriter err = new StringWriter();

    private CliContext context(boolean terminal) {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), terminal, Map.of(), Path.of("."), clock);
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceWithRateFailuresAndEta() {
        try (ProgressLine line = new ProgressLine(context(true), "transfer", 10)) {
            clock.advance(Duration.ofSeconds(2));
            line.update(1, 0);
            clock.advance(Duration.ofSeconds(2));
            line.update(4, 1);
            clock.advance(Duration.ofMillis(50));
            line.update(5, 1); // within 100 ms of the last print: skipped
            clock.advance(Duration.ofSeconds(6));
            line.update(10, 1);
        }
        assertThat(err.toString()).isEqualTo(
                "\rtransfer: 1/10 (10%), 0.5/s, ETA 18s"
                        + "\rtransfer: 4/10 (40%), 1 failed, 1.0/s, ETA 6s"
                        + "\rtransfer: 10/10 (100%), 1 failed, 1.0/s, took 10s\n");
    }

    @Test
    void onAPipeAPlainLineIsPrintedAtMostEveryFiveSecondsAndAlwaysAtTheEnd() {
        try (ProgressLine line = new ProgressLine(context(false), "buying", 100)) {
            for (int i = 1; i <= 100; i++) {
                clock.advance(Duration.ofMillis(200));
                line.update(i, 0);
            }
        }
        assertThat(err.toString().lines()).containsExactly(
                "buying: 1/100 (1%), 5.0/s, ETA 20s",
                "buying: 26/100 (26%), 5.0/s, ETA 15s",
                "buying: 51/100 (51%), 5.0/s, ETA 10s",
                "buying: 76/100 (76%), 5.0/s, ETA 5s",
                "buying: 100/100 (100%), 5.0/s, took 20s");
        assertThat(err.toString()).doesNotContain("\r");
    }

    @Test
    void anInterruptionPrintsWhatFinishedWhatIsLeftAndTheCommandThatResumes() {
        ProgressLine line = new ProgressLine(context(true), "transfer", 100,
                "switchboard transfer apply --dir /srv/move --yes");
        clock.advance(Duration.ofSeconds(1));
        line.update(40, 2);
        String summary = line.interrupted();
        assertThat(summary).isEqualTo("transfer interrupted: 40 of 100 finished (2 failed), 60 left; "
                + "resume with: switchboard transfer apply --dir /srv/move --yes");
        assertThat(err.toString()).endsWith("\n" + summary + "\n");
        line.close();
        assertThat(err.toString()).endsWith(summary + "\n");
    }

    @Test
    void aFinishedLineHasNothingToSayOnInterrupt() {
        ProgressLine line = new ProgressLine(context(false), "rollback", 2, "switchboard transfer rollback --all");
        line.update(2, 0);
        assertThat(line.interrupted()).isEmpty();
    }

    @Test
    void quietPrintsNothingButStillReportsAnInterruption() {
        ProgressLine line = new ProgressLine(context(false), "updating", 3, "switchboard x").quiet();
        line.update(1, 0);
        assertThat(err.toString()).isEmpty();
        assertThat(line.interrupted()).contains("1 of 3 finished, 2 left; resume with: switchboard x");
    }

    @Test
    void resumeCommandsAreQuotedForTheShell() {
        assertThat(ProgressMixin.quoted("--dir")).isEqualTo("--dir");
        assertThat(ProgressMixin.quoted("/tmp/my plans")).isEqualTo("'/tmp/my plans'");
        assertThat(ProgressMixin.quoted("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void aNoteOnATerminalClearsTheLinePrintsItselfAndTheLineComesBack() {
        try (ProgressLine line = new ProgressLine(context(true), "buying", 3)) {
            line.update(1, 0);
            line.note("purchase buy-0002 failed: no numbers left");
            line.update(2, 1);
        }
        String text = err.toString();
        String first = "\rbuying: 1/3 (33%), 1000.0/s, ETA 0ms";
        assertThat(text).startsWith(first + "\r" + " ".repeat(first.length() - 1) + "\r"
                + "purchase buy-0002 failed: no numbers left\n\rbuying: 2/3 (66%), 1 failed");
        assertThat(text).endsWith("\n");
    }

    @Test
    void aNoteIsPrintedEvenWithoutProgress() {
        try (ProgressLine line = new ProgressLine(context(false), "buying", 3).quiet()) {
            line.update(1, 0);
            line.note("reconciled buy-0001: it bought +14155550100 (id-1)");
        }
        assertThat(err.toString()).isEqualTo("reconciled buy-0001: it bought +14155550100 (id-1)\n");
    }
}
