package dev.switchboard.daily;

/** The answer to a purchase: the new number's id (needed to release it or use it as caller id). */
public record BoughtNumber(String id, String number) {
}
