package dev.switchboard.signalwire;

import dev.switchboard.core.http.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The acceptance list, with the real client against the emulator. */
class SignalWireAcceptanceTest extends EmulatedSignalWire {

    @Test
    void pagesThroughTwelveHundredNumbers() {
        for (int i = 0; i < 1200; i++) {
            emulator.admin().signalwire().addNumber(PROJECT, String.format("+1555%07d", i), START.minusSeconds(i));
        }
        List<PhoneNumber> numbers = client.phoneNumbers(NumberFilter.all());
        assertThat(numbers).hasSize(1200);
        Set<String> ids = new HashSet<>();
        numbers.forEach(n -> ids.add(n.id()));
        assertThat(ids).hasSize(1200);
        assertThat(numbers.get(0).number()).isEqualTo("+15550001199");
        assertThat(numbers.get(1199).number()).isEqualTo("+15550000000");
        awaitRequests("GET", "/api/relay/rest/phone_numbers", 12);

        emulator.admin().clearRequests();
        SignalWireClient small = new SignalWireClient(emulator.signalwireSpaceUri(), PROJECT, TOKEN,
                SignalWireClientOptions.defaults().withPageSize(50));
        assertThat(small.phoneNumbers(NumberFilter.byNumber("+155500011"))).hasSize(100);
        awaitRequests("GET", "/api/relay/rest/phone_numbers", 2);
    }

    @Test
    void seedVocabularyUpdateLandsInTheRealFields() {
        String number = client.searchNumbers(NumberSearch.local().withAreacode("503").withMaxResults(1)).get(0).e164();
        PhoneNumber bought = client.purchaseNumber(number);
        assertThat(bought.name()).isNull();
        FriendlyNumberUpdate seed = new FriendlyNumberUpdate("Main Business Line", "https://api.example.com/swml/main-menu",
                "GET", "https://api.example.com/swml/fallback", "https://api.example.com/webhooks/call-status",
                "https://api.example.com/webhooks/incoming-sms", "POST", "https://api.example.com/webhooks/sms-fallback",
                null, null);
        client.updateNumber(bought.id(), seed.toUpdate());
        PhoneNumber read = client.phoneNumber(bought.id());
        assertThat(read.name()).isEqualTo("Main Business Line");
        assertThat(read.call().handler()).isEqualTo("laml_webhooks");
        assertThat(read.call().requestUrl()).isEqualTo("https://api.example.com/swml/main-menu");
        assertThat(read.call().requestMethod()).isEqualTo("GET");
        assertThat(read.call().fallbackUrl()).isEqualTo("https://api.example.com/swml/fallback");
        assertThat(read.call().statusCallbackUrl()).isEqualTo("https://api.example.com/webhooks/call-status");
        assertThat(read.message().handler()).isEqualTo("laml_webhooks");
        assertThat(read.message().requestUrl()).isEqualTo("https://api.example.com/webhooks/incoming-sms");
        assertThat(read.message().requestMethod()).isEqualTo("POST");
        assertThat(read.message().fallbackUrl()).isEqualTo("https://api.example.com/webhooks/sms-fallback");
        assertThat(seed.toUpdate().isAppliedTo(read)).isTrue();

        client.updateNumber(bought.id(), FriendlyNumberUpdate.none().withName(null).toUpdate()
                .with(NumberField.CALL_HANDLER, "relay_topic").with(NumberField.CALL_RELAY_TOPIC, "office"));
        PhoneNumber relay = client.phoneNumber(bought.id());
        assertThat(relay.call().destination()).isEqualTo("office");
        assertThat(relay.name()).isEqualTo("Main Business Line");
    }

    @Test
    void releaseInsideTheCooldownIsRefusedWithItsDate() {
        String number = client.searchNumbers(NumberSearch.local().withAreacode("415").withMaxResults(1)).get(0).e164();
        PhoneNumber bought = client.purchaseNumber(number);
        emulator.admin().advanceClock(Duration.ofDays(13));
        assertThatThrownBy(() -> client.releaseNumber(bought.id()))
                .isInstanceOfSatisfying(ReleaseCooldownException.class, refused ->
                        assertThat(refused.releasableAt()).contains(Instant.parse("2026-01-15T00:00:00Z")))
                .hasMessageContaining("2026-01-15 00:00:00 UTC");
        emulator.admin().advanceClock(Duration.ofDays(1));
        client.releaseNumber(bought.id());
        assertThat(client.findNumber(number)).isEmpty();
    }

