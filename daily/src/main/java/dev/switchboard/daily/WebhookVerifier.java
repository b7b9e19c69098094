package dev.switchboard.daily;

import dev.switchboard.core.http.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Checks Daily's signed requests: event webhooks ({@code X-Webhook-Signature} / {@code X-Webhook-Timestamp}) and
 * the pinless dial-in webhook ({@code X-Pinless-Signature} / {@code X-Pinless-Timestamp}) use the same scheme:
 * {@code base64(HMAC-SHA256(key = base64decode(hmac), message = timestamp + "." + rawBody))}, over the timestamp
 * header exactly as sent. A hex digest is accepted too (some senders use one).
 *
 * <p>A request is rejected when the signature does not match, when its timestamp (seconds or milliseconds since
 * the epoch; values above 10^11 are read as milliseconds) is further than {@code tolerance} from now, or when the
 * same signature was already accepted (a replay). Thread-safe.
 */
public final class WebhookVerifier {
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    /** The outcome of one check. */
    public sealed interface Verdict {
        /** Authentic and fresh; {@code sentAt} is the signed timestamp. */
        record Accepted(Instant sentAt) implements Verdict {
        }

        /** Not accepted; {@code reason} is safe to print (it never contains the secret). */
        record Rejected(String reason) implements Verdict {
        }
    }

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;
    private final Map<String, Instant> accepted = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when {@code hmac} is not base64 */
    public WebhookVerifier(Secret hmac, Duration tolerance, Clock clock) {
        this.key = decode(Objects.requireNonNull(hmac, "hmac"));
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The base64 signature Daily would send for {@code body} at {@code timestamp} (for senders and tests). */
    public static String sign(Secret hmac, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(decode(hmac), timestamp, body));
    }

    public synchronized Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return new Verdict.Rejected("missing signature or timestamp header");
        }
        Instant sentAt = parseTimestamp(timestampHeader.strip());
        if (sentAt == null) {
            return new Verdict.Rejected("the timestamp is not a number of seconds or milliseconds");
        }
        byte[] expected = mac(key, timestampHeader.strip(), body);
        if (!matches(expected, signatureHeader.strip())) {
            return new Verdict.Rejected("bad signature");
        }
        Instant now = clock.instant();
        if (Duration.between(sentAt, now).abs().compareTo(tolerance) > 0) {
            return new Verdict.Rejected("stale timestamp " + sentAt + " (more than " + tolerance.toSeconds()
                    + " s from now)");
        }
        forgetOlderThan(now.minus(tolerance.multipliedBy(2)));
        String seen = Base64.getEncoder().encodeToString(expected);
        if (accepted.containsKey(seen)) {
            return new Verdict.Rejected("replayed: this exact signed request was already accepted");
        }
        accepted.put(seen, now);
        return new Verdict.Accepted(sentAt);
    }

    /** Seconds or milliseconds since the epoch (fractions allowed), or null when not a number. */
    static Instant parseTimestamp(String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value) || value < 0) {
                return null;
            }
            return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli((long) value)
                    : Instant.ofEpochMilli(Math.round(value * 1000));
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    private void forgetOlderThan(Instant limit) {
        for (Iterator<Instant> it = accepted.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(limit)) {
                it.remove();
            }
        }
    }

    private static boolean matches(byte[] expected, String signature) {
        byte[] given;
        try {
            given = signature.length() == expected.length * 2 && signature.matches("[0-9a-fA-F]+")
                    ? HexFormat.of().parseHex(signature) : Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] decode(Secret hmac) {
        try {
            return Base64.getDecoder().decode(hmac.reveal());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook hmac is not base64");
        }
    }

    private static byte[] mac(byte[] key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
