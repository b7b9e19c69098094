package dev.switchboard.daily;

import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The domain ({@code GET /}, {@code POST /} with the legacy dial-in arrays), verified caller IDs, presence
 * and authentication, through the client against the emulator. {@code authorization-header-error} and
 * {@code json-parsing-error} cannot be produced through the client (it always sends a bearer header and
 * valid JSON); the emulator's own tests cover them at HTTP level.
 */
class EmulatedDomainTest extends EmulatedDaily {
    private static final Secret HMAC_A = Secret.of("aG1hYy1h");
    private static final Secret HMAC_B = Secret.of("aG1hYy1i");

    @Test
    void readsTheDomainOfTheKey() {
        Domain domain = source.domain();

        assertThat(domain.name()).isEqualTo("source");
        assertThat(domain.id()).isNotBlank().isNotEqualTo(target.domain().id());
        assertThat(domain.config().pinlessDialin()).isEmpty();
        assertThat(domain.config().pinDialin()).isEmpty();
        assertThat(domain.config().otherFields().path("lang").asText()).isEqualTo("en");
    }

    @Test
    void replacesTheLegacyArraysWholesaleAndKeepsEveryHmacSent() {
        String pinlessNumber = emulator.admin().daily().addNumber("source", number(415, 1)).number();
        String pinNumber = emulator.admin().daily().addNumber("source", number(415, 2)).number();
        LegacyPinlessEntry numbered = new LegacyPinlessEntry(pinlessNumber, null, HMAC_A, "https://example.com/a",
                "legacy-a", null, null, null);
        LegacyPinlessEntry sipOnly = new LegacyPinlessEntry(null, null, HMAC_B, "https://example.com/b",
                "legacy-b", null, null, null);
        LegacyPinEntry pin = new LegacyPinEntry(pinNumber, "legacy-pin", null, null);

        Domain first = source.replaceLegacyDialin(List.of(numbered, sipOnly), List.of(pin));

        assertThat(first.config().pinlessDialin()).hasSize(2).allSatisfy(e -> assertThat(e.sipUri()).isNotBlank());
        assertThat(first.config().pinlessDialin()).extracting(LegacyPinlessEntry::hmac)
                .containsExactlyInAnyOrder(HMAC_A, HMAC_B);
        assertThat(first.config().pinDialin()).extracting(LegacyPinEntry::phoneNumber).containsExactly(pinNumber);

        // Keep only the numbered entry, as read back (with its hmac): the SIP-only one and the pin one go.
        LegacyPinlessEntry kept = first.config().pinlessDialin().stream()
                .filter(e -> pinlessNumber.equals(e.phoneNumber())).findFirst().orElseThrow();
        Domain second = source.replaceLegacyDialin(List.of(kept), List.of());

        assertThat(second.config().pinlessDialin()).singleElement().satisfies(e -> {
            assertThat(e.hmac()).isEqualTo(HMAC_A);
            assertThat(e.sipUri()).isEqualTo(kept.sipUri());
            assertThat(e.roomCreationApi()).isEqualTo("https://example.com/a");
        });
        assertThat(second.config().pinDialin()).isEmpty();
        assertThat(source.domain()).isEqualTo(second);
    }

