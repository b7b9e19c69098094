package dev.switchboard.signalwire;

import java.time.Instant;

/**
 * One call from the compatibility (LaML) API's call list. {@code direction} is as SignalWire reports it
 * ({@code inbound}, {@code outbound-api}, {@code outbound-dial}); {@code durationSeconds} is null while
 * the call is not finished.
 */
public record CallRecord(String sid, String from, String to, String direction, String status, Instant startTime,
                         Instant endTime, Long durationSeconds) {
}