    @Test
    void e911ReachesActive() {
        String number = client.searchNumbers(NumberSearch.local().withAreacode("212").withMaxResults(1)).get(0).e164();
        PhoneNumber bought = client.purchaseNumber(number);
        Address address = client.directory().createAddress(new AddressSpec("Acme HQ", "US", "Ada", "Lovelace", "123",
                "Main Street", "Suite", "4", "New York", "NY", "10001", true, null));
        assertThat(address.validated()).isTrue();
        assertThat(address.streetName()).isEqualTo("Main St");
        assertThat(client.assignE911Address(bought.id(), address.id()).e911Status()).isEqualTo("pending");
        emulator.admin().advanceClock(Duration.ofMinutes(5));
        PhoneNumber active = client.phoneNumber(bought.id());
        assertThat(active.e911Status()).isEqualTo("active");
        assertThat(active.e911AddressId()).isEqualTo(address.id());
        assertThat(client.removeE911Address(bought.id()).e911Status()).isEqualTo("pending_removal");
    }

    @Test
    void addressValidationFailureShowsTheCarriersSuggestion() {
        assertThatThrownBy(() -> client.directory().createAddress(new AddressSpec("Acme HQ", "US", "Ada", "Lovelace",
                "123", "Main Street", null, null, "New York", "NY", "10001", true, false)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("suggested: 123 Main St, New York, NY 10001");
    }

    @Test
    void aWrongVerificationCodeCountsAgainstTheAttemptLimit() {
        VerifiedCallerId added = client.directory().addVerifiedCallerId("+12125550100", "Front desk", null);
        String code = emulator.admin().signalwire().verificationCode(PROJECT, added.id());
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> client.directory().submitVerificationCode(added.id(), wrong))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("4 attempts left");
        assertThatThrownBy(() -> client.directory().submitVerificationCode(added.id(), wrong))
                .hasMessageContaining("3 attempts left");
        VerifiedCallerId verified = client.directory().submitVerificationCode(added.id(), code);
        assertThat(verified.verified()).isTrue();
        assertThat(verified.status()).isEqualTo("Verified");
    }

    @Test
    void groupsAndUsage() {
        String number = client.searchNumbers(NumberSearch.local().withAreacode("617").withMaxResults(1)).get(0).e164();
        PhoneNumber bought = client.purchaseNumber(number);
        NumberGroup group = client.directory().createNumberGroup("support", false);
        client.directory().addToGroup(group.id(), bought.id());
        assertThat(client.directory().numberGroups(null)).singleElement()
                .satisfies(g -> assertThat(g.phoneNumberCount()).isEqualTo(1));
        assertThat(client.directory().memberships(group.id())).singleElement()
                .satisfies(m -> assertThat(m.number()).isEqualTo(number));

        emulator.admin().signalwire().addCall(PROJECT, "+12125550100", number, "inbound", Instant.parse("2025-12-10T10:00:00Z"), 90);
        emulator.admin().signalwire().addCall(PROJECT, number, "+12125550100", "outbound-api", Instant.parse("2025-12-11T10:00:00Z"), 30);
        emulator.admin().signalwire().addCall(PROJECT, number, "+12125550100", "outbound-api", Instant.parse("2025-11-30T10:00:00Z"), 30);
        emulator.admin().signalwire().addMessage(PROJECT, "+12125550100", number, "inbound", Instant.parse("2025-12-31T23:59:00Z"));
        NumberUsage usage = client.usage(number, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
        assertThat(usage.inboundCalls()).hasSize(1);
        assertThat(usage.outboundCalls()).hasSize(1);
        assertThat(usage.callSeconds()).isEqualTo(120);
        assertThat(usage.inboundMessages()).hasSize(1);
        assertThat(usage.outboundMessages()).isEmpty();
    }
}
