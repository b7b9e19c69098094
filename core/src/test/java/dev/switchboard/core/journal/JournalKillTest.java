package dev.switchboard.core.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kills a child JVM (SIGKILL) while four threads append, then reopens the journal: every record the
 * child acknowledged is there, intact, and the lock died with the child.
 */
class JournalKillTest {
    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesAKill() throws Exception {
        Path file = dir.resolve("killed.journal");
        Process child = startChild(file, 4, 100_000);
        Map<Long, String> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("OPEN 0");
            assertThatThrownBy(() -> Journal.open(file))
                    .isInstanceOf(JournalLockedException.class)
                    .hasMessageContaining("(pid " + child.pid() + ")");
            while (acknowledged.size() < ACKS_BEFORE_KILL) {
                String line = out.readLine();
                assertThat(line).as("child output").isNotNull().startsWith("ACK ");
                String[] parts = line.split(" ");
                acknowledged.put(Long.parseLong(parts[1]), parts[2] + "/" + parts[3]);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        try (Journal journal = Journal.open(file)) {
            List<JournalRecord> records = journal.records();
            assertThat(records.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                JournalRecord record = records.get((int) (ack.getKey() - 1));
                assertThat(record.seq()).isEqualTo(ack.getKey());
                assertThat(record.data().get("thread").asInt() + "/" + record.data().get("n").asInt())
                        .isEqualTo(ack.getValue());
                assertThat(record.entry()).isEqualTo("thread-" + record.data().get("thread").asInt());
            }
            System.out.println("JournalKillTest: " + acknowledged.size() + " acknowledged, " + records.size()
                    + " recovered, " + journal.repairedBytes() + " torn bytes cut");
            journal.append("parent", "after-kill", Phase.BEGIN);
        }
    }

    private static Process startChild(Path file, int threads, int limit) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                JournalAppenderChild.class.getName(), file.toString(), Integer.toString(threads), Integer.toString(limit))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
