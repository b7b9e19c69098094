package dev.switchboard.daily;

import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.emulator.daily.DailyAdmin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Purchased numbers, available numbers, buying and releasing, through the client against the emulator. */
class EmulatedNumbersTest extends EmulatedDaily {

    @Test
    void listsEveryPageOfMoreThanFiveHundredNumbersAndCallerIds() {
        Set<String> owned = new HashSet<>();
        for (int i = 0; i < 523; i++) {
            owned.add(emulator.admin().daily().addNumber("source", number(415, i)).number());
        }
        emulator.admin().daily().addVerifiedCallerId("source", "+12125550199", "HQ");
        emulator.admin().daily().addNumber("target", number(617, 0));

        List<PurchasedNumber> listed = source.purchasedNumbers(PurchasedNumberFilter.all());

        assertThat(listed).hasSize(524);
        assertThat(listed.stream().filter(PurchasedNumber::hasId).map(PurchasedNumber::number))
                .containsExactlyInAnyOrderElementsOf(owned);
        assertThat(listed.stream().filter(n -> !n.hasId()).toList()).singleElement()
                .satisfies(callerId -> {
                    assertThat(callerId.number()).isEqualTo("+12125550199");
                    assertThat(callerId.type()).isEqualTo("verified_caller_id");
                });
        assertThat(listed).allSatisfy(n -> {
            assertThat(n.paginationId()).isNotNull();
            assertThat(n.createdDate()).isNotNull();
            assertThat(n.isDeleted()).isFalse();
        });
        // 524 entries at 50 per page: 11 full or partial pages; the last one reaches total_count, so no empty page.
        assertThat(logged("GET", "/v1/purchased-phone-numbers")).hasSize(11)
                .allSatisfy(e -> assertThat(e.query()).contains("limit=50"));
    }

    @Test
    void filtersByNameAndNumberOnTheServer() {
        for (int i = 0; i < 60; i++) {
            emulator.admin().daily().addNumber("source", number(415, i));
        }
        emulator.admin().daily().addVerifiedCallerId("source", "+12125550199", "Head Office");

        assertThat(source.purchasedNumbers(PurchasedNumberFilter.byNumber(number(415, 7))))
                .extracting(PurchasedNumber::number).containsExactly(number(415, 7));
        assertThat(source.purchasedNumbers(new PurchasedNumberFilter("head office", null)))
                .extracting(PurchasedNumber::number).containsExactly("+12125550199");
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.byNumber("+1999"))).isEmpty();
    }

    @Test
    void searchesAvailableNumbersWithTheDocumentedFilters() {
        List<AvailableNumber> any = source.availableNumbers(AvailableNumberQuery.any());
        assertThat(any).isNotEmpty().hasSizeLessThanOrEqualTo(50)
                .allSatisfy(n -> assertThat(n.number()).matches("\\+1[2-9]\\d{9}"));

        List<AvailableNumber> california = source.availableNumbers(AvailableNumberQuery.inRegion("CA"));
        assertThat(california).isNotEmpty().allSatisfy(n -> assertThat(n.region()).isEqualTo("CA"));

        String someNumber = california.get(0).number();
        String areacode = someNumber.substring(2, 5);
        assertThat(source.availableNumbers(AvailableNumberQuery.inAreaCode(areacode)))
                .isNotEmpty().allSatisfy(n -> assertThat(n.number()).startsWith("+1" + areacode));
        String lastFour = someNumber.substring(someNumber.length() - 4);
        assertThat(source.availableNumbers(AvailableNumberQuery.any().withEndsWith(lastFour)))
                .extracting(AvailableNumber::number).contains(someNumber)
                .allSatisfy(n -> assertThat(n).endsWith(lastFour));
    }

    @Test
    void aQueryTheServerRefusesSurfacesAsValidationError() {
        // The client refuses a two-digit area code itself; sent anyway, Daily answers with a validation error.
        assertThatThrownBy(() -> AvailableNumberQuery.inAreaCode("41"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("areacode must be 3 digits");
        ApiRequest twoDigitAreaCode = ApiRequest.get("/list-available-numbers").withQuery("areacode", "41");

        assertThatThrownBy(() -> source.http().send(twoDigitAreaCode))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("validation-error");
                    assertThat(e.info()).isNotBlank();
                });
        assertThat(logged("GET", "/v1/list-available-numbers")).hasSize(1);
    }

    @Test
    void buysAChosenNumberAndARandomOne() {
        String wanted = source.availableNumbers(AvailableNumberQuery.inRegion("FL")).get(0).number();

        BoughtNumber chosen = source.buyNumber(Optional.of(wanted));
        BoughtNumber random = source.buyNumber(Optional.empty());

        assertThat(chosen.number()).isEqualTo(wanted);
        assertThat(chosen.id()).isNotBlank();
        assertThat(random.number()).matches("\\+1[2-9]\\d{9}").isNotEqualTo(wanted);
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all()))
                .extracting(PurchasedNumber::id, PurchasedNumber::number)
                .containsExactlyInAnyOrder(tuple(chosen.id(), chosen.number()),
                        tuple(random.id(), random.number()));
        assertThat(source.availableNumbers(AvailableNumberQuery.inRegion("FL")))
                .extracting(AvailableNumber::number).doesNotContain(wanted);
    }

    @Test
    void buyingAnOwnedNumberSurfacesTheCarriersUnprocessableBody() {
        String taken = emulator.admin().daily().addNumber("target", number(617, 1)).number();

        assertThatThrownBy(() -> source.buyNumber(Optional.of(taken)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorType()).isNull();
                    assertThat(e.info()).contains("Number is invalid.");
                });
        assertThat(target.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::number)
                .containsExactly(taken);
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).isEmpty();
    }

    @Test
    void releaseIsLockedForFourteenDaysThenDeletesTheNumberAndItsConfig() {
        BoughtNumber bought = source.buyNumber(Optional.of(number(415, 42)));
        DialinConfig config = source.createDialinConfig(
                DialinConfigSpec.pinless(bought.number(), "https://example.com/hook", null));

        assertThatThrownBy(() -> source.releaseNumber(bought.id()))
                .isInstanceOfSatisfying(ReleaseLockedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.info()).isEqualTo("Failed to release new number, try again in 14 days");
                });
        emulator.admin().advanceClock(Duration.ofDays(14).minusSeconds(1));
        assertThatThrownBy(() -> source.releaseNumber(bought.id())).isInstanceOf(ReleaseLockedException.class);
        assertThat(source.dialinConfig(config.id()).phoneNumber()).isEqualTo(bought.number());

        emulator.admin().advanceClock(Duration.ofSeconds(1));
        source.releaseNumber(bought.id());

        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).isEmpty();
        assertThatThrownBy(() -> source.dialinConfig(config.id())).isInstanceOf(NotFoundException.class);
        assertThat(source.dialinConfigs(DialinConfigFilter.all())).isEmpty();
        assertThatThrownBy(() -> source.buyNumber(Optional.of(bought.number())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void releasingAnUnknownIdIsNotFound() {
        DailyAdmin.NumberInfo other = emulator.admin().daily().addNumber("target", number(617, 2),
                START.minus(Duration.ofDays(30)));

        assertThatThrownBy(() -> source.releaseNumber("00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorType()).isEqualTo("not-found");
                });
        // Another domain's id is just as unknown to this key, and the number stays where it is.
        assertThatThrownBy(() -> source.releaseNumber(other.id())).isInstanceOf(NotFoundException.class);
        assertThat(target.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::id)
                .containsExactly(other.id());
        assertThat(logged("DELETE", "/v1/release-phone-number/.*")).hasSize(2);
    }
}
