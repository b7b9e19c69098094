package dev.switchboard.emulator.signalwire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification state of one caller id: the current 6-digit code, the wrong attempts made with it, and
 * when each verification call was placed (for the per-week and per-minute limits).
 */
final class Verification {
    String code;
    int failedAttempts;
    final List<Instant> calls = new ArrayList<>();

    Verification(String code, int failedAttempts, List<Instant> calls) {
        this.code = code;
        this.failedAttempts = failedAttempts;
        this.calls.addAll(calls);
    }

    Instant lastCall() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    long callsSince(Instant since) {
        return calls.stream().filter(call -> !call.isBefore(since)).count();
    }
}
