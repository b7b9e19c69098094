package dev.switchboard.daily;

/** A number offered for purchase by {@code GET /list-available-numbers}. */
public record AvailableNumber(String number, String region) {
}
