package dev.switchboard.emulator.daily;

/**
 * A {@code sipCallTransfer} whose new leg is up: Daily stays anchored, and {@code calltransfer.completed} fires
 * in {@code sourceRoom} when the far end hangs up. {@code landedSessionId} is the caller's new session when the
 * target is a room of this domain, null for an external SIP or PSTN target.
 */
record ActiveTransfer(String id, String sessionId, String sourceRoom, String mtgSessionId, String fromEndpoint,
                      String toEndpoint, String landedSessionId) {
}
