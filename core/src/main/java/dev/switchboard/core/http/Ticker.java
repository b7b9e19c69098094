package dev.switchboard.core.http;

/** A monotonic nanosecond time source; injectable so rate and retry timing can be tested on fake time. */
@FunctionalInterface
public interface Ticker {
    long nanos();

    static Ticker system() {
        return System::nanoTime;
    }
}
