package dev.switchboard.daily;

/**
 * A verified caller id (a number owned outside Daily). The endpoint is undocumented; {@code id} may be
 * null when Daily does not return one.
 */
public record VerifiedCallerId(String id, String number, String name) {
}
