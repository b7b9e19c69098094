package dev.switchboard.daily;

import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.RateLimitedException;
import dev.switchboard.core.http.ServerException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How the client's retry rules play out against the emulator's injected faults, read back from the
 * emulator's request log. The retry policy is {@link #FAST_RETRIES}: 3 retries, millisecond delays.
 */
class EmulatedRetryTest extends EmulatedDaily {
    private static final String NUMBERS = "/v1/purchased-phone-numbers";

    @Test
    void anIdempotentGetIsRetriedThroughRateLimitsAndServerErrors() {
        emulator.admin().daily().addNumber("source", number(415, 1));
        emulator.admin().addFault(FaultRule.times(1, "GET " + NUMBERS, FaultKind.RATE_LIMIT));
        emulator.admin().addFault(FaultRule.times(2, "GET " + NUMBERS, FaultKind.SERVER_ERROR).withStatus(503));

        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).hasSize(1);

        // Three failed attempts of the first page, then its success, which holds all of total_count.
        assertThat(logged("GET", NUMBERS)).extracting(RequestLogEntry::status, RequestLogEntry::fault)
                .containsExactly(tuple(429, "429"), tuple(503, "5xx"), tuple(503, "5xx"), tuple(200, null));
    }

    @Test
    void aGetIsRetriedAfterTheConnectionIsDropped() {
        // The JDK client re-sends a GET once by itself when the connection closes unanswered, so it takes
        // two resets for the client to see one failure.
        emulator.admin().addFault(FaultRule.times(2, "GET /v1/", FaultKind.RESET));

        assertThat(source.domain().name()).isEqualTo("source");

        assertThat(logged("GET", "/v1/")).extracting(RequestLogEntry::status).containsExactly(0, 0, 200);
    }

    @Test
    void aPutIsRetriedAfterAServerError() {
        emulator.admin().daily().addNumber("source", number(415, 2));
        DialinConfig config = source.createDialinConfig(DialinConfigSpec.pin(number(415, 2)));
        emulator.admin().addFault(FaultRule.times(1, "PUT /v1/domain-dialin-config/*", FaultKind.SERVER_ERROR));

        DialinConfig updated = source.updateDialinConfig(config.id(), DialinConfigPatch.none().withNamePrefix("front"));

        assertThat(updated.namePrefix()).isEqualTo("front");
        assertThat(logged("PUT", "/v1/domain-dialin-config/.*")).extracting(RequestLogEntry::status)
                .containsExactly(500, 200);
    }

    @Test
    void aDeleteWhoseFirstAnswerWasLostEndsAsNotFoundFlaggedAsAfterAnAmbiguousAttempt() {
        emulator.admin().daily().addNumber("source", number(415, 3));
        DialinConfig config = source.createDialinConfig(DialinConfigSpec.pin(number(415, 3)));
        emulator.admin().addFault(FaultRule.times(1, "DELETE /v1/domain-dialin-config/*", FaultKind.APPLIED_LOST_5XX));

        assertThatThrownBy(() -> source.deleteDialinConfig(config.id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.afterAmbiguousAttempt()).isTrue());

        assertThat(logged("DELETE", "/v1/domain-dialin-config/.*")).extracting(RequestLogEntry::status)
                .containsExactly(500, 404);
        assertThat(source.dialinConfigs(DialinConfigFilter.all())).isEmpty();
    }

    @Test
    void persistentServerErrorsEndAsServerExceptionAfterEveryRetry() {
        emulator.admin().addFault(FaultRule.times(10, "GET /v1/", FaultKind.SERVER_ERROR).withStatus(502));

        assertThatThrownBy(source::domain).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.errorType()).isEqualTo("server-error");
            assertThat(e.afterAmbiguousAttempt()).isTrue();
        });
        assertThat(logged("GET", "/v1/")).hasSize(1 + FAST_RETRIES.maxRetries());
    }

    @Test
    void persistentRateLimitsEndAsRateLimitedExceptionWithDailysErrorAndInfo() {
        emulator.admin().addFault(FaultRule.times(10, "GET /v1/", FaultKind.RATE_LIMIT));

        assertThatThrownBy(source::domain).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.errorType()).isEqualTo("rate-limit-error");
            assertThat(e.info()).isNotBlank();
        });
        assertThat(logged("GET", "/v1/")).hasSize(1 + FAST_RETRIES.maxRetries());
    }

    @Test
    void aSpuriousBadRequestIsNotRetried() {
        emulator.admin().addFault(FaultRule.times(1, "GET " + NUMBERS, FaultKind.SPURIOUS_400));

        assertThatThrownBy(() -> source.purchasedNumbers(PurchasedNumberFilter.all()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("invalid-request-error");
                    assertThat(e.info()).isEqualTo("missing required field");
                });
        assertThat(logged("GET", NUMBERS)).hasSize(1);
    }

    @Test
    void aRateLimitedBuyIsRetriedAndBuysOnce() {
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/buy-phone-number", FaultKind.RATE_LIMIT));

        BoughtNumber bought = source.buyNumber(Optional.of(number(415, 4)));

        assertThat(logged("POST", "/v1/buy-phone-number")).extracting(RequestLogEntry::status)
                .containsExactly(429, 200);
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::id)
                .containsExactly(bought.id());
    }

    @Test
    void aCreateWhoseAnswerWasLostIsAnUnknownOutcomeSentOnce() {
        emulator.admin().daily().addNumber("source", number(415, 5));
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/domain-dialin-config", FaultKind.APPLIED_LOST_RESET));

        assertThatThrownBy(() -> source.createDialinConfig(DialinConfigSpec.pin(number(415, 5))))
                .isInstanceOf(UnknownOutcomeException.class);

        assertThat(logged("POST", "/v1/domain-dialin-config")).singleElement()
                .satisfies(e -> assertThat(e.status()).isZero());
        assertThat(source.dialinConfigs(DialinConfigFilter.byPhoneNumber(number(415, 5)))).hasSize(1);
    }

    @Test
    void aBuyThatFailedWithoutApplyingIsStillAnUnknownOutcomeSentOnce() {
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/buy-phone-number", FaultKind.RESET));

        assertThatThrownBy(() -> source.buyNumber(Optional.of(number(415, 6))))
                .isInstanceOf(UnknownOutcomeException.class);

        assertThat(logged("POST", "/v1/buy-phone-number")).hasSize(1);
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).isEmpty();
    }
}
