package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static ObjectNode data(String key, String value) {
        return Json.mapper().createObjectNode().put(key, value);
    }

    @Test
    void appendsAreReplayedOnReopenAndSeqContinues() throws IOException {
        Path file = dir.resolve("apply.journal");
        try (Journal journal = Journal.open(file, CLOCK)) {
            assertThat(journal.records()).isEmpty();
            JournalRecord first = journal.append("+10114870006", "transfer", Phase.BEGIN, data("phoneId", "p-1"));
            assertThat(first).isEqualTo(new JournalRecord(1, CLOCK.instant(), "+10114870006", "transfer",
                    Phase.BEGIN, data("phoneId", "p-1")));
            journal.append("+10114870006", "transfer", Phase.DONE, data("newId", "n-1"));
            assertThat(journal.lastSeq()).isEqualTo(2);
        }
        try (Journal journal = Journal.open(file, CLOCK)) {
            assertThat(journal.repairedBytes()).isZero();
            assertThat(journal.records()).extracting(JournalRecord::seq, JournalRecord::phase)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, Phase.BEGIN),
                            org.assertj.core.groups.Tuple.tuple(2L, Phase.DONE));
            assertThat(journal.records().get(1).data()).isEqualTo(data("newId", "n-1"));
            assertThat(journal.append("+10114870006", "delete-source-config", Phase.BEGIN).seq()).isEqualTo(3);
        }
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("{\"seq\":1,\"ts\":\"2025-06-30T12:00:00Z\","
                + "\"entry\":\"+10114870006\",\"step\":\"transfer\",\"phase\":\"BEGIN\",\"data\":{\"phoneId\":\"p-1\"}}");
    }

    @Test
    void journalAndLockFileAreOwnerOnly() throws IOException {
        Path file = dir.resolve("j.journal");
        try (Journal journal = Journal.open(file, CLOCK)) {
            journal.append("e", "s", Phase.BEGIN, data("hmac", "secret"));
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("j.journal.lock")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Journal.open(file, CLOCK).close();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aSecondOpenerIsRefusedUntilTheFirstCloses() throws IOException {
        Path file = dir.resolve("j.journal");
        Journal first = Journal.open(file, CLOCK);
        assertThatThrownBy(() -> Journal.open(file, CLOCK))
                .isInstanceOf(JournalLockedException.class)
                .hasMessageContaining("is already open in this process")
                .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
                .hasMessageContaining("close it before opening it again");
        first.append("e", "s", Phase.BEGIN);
        first.close();
        try (Journal second = Journal.open(file, CLOCK)) {
            assertThat(second.records()).hasSize(1);
        }
    }

    @Test
    void closedJournalRefusesAppendsAndCloseIsIdempotent() throws IOException {
        Journal journal = Journal.open(dir.resolve("j.journal"), CLOCK);
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append("e", "s", Phase.DONE))
                .isInstanceOf(JournalException.class).hasMessageContaining("is closed");
    }

    @Test
    void rejectsBlankNamesAndKeepsItsOwnCopyOfData() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("j.journal"), CLOCK)) {
            assertThatThrownBy(() -> journal.append(" ", "s", Phase.BEGIN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("entry must not be blank");
            assertThatThrownBy(() -> journal.append("e", "", Phase.BEGIN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("step must not be blank");
            ObjectNode mutable = data("k", "before");
            journal.append("e", "s", Phase.BEGIN, mutable);
            mutable.put("k", "after");
            assertThat(journal.records().get(0).data().get("k").asText()).isEqualTo("before");
        }
    }

    @Test
    void toStringHidesData() {
        JournalRecord record = new JournalRecord(1, CLOCK.instant(), "e", "s", Phase.DONE, data("hmac", "top-secret"));
        assertThat(record.toString()).doesNotContain("top-secret").contains("seq=1", "entry=e", "step=s", "DONE");
    }

    @Test
    void concurrentAppendersGetConsecutiveSeqsAndKeepTheirOwnOrder() throws Exception {
        Path file = dir.resolve("j.journal");
        int threads = 8;
        int perThread = 250;
        List<JournalRecord> acknowledged = new ArrayList<>();
        try (Journal journal = Journal.open(file, CLOCK)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<JournalRecord>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String entry = "entry-" + t;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<JournalRecord> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(journal.append(entry, "step-" + i, Phase.DONE, data("i", Integer.toString(i))));
                    }
                    return mine;
                }));
            }
            go.countDown();
            for (Future<List<JournalRecord>> future : futures) {
                List<JournalRecord> mine = future.get(60, TimeUnit.SECONDS);
                assertThat(mine).extracting(JournalRecord::seq).isSorted();
                acknowledged.addAll(mine);
            }
            pool.shutdown();
            assertThat(journal.records()).hasSize(threads * perThread);
            assertThat(journal.records()).extracting(JournalRecord::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        }
        try (Journal reopened = Journal.open(file, CLOCK)) {
            assertThat(reopened.records()).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(reopened.view().doneSteps("entry-3")).hasSize(perThread);
        }
    }

    @Test
    void damageBeforeTheLastLineIsReportedNotRepaired() throws IOException {
        Path file = writeJournal(3);
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, lines.get(0) + "\n" + lines.get(1).replace("\"seq\"", "\"sq\"") + "\n" + lines.get(2) + "\n");
        assertThatThrownBy(() -> Journal.open(file, CLOCK))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("line 2 (byte " + (lines.get(0).length() + 1) + ") is damaged: missing field 'seq'");
        assertThat(Files.readAllLines(file)).hasSize(3);
        // The lock is released after a failed open.
        Files.writeString(file, String.join("\n", lines) + "\n");
        Journal.open(file, CLOCK).close();
    }

    @Test
    void aMissingOrRepeatedRecordIsCorruption() throws IOException {
        Path file = writeJournal(3);
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, lines.get(0) + "\n" + lines.get(2) + "\n");
        assertThatThrownBy(() -> Journal.open(file, CLOCK))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("expected seq 2 but found 3");
    }

    @Test
    void aCompleteButUnreadableLastLineIsCorruption() throws IOException {
        Path file = writeJournal(2);
        Files.writeString(file, "{not json}\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> Journal.open(file, CLOCK))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void mistypedFieldsAreCorruption() throws IOException {
        Path file = dir.resolve("j.journal");
        Files.writeString(file, "{\"seq\":1,\"ts\":\"2025-06-30T12:00:00Z\",\"entry\":\"e\",\"step\":\"s\",\"phase\":\"MAYBE\",\"data\":{}}\n");
        assertThatThrownBy(() -> Journal.open(file, CLOCK)).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("MAYBE");
        Files.writeString(file, "{\"seq\":\"1\",\"ts\":\"2025-06-30T12:00:00Z\",\"entry\":\"e\",\"step\":\"s\",\"phase\":\"DONE\",\"data\":{}}\n");
        assertThatThrownBy(() -> Journal.open(file, CLOCK)).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("field 'seq' is not a number");
    }

    @Test
    void trailingNulBytesFromAnInterruptedExtensionAreCutOff() throws IOException {
        Path file = writeJournal(2);
        long size = Files.size(file);
        byte[] zeros = new byte[4096];
        zeros[100] = '\n';
        Files.write(file, zeros, java.nio.file.StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(file, CLOCK)) {
            assertThat(journal.records()).hasSize(2);
            assertThat(journal.repairedBytes()).isEqualTo(4096);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void viewSummarisesTheLastPhaseOfEachStep() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("j.journal"), CLOCK)) {
            journal.append("+1A", "transfer", Phase.BEGIN);
            journal.append("+1A", "transfer", Phase.DONE, data("newId", "n-1"));
            journal.append("+1A", "delete-config", Phase.BEGIN);
            journal.append("+1B", "transfer", Phase.BEGIN);
            journal.append("+1B", "transfer", Phase.UNKNOWN, data("status", "503"));
            journal.append("+1C", "transfer", Phase.BEGIN);
            journal.append("+1C", "transfer", Phase.FAILED, data("status", "422"));
            JournalView view = journal.view();
            assertThat(view.entries()).containsExactly("+1A", "+1B", "+1C");
            assertThat(view.doneSteps("+1A")).containsExactly("transfer");
            assertThat(view.ambiguousSteps("+1A")).containsExactly("delete-config");
            assertThat(view.last("+1A", "transfer").orElseThrow().data().get("newId").asText()).isEqualTo("n-1");
            assertThat(view.isDone("+1A", "transfer")).isTrue();
            assertThat(view.isDone("+1A", "delete-config")).isFalse();
            assertThat(view.phase("+1A", "create-config")).isEmpty();
            assertThat(view.ambiguousSteps("+1B")).containsExactly("transfer");
            assertThat(view.failedSteps("+1C")).containsExactly("transfer");
            assertThat(view.ambiguousSteps("+1C")).isEmpty();
            assertThat(view.entriesWithAmbiguousSteps()).containsExactly("+1A", "+1B");
            assertThat(view.steps("+1Z")).isEmpty();
            assertThat(view.steps("+1A").keySet()).containsExactly("transfer", "delete-config");
        }
    }

    @Test
    void theIndexedViewsMatchAReplayOfTheFileAfterAppendsAndAReopen() throws IOException {
        Path file = dir.resolve("j.journal");
        try (Journal journal = Journal.open(file, CLOCK)) {
            journal.append("+1A", "transfer", Phase.BEGIN);
            journal.append("+1B", "transfer", Phase.BEGIN);
            journal.append("+1A", "transfer", Phase.DONE, data("newId", "n-1"));
            JournalView before = journal.view("+1A");
            journal.append("+1A", "create", Phase.BEGIN);
            // A snapshot: later appends do not show through.
            assertThat(before.steps("+1A").keySet()).containsExactly("transfer");
            assertThat(before.entries()).containsExactly("+1A");
            assertThat(journal.view("+1Z").entries()).isEmpty();
            assertSameView(journal.view(), JournalView.of(journal.records()));
        }
        try (Journal reopened = Journal.open(file, CLOCK)) {
            assertSameView(reopened.view(), JournalView.of(reopened.records()));
            assertThat(reopened.view("+1A").phase("+1A", "create")).contains(Phase.BEGIN);
            assertThat(reopened.view("+1A").last("+1A", "transfer").orElseThrow().data().get("newId").asText())
                    .isEqualTo("n-1");
        }
    }

    private static void assertSameView(JournalView actual, JournalView expected) {
        assertThat(actual.entries()).containsExactlyElementsOf(expected.entries());
        for (String entry : expected.entries()) {
            assertThat(actual.steps(entry)).isEqualTo(expected.steps(entry));
        }
    }

    private Path writeJournal(int records) throws IOException {
        Path file = dir.resolve("j.journal");
        try (Journal journal = Journal.open(file, CLOCK)) {
            for (int i = 0; i < records; i++) {
                journal.append("entry", "step-" + i, Phase.DONE, data("i", "v" + i));
            }
        }
        return file;
    }
}