    @Test
    void refusesALegacyEntryWithoutHmacBeforeSendingAnything() {
        LegacyPinlessEntry noHmac = new LegacyPinlessEntry(null, null, null, "https://example.com/a", null, null,
                null, null);

        assertThatThrownBy(() -> source.replaceLegacyDialin(List.of(noHmac), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hmac");
        assertThat(logged("POST", "/v1/?")).isEmpty();
    }

    @Test
    void aLegacyEntryForANumberTheDomainDoesNotOwnIsAnInvalidRequest() {
        String targets = emulator.admin().daily().addNumber("target", number(617, 1)).number();
        LegacyPinlessEntry foreign = new LegacyPinlessEntry(targets, null, HMAC_A, "https://example.com/a", null,
                null, null, null);

        assertThatThrownBy(() -> source.replaceLegacyDialin(List.of(foreign), List.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("invalid-request-error");
                    assertThat(e.info()).contains("not associated with domain");
                });
        assertThat(source.domain().config().pinlessDialin()).isEmpty();
    }

    @Test
    void anUnknownKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
        Secret wrong = Secret.of("e2e-wrong-key-3f9a");
        DailyClient stranger = client(wrong);

        assertThatThrownBy(stranger::domain).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errorType()).isEqualTo("authentication-error");
            assertThat(e.info()).isNotBlank();
            assertThat(e.getMessage()).doesNotContain(wrong.reveal());
        });
        assertThatThrownBy(() -> stranger.purchasedNumbers(PurchasedNumberFilter.all()))
                .isInstanceOf(AuthenticationException.class);
        assertThat(stranger.toString()).doesNotContain(wrong.reveal());
        assertThat(logged("GET", "/v1/?")).as("a 401 is not retried").hasSize(1);
    }

    @Test
    void addsAndListsVerifiedCallerIds() {
        VerifiedCallerId added = source.addVerifiedCallerId("+12125550199", "Head Office");
        source.addVerifiedCallerId("+13125550100", null);

        assertThat(added.number()).isEqualTo("+12125550199");
        assertThat(added.name()).isEqualTo("Head Office");
        assertThat(source.verifiedCallerIds()).extracting(VerifiedCallerId::number)
                .containsExactlyInAnyOrder("+12125550199", "+13125550100");
        assertThat(target.verifiedCallerIds()).isEmpty();
        assertThat(source.purchasedNumbers(PurchasedNumberFilter.all())).extracting(PurchasedNumber::number)
                .containsExactlyInAnyOrder("+12125550199", "+13125550100");
        assertThatThrownBy(() -> source.addVerifiedCallerId("+12125550199", "again"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void pagesThroughMoreCallerIdsThanOnePageHolds() {
        for (int i = 0; i < 105; i++) {
            emulator.admin().daily().addVerifiedCallerId("source", number(646, i), "caller " + i);
        }

        assertThat(source.verifiedCallerIds()).hasSize(105).extracting(VerifiedCallerId::number).doesNotHaveDuplicates();
        // 105 at 100 per page: two pages; the second reaches total_count.
        assertThat(logged("GET", "/v1/verified-caller-ids")).hasSize(2);
    }

    @Test
    void reportsPresenceForTheDomainAndForOneRoom() {
        String alice = emulator.admin().daily().addParticipant("source", "support-room", "Alice", "user-1");
        emulator.admin().advanceClock(Duration.ofSeconds(30));
        String caller = emulator.admin().daily().addParticipant("source", "support-room", null, null);
        emulator.admin().daily().addParticipant("source", "sales-room", "Bob", null);
        emulator.admin().daily().addParticipant("target", "support-room", "Elsewhere", null);
        emulator.admin().advanceClock(Duration.ofSeconds(12));

        Map<String, List<Participant>> rooms = source.presence();

        assertThat(rooms).containsOnlyKeys("support-room", "sales-room");
        assertThat(rooms.get("support-room")).extracting(Participant::id).containsExactly(alice, caller);
        Participant first = rooms.get("support-room").get(0);
        assertThat(first.userName()).isEqualTo("Alice");
        assertThat(first.userId()).isEqualTo("user-1");
        assertThat(first.room()).isEqualTo("support-room");
        assertThat(first.durationSeconds()).isEqualTo(42L);
        assertThat(first.joinTime()).isEqualTo(START);
        assertThat(first.mtgSessionId()).isNotBlank();
        assertThat(rooms.get("support-room").get(1).userName()).isNull();

        assertThat(source.roomPresence("support-room")).extracting(Participant::id).containsExactly(alice, caller);
        assertThat(source.roomPresence("sales-room")).singleElement()
                .satisfies(p -> assertThat(p.userName()).isEqualTo("Bob"));
        assertThat(source.roomPresence("empty room")).isEmpty();
    }
}
