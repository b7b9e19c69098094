package dev.switchboard.core.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lock holds against other processes, also after a refused second open in this process (closing a
 * file descriptor would drop the process's POSIX locks on that file, so a refused open must not touch it).
 */
class JournalLockAcrossProcessesTest {
    @TempDir
    Path dir;

    @Test
    void anotherProcessIsRefusedEvenAfterARefusedOpenHere() throws Exception {
        Path file = dir.resolve("shared.journal");
        try (Journal journal = Journal.open(file, JournalTest.CLOCK)) {
            journal.append("e", "s", Phase.DONE);
            assertThatThrownBy(() -> Journal.open(file, JournalTest.CLOCK)).isInstanceOf(JournalLockedException.class);
            assertThatThrownBy(() -> Journal.open(dir.resolve("./shared.journal"), JournalTest.CLOCK))
                    .isInstanceOf(JournalLockedException.class);
            assertThat(probe(file)).isEqualTo("LOCKED");
        }
        assertThat(probe(file)).isEqualTo("OPENED 1");
    }

    static String probe(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), JournalOpenProbe.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
