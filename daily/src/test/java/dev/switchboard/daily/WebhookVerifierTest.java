package dev.switchboard.daily;

import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTest {
    private static final Secret HMAC = Secret.of(Base64.getEncoder().encodeToString(
            "a test secret".getBytes(StandardCharsets.UTF_8)));
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final byte[] BODY = "{\"type\":\"dialin.connected\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = new WebhookVerifier(HMAC, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsSecondsAndMillisecondsOnceEach() {
        String seconds = String.valueOf(NOW.getEpochSecond());
        assertThat(verifier.verify(seconds, WebhookVerifier.sign(HMAC, seconds, BODY), BODY))
                .isEqualTo(new WebhookVerifier.Verdict.Accepted(NOW));
        String millis = String.valueOf(NOW.minusSeconds(2).toEpochMilli());
        assertThat(verifier.verify(millis, WebhookVerifier.sign(HMAC, millis, BODY), BODY))
                .isEqualTo(new WebhookVerifier.Verdict.Accepted(NOW.minusSeconds(2)));
        assertThat(verifier.verify(seconds, WebhookVerifier.sign(HMAC, seconds, BODY), BODY))
                .isInstanceOfSatisfying(WebhookVerifier.Verdict.Rejected.class,
                        r -> assertThat(r.reason()).startsWith("replayed"));
    }

    @Test
    void rejectsForgedTamperedStaleAndMalformed() {
        String ts = String.valueOf(NOW.getEpochSecond());
        String forged = WebhookVerifier.sign(Secret.of(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})), ts, BODY);
        assertThat(reason(ts, forged, BODY)).isEqualTo("bad signature");
        String good = WebhookVerifier.sign(HMAC, ts, BODY);
        assertThat(reason(ts, good, "{\"type\":\"other\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("bad signature");
        assertThat(reason(String.valueOf(NOW.getEpochSecond() + 1), good, BODY)).isEqualTo("bad signature");
        String old = String.valueOf(NOW.minusSeconds(301).getEpochSecond());
        assertThat(reason(old, WebhookVerifier.sign(HMAC, old, BODY), BODY)).startsWith("stale timestamp");
        assertThat(reason("yesterday", good, BODY)).contains("not a number");
        assertThat(reason(null, good, BODY)).contains("missing");
        assertThat(reason(ts, "%%%", BODY)).isEqualTo("bad signature");
    }

    @Test
    void acceptsAHexDigestAndNeverShowsTheSecret() {
        String ts = String.valueOf(NOW.getEpochSecond());
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(WebhookVerifier.sign(HMAC, ts, BODY)));
        assertThat(verifier.verify(ts, hex, BODY)).isInstanceOf(WebhookVerifier.Verdict.Accepted.class);
        assertThat(verifier.verify(ts, "bad", BODY).toString()).doesNotContain(HMAC.reveal());
        assertThatThrownBy(() -> new WebhookVerifier(Secret.of("not base64!"), Duration.ofMinutes(1), Clock.systemUTC()))
                .hasMessageNotContaining("not base64!");
    }

    private String reason(String ts, String signature, byte[] body) {
        return ((WebhookVerifier.Verdict.Rejected) verifier.verify(ts, signature, body)).reason();
    }
}
