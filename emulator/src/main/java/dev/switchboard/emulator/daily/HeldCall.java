package dev.switchboard.emulator.daily;

/** An inbound pinless call waiting for {@code /dialin/pinlessCallUpdate} to connect it to a room. */
record HeldCall(String callId, String from, String to) {
}
