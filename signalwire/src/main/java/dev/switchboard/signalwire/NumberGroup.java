package dev.switchboard.signalwire;

/**
 * A number group (SignalWire's number pool). With {@code stickySender} the same "From" number is reused
 * for a given destination instead of a random pick.
 */
public record NumberGroup(String id, String name, boolean stickySender, int phoneNumberCount) {
}
