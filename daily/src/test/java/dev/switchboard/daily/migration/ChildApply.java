package dev.switchboard.daily.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One {@link CrashCampaignChild} process applying a plan against the parent's emulator, with the waits
 * the crash campaign needs: until it starts applying, until its journal has a number of lines, until it
 * exits; and {@link #kill()}, which sends SIGKILL ({@link Process#destroyForcibly()} on Linux).
 */
final class ChildApply implements AutoCloseable {
    /** Exit status of a process killed by SIGKILL: 128 + 9. */
    static final int SIGKILL_EXIT = 137;

    private final Process process;
    private final Path journal;
    private final CountDownLatch applying = new CountDownLatch(1);
    private final List<String> output = new ArrayList<>();

    private ChildApply(Process process, Path journal) {
        this.process = process;
        this.journal = journal;
        Thread reader = new Thread(this::readOutput, "child-apply-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildApply start(URI dailyBaseUri, Path planFile, int concurrency) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", classpath, CrashCampaignChild.class.getName(), dailyBaseUri.toString(), planFile.toString(),
                Integer.toString(concurrency)).redirectErrorStream(true);
        builder.environment().put("CAMPAIGN_SOURCE_KEY", CampaignState.SOURCE_KEY);
        builder.environment().put("CAMPAIGN_TARGET_KEY", CampaignState.TARGET_KEY);
        try {
            return new ChildApply(builder.start(), MigrationEngine.journalFor(planFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.equals(CrashCampaignChild.APPLYING)) {
                    applying.countDown();
                }
            }
        } catch (IOException ignored) {
            // the stream closes when the process dies
        }
    }

    /** True once the child has opened the journal and started applying; false if it exited or timed out first. */
    boolean awaitApplying(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (applying.await(1, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return applying.getCount() == 0;
            }
        }
        return false;
    }

    /** True once the journal holds at least {@code lines} records; false if the child exited first or time ran out. */
    boolean awaitJournalLines(long lines, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (journalLines(journal) >= lines) {
                return true;
            }
            if (!process.isAlive()) {
                return journalLines(journal) >= lines;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        return false;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGKILL and returns the exit status (137 when the signal killed it, its own status if it had exited). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Waits for the child to exit on its own; -1 on timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Complete lines (records) in a journal file; 0 when it does not exist yet. */
    static long journalLines(Path journal) {
        try {
            byte[] bytes = Files.exists(journal) ? Files.readAllBytes(journal) : new byte[0];
            long lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
