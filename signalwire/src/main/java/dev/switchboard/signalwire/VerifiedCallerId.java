package dev.switchboard.signalwire;

import java.time.Instant;

/**
 * A number owned elsewhere that the project may use as caller id once verified. {@code status} is
 * {@code Verified} or {@code Awaiting Verification}.
 */
public record VerifiedCallerId(String id, String name, String extension, String number, boolean verified,
                               Instant verifiedAt, String status) {
}
