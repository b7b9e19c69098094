package dev.switchboard.core.journal;

import dev.switchboard.core.json.Json;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process for {@link JournalKillTest}: opens the journal, prints {@code OPEN}, then appends from
 * several threads and prints {@code ACK <seq> <thread> <n>} after each append returns, until killed
 * or {@code limit} appends per thread are done.
 */
public final class JournalAppenderChild {
    private JournalAppenderChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int limit = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        Journal journal = Journal.open(file);
        synchronized (out) {
            out.println("OPEN " + journal.lastSeq());
            out.flush();
        }
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> {
                for (int n = 0; n < limit; n++) {
                    JournalRecord record = journal.append("thread-" + thread, "step-" + n, Phase.DONE,
                            Json.mapper().createObjectNode().put("thread", thread).put("n", n));
                    synchronized (out) {
                        out.println("ACK " + record.seq() + " " + thread + " " + n);
                        out.flush();
                    }
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        journal.close();
        synchronized (out) {
            out.println("FINISHED");
            out.flush();
        }
    }
}
