package dev.switchboard.core.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Records queued while a sync is running are all made durable by the next single sync. */
class JournalGroupCommitTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void oneSyncCoversEveryRecordQueuedDuringTheFlushBeforeIt() throws Exception {
        int followers = 7;
        CountDownLatch firstFlushStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(followers + 1);
        try (Journal journal = Journal.open(dir.resolve("g.journal"), JournalTest.CLOCK)) {
            journal.beforeSyncForTests(() -> {
                if (first.getAndSet(false)) {
                    firstFlushStarted.countDown();
                    awaitUninterruptibly(releaseFirstFlush);
                }
            });
            Future<JournalRecord> leader = pool.submit(() -> journal.append("leader", "s", Phase.BEGIN));
            assertThat(firstFlushStarted.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<JournalRecord>> queued = new ArrayList<>();
            for (int i = 0; i < followers; i++) {
                String entry = "follower-" + i;
                queued.add(pool.submit(() -> journal.append(entry, "s", Phase.BEGIN)));
            }
            while (journal.pendingCount() < followers) {
                Thread.onSpinWait(); // every follower has queued its record and is waiting
            }
            assertThat(leader.isDone()).isFalse();
            releaseFirstFlush.countDown();
            assertThat(leader.get(30, TimeUnit.SECONDS).seq()).isEqualTo(1);
            for (Future<JournalRecord> future : queued) {
                assertThat(future.get(30, TimeUnit.SECONDS).seq()).isBetween(2L, 8L);
            }
            assertThat(journal.syncCount()).isEqualTo(2);
            assertThat(journal.records()).hasSize(followers + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedSyncStopsTheJournalAndKeepsWhatWasDurable() throws Exception {
        Path file = dir.resolve("f.journal");
        AtomicBoolean failNext = new AtomicBoolean();
        Journal journal = Journal.open(file, JournalTest.CLOCK);
        journal.beforeSyncForTests(() -> {
            if (failNext.get()) {
                throw new IllegalStateException("disk unplugged");
            }
        });
        journal.append("e", "transfer", Phase.BEGIN);
        failNext.set(true);
        assertThatThrownBy(() -> journal.append("e", "transfer", Phase.DONE))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("could not make journal records durable")
                .hasRootCauseMessage("disk unplugged");
        failNext.set(false);
        assertThatThrownBy(() -> journal.append("e", "other", Phase.BEGIN))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("accepts no more records");
        assertThat(journal.records()).hasSize(1);
        journal.close();
        try (Journal reopened = Journal.open(file, JournalTest.CLOCK)) {
            assertThat(reopened.view().ambiguousSteps("e")).containsExactly("transfer");
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
