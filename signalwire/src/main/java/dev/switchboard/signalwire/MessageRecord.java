package dev.switchboard.signalwire;

import java.time.Instant;

/**
 * One message from the compatibility (LaML) API's message list. {@code direction} is as SignalWire
 * reports it ({@code inbound}, {@code outbound-api}, {@code outbound-reply}).
 */
public record MessageRecord(String sid, String from, String to, String direction, String status, Instant dateSent,
                            Integer segments) {
}
