package dev.switchboard.signalwire;

import dev.switchboard.core.http.ApiError;
import dev.switchboard.core.http.InvalidRequestException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SignalWire refused to release a number because it was bought too recently (14 days, 30 on trial
 * accounts). The number is still owned. {@link #releasableAt()} is the moment SignalWire names, when
 * its message carries one.
 */
public final class ReleaseCooldownException extends InvalidRequestException {
    private static final Pattern UNTIL = Pattern.compile("until (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) UTC");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Instant releasableAt;

    public ReleaseCooldownException(ApiError error, Throwable cause) {
        super(error, cause);
        this.releasableAt = parseUntil(error.info()).orElse(null);
    }

    /** Whether a 422 on release is the purchase cooldown (by its symbolic code or its message). */
    static boolean isCooldown(ApiError error) {
        return "purchased_too_recently".equals(error.errorType())
                || (error.info() != null && error.info().contains("purchased too recently"));
    }

    /** The first moment the number may be released, when SignalWire said so. */
    public Optional<Instant> releasableAt() {
        return Optional.ofNullable(releasableAt);
    }

    static Optional<Instant> parseUntil(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = UNTIL.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.parse(matcher.group(1), FORMAT).toInstant(ZoneOffset.UTC));
    }
}
