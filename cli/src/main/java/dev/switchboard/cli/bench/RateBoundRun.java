package dev.switchboard.cli.bench;

import java.time.Duration;

/** A measured run bound by the keys' rate budgets: its wall time against its floor, its requests per entry. */
interface RateBoundRun {
    int entries();

    double ratePerKey();

    Duration wall();

    RequestTally requests();

    /** The busiest key's requests at its sustained rate, in seconds ({@link RequestTally#floorSeconds}). */
    default double floorSeconds() {
        return requests().floorSeconds(ratePerKey());
    }

    default double ratio() {
        return wall().toNanos() / 1e9 / floorSeconds();
    }

    default double requestsPerEntry() {
        return (double) requests().total() / entries();
    }

    default double writesPerEntry() {
        return (double) requests().writes() / entries();
    }
}
