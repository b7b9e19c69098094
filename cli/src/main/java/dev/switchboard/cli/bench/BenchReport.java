package dev.switchboard.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the benchmark's figures as they come and, at the end, each target with PASS or FAIL. */
final class BenchReport {
    /** One target: what was measured against what is required. */
    record Target(String name, String measured, String required, boolean pass) {
    }

    private final PrintWriter out;
    private final List<Target> targets = new ArrayList<>();

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    void header(String text) {
        out.println();
        out.println(text);
        out.flush();
    }

    void line(String label, String value) {
        out.printf(Locale.ROOT, "  %-36s %s%n", label, value);
        out.flush();
    }

    void apply(ApplyBench.Figures f) {
        line("entries migrated / verified", f.migrated() + " / " + f.verified() + " of " + f.entries());
        line("concurrency", String.valueOf(f.concurrency()));
        line("wall time", seconds(f.wall()));
        line("rate-limit floor", String.format(Locale.ROOT, "%.1f s  (max over keys of requests / %s per s: "
                + "source %d, target %d requests)", f.floorSeconds(), rate(f.ratePerKey()), f.requests().source(),
                f.requests().target()));
        line("wall / floor", String.format(Locale.ROOT, "%.3f", f.ratio()));
        line("requests per entry (writes)", String.format(Locale.ROOT, "%.2f (%.2f)", f.requestsPerEntry(),
                f.writesPerEntry()));
        line("time per entry", String.format(Locale.ROOT, "%.3f s", f.secondsPerEntry()));
        line("routing gap p50 / p99 / max", millis(f.gap(50)) + " / " + millis(f.gap(99)) + " / " + millis(f.gap(100)));
        line("429 answers", String.valueOf(f.requests().rateLimited()));
    }

    void small(SmallBench.Figures f) {
        out.println("  " + f.how());
        line("entries migrated and verified", f.verified() + " of " + f.entries());
        line("wall time (JVM starts included)", seconds(f.wall()));
        line("rate-limit floor", String.format(Locale.ROOT, "%.2f s  (max over keys of requests / %s per s: "
                + "source %d, target %d requests)", f.floorSeconds(), rate(f.ratePerKey()), f.requests().source(),
                f.requests().target()));
        line("wall / floor", String.format(Locale.ROOT, "%.3f", f.ratio()));
        line("requests per plan entry (writes)", String.format(Locale.ROOT, "%.2f (%.2f); %d in all",
                f.requestsPerEntry(), f.writesPerEntry(), f.requests().total()));
        line("429 answers", String.valueOf(f.requests().rateLimited()));
        f.failures().stream().limit(30).forEach(l -> out.println("    | " + l));
        out.flush();
    }

    void plan(PlanBench.Figures f) {
        line("source numbers / configs", f.numbers() + " / " + f.configs());
        line("plan entries", String.valueOf(f.entries()));
        line("wall time", seconds(f.wall()));
        line("rate-limit floor", String.format(Locale.ROOT, "%.1f s  (max over keys of requests / %s per s: "
                + "source %d, target %d requests: pages plus GET /)", f.floorSeconds(), rate(f.ratePerKey()),
                f.requests().source(), f.requests().target()));
        line("wall / floor", String.format(Locale.ROOT, "%.3f", f.ratio()));
        line("429 answers", String.valueOf(f.requests().rateLimited()));
    }

    void memory(MemoryBench.Figures f) {
        line("child JVM", MemoryBench.HEAP + ", exit code " + f.exitCode());
        line("entries migrated / verified", f.migrated() + " / " + f.verified() + " of " + f.entries());
        line("concurrency", String.valueOf(f.concurrency()));
        line("wall time (no rate limits)", seconds(f.wall()));
        line("peak heap in use (garbage included)", mebibytes(f.peakHeap()) + " of " + mebibytes(f.heapMax()));
        line("peak heap after a GC (live data)", mebibytes(f.peakAfterGc()));
        if (!f.finished()) {
            f.output().stream().skip(Math.max(0, f.output().size() - 20)).forEach(l -> out.println("    | " + l));
        }
    }

    void target(String name, String measured, String required, boolean pass) {
        targets.add(new Target(name, measured, required, pass));
    }

    /** Prints every target; true when all passed. */
    boolean summary() {
        header("Targets");
        for (Target t : targets) {
            out.printf(Locale.ROOT, "  %-4s %-36s %-14s (required %s)%n", t.pass() ? "PASS" : "FAIL", t.name(),
                    t.measured(), t.required());
        }
        boolean all = targets.stream().allMatch(Target::pass);
        out.println(all ? "All targets met." : "Some targets were missed.");
        out.flush();
        return all;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%d ms", Math.round(d.toNanos() / 1e6));
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
