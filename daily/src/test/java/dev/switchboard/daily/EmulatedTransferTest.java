package dev.switchboard.daily;

import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.emulator.daily.DailyAdmin;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Moving numbers between domains, with and without injected faults. */
class EmulatedTransferTest extends EmulatedDaily {
    private static final String TRANSFERS = "/v1/transfer-phone-number/.*";

    @Test
    void aTransferGivesANewIdInTheTargetAndLeavesTheConfigsBehind() {
        DailyAdmin.NumberInfo owned = emulator.admin().daily().addNumber("source", number(415, 1));
        DialinConfig config = source.createDialinConfig(
                DialinConfigSpec.pinless(owned.number(), "https://example.com/hook", null));

        String newId = source.transferNumber(owned.id(), "target", TARGET_KEY);

        assertThat(newId).isNotBlank().isNotEqualTo(owned.id());
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).isEmpty();
        assertThat(target.purchasedNumbers(PurchasedNumberFilter.all())).singleElement().satisfies(moved -> {
            assertThat(moved.id()).isEqualTo(newId);
            assertThat(moved.number()).isEqualTo(owned.number());
            assertThat(moved.createdDate()).isEqualTo(owned.createdDate());
            assertThat(moved.paginationId()).isNotEqualTo(owned.paginationId());
        });
        assertThat(source.dialinConfig(config.id())).isEqualTo(config);
        assertThat(target.dialinConfigs(DialinConfigFilter.all())).isEmpty();
        assertThatThrownBy(() -> source.transferNumber(owned.id(), "target", TARGET_KEY))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aConfigNumberIsUniqueAcrossDomainsUntilTheSourceConfigIsDeleted() {
        DailyAdmin.NumberInfo owned = emulator.admin().daily().addNumber("source", number(415, 2));
        DialinConfig left = source.createDialinConfig(DialinConfigSpec.pinless(owned.number(), "https://a.example/h", null));
        source.transferNumber(owned.id(), "target", TARGET_KEY);
        DialinConfigSpec recreated = left.toSpec();

        assertThatThrownBy(() -> target.createDialinConfig(recreated))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("invalid-request-error");
                    assertThat(e.info()).contains(owned.number());
                });
        source.deleteDialinConfig(left.id());
        DialinConfig moved = target.createDialinConfig(recreated);

        assertThat(moved.phoneNumber()).isEqualTo(owned.number());
        assertThat(moved.hmac()).as("re-created with the same hmac").isEqualTo(left.hmac());
        assertThat(moved.sipUri()).isNotEqualTo(left.sipUri());
        assertThat(source.dialinConfigs(DialinConfigFilter.all())).isEmpty();
    }

    @Test
    void aTransferChecksTheTargetKeyAndName() {
        DailyAdmin.NumberInfo owned = emulator.admin().daily().addNumber("source", number(415, 3));

        assertThatThrownBy(() -> source.transferNumber(owned.id(), "source", TARGET_KEY))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errorType()).isEqualTo("invalid-request-error"));
        assertThatThrownBy(() -> source.transferNumber(owned.id(), "source", SOURCE_KEY))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> source.transferNumber(owned.id(), "target",
                Secret.of("not-a-key")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("not-a-key"));
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::id)
                .containsExactly(owned.id());
    }

    @Test
    void oneKeyCannotReadOrChangeAnotherDomainsObjects() {
        DailyAdmin.NumberInfo sourceNumber = emulator.admin().daily().addNumber("source", number(415, 4),
                START.minus(Duration.ofDays(60)));
        DialinConfig sourceConfig = source.createDialinConfig(
                DialinConfigSpec.pinless(sourceNumber.number(), "https://example.com/hook", null));

        assertThatThrownBy(() -> target.dialinConfig(sourceConfig.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> target.updateDialinConfig(sourceConfig.id(),
                DialinConfigPatch.none().withNamePrefix("hijacked"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> target.deleteDialinConfig(sourceConfig.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> target.releaseNumber(sourceNumber.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> target.transferNumber(sourceNumber.id(), "source", SOURCE_KEY))
                .isInstanceOf(NotFoundException.class);
        assertThat(target.purchasedNumbers(PurchasedNumberFilter.all())).isEmpty();
        assertThat(target.dialinConfigs(DialinConfigFilter.all())).isEmpty();
        assertThat(target.domain().name()).isEqualTo("target");

        assertThat(source.dialinConfig(sourceConfig.id())).isEqualTo(sourceConfig);
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::id)
                .containsExactly(sourceNumber.id());
    }

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = {"APPLIED_LOST_5XX", "APPLIED_LOST_RESET"})
    void anAppliedButLostTransferIsAnUnknownOutcomeAndIsNeverResent(FaultKind lost) {
        DailyAdmin.NumberInfo owned = emulator.admin().daily().addNumber("source", number(415, 5));
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/transfer-phone-number/*", lost));

        assertThatThrownBy(() -> source.transferNumber(owned.id(), "target", TARGET_KEY))
                .isInstanceOfSatisfying(UnknownOutcomeException.class, e -> {
                    assertThat(e.afterAmbiguousAttempt()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(TARGET_KEY.reveal()).doesNotContain(SOURCE_KEY.reveal());
                });

        List<RequestLogEntry> transfers = logged("POST", TRANSFERS);
        assertThat(transfers).singleElement().satisfies(e -> {
            assertThat(e.fault()).isEqualTo(lost.wireName());
            assertThat(e.status()).isEqualTo(lost == FaultKind.APPLIED_LOST_5XX ? 500 : 0);
        });
        // The caller reconciles by reading state: the number did move.
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).isEmpty();
        assertThat(target.purchasedNumbers(PurchasedNumberFilter.all())).singleElement()
                .satisfies(moved -> assertThat(moved.number()).isEqualTo(owned.number()));
        assertThat(logged("POST", TRANSFERS)).hasSize(1);
    }

    @Test
    void aServerErrorThatDidNotApplyIsStillAnUnknownOutcome() {
        DailyAdmin.NumberInfo owned = emulator.admin().daily().addNumber("source", number(415, 6));
        emulator.admin().addFault(FaultRule.times(1, "POST /v1/transfer-phone-number/*", FaultKind.SERVER_ERROR)
                .withStatus(503));

        assertThatThrownBy(() -> source.transferNumber(owned.id(), "target", TARGET_KEY))
                .isInstanceOfSatisfying(UnknownOutcomeException.class, e -> assertThat(e.status()).isEqualTo(503));

        assertThat(logged("POST", TRANSFERS)).hasSize(1);
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::id)
                .containsExactly(owned.id());
    }

    @Test
    void aRateLimitedTransferIsRetriedBecauseA429WasNotApplied() {
        DailyAdmin.NumberInfo owned = emulator.admin().daily().addNumber("source", number(415, 7));
        emulator.admin().addFault(FaultRule.times(2, "POST /v1/transfer-phone-number/*", FaultKind.RATE_LIMIT));

        String newId = source.transferNumber(owned.id(), "target", TARGET_KEY);

        assertThat(logged("POST", TRANSFERS)).extracting(RequestLogEntry::status, RequestLogEntry::fault)
                .containsExactly(tuple(429, "429"),
                        tuple(429, "429"),
                        tuple(200, null));
        assertThat(target.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::id)
                .containsExactly(newId);
    }
}
