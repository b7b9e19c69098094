package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints durable-append throughput of {@link Journal} with 1 and 8 appending threads. Not a test: the
 * figures depend on the disk. Usage: {@code JournalBenchmark [directory] [appends-per-run]}.
 */
public final class JournalBenchmark {
    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("journal-bench");
        int appends = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        System.out.println("journal benchmark in " + directory + ", " + appends + " durable appends per run");
        for (int threads : new int[] {1, 8, 1, 8}) {
            Path file = directory.resolve("bench-" + threads + "-" + System.nanoTime() + ".journal");
            run(file, threads, appends);
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
        }
    }

    private static void run(Path file, int threads, int appends) throws Exception {
        ObjectNode data = Json.mapper().createObjectNode().put("phoneId", "5f0c6a7e-6c8e-4f7b-9a43-1e2d3c4b5a69");
        data.putObject("config").put("room_creation_api", "https://example.com/api/dial").put("hmac", "x".repeat(44));
        try (Journal journal = Journal.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = thread; i < appends; i += threads) {
                        journal.append("+1415555" + (1000 + i % 9000), "transfer", Phase.DONE, data);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            System.out.printf("threads=%d appends=%d -> %.0f appends/s, %d syncs (%.1f records per sync)%n",
                    threads, appends, appends / (elapsed / 1e9), journal.syncCount(),
                    (double) appends / journal.syncCount());
        } catch (IOException e) {
            throw new IOException("benchmark failed in " + file, e);
        }
    }
}
