package dev.switchboard.daily;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /domain-dialin-config} through the client against the emulator. */
class EmulatedDialinConfigTest extends EmulatedDaily {
    private static final Secret HMAC = Secret.of("c2VjcmV0LWhtYWMtZm9yLWUyZQ==");

    @Test
    void listsEveryPageOfMoreThanThreeHundredConfigs() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 160; i++) {
            String owned = emulator.admin().daily().addNumber("source", number(415, i)).number();
            String type = i % 2 == 0 ? "pinless_dialin" : "pin_dialin";
            ids.add(emulator.admin().daily().addDialinConfig("source", type, Map.of("phone_number", owned)));
        }
        for (int i = 0; i < 157; i++) {
            ids.add(emulator.admin().daily().addDialinConfig("source", "pinless_dialin",
                    Map.of("name_prefix", "sip-only-" + i)));
        }
        emulator.admin().daily().addDialinConfig("target", "pinless_dialin", Map.of("name_prefix", "elsewhere"));

        List<DialinConfig> all = source.dialinConfigs(DialinConfigFilter.all());

        assertThat(all).hasSize(317).extracting(DialinConfig::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all.stream().filter(c -> c.phoneNumber() == null)).hasSize(157)
                .allSatisfy(c -> assertThat(c.type()).isEqualTo(DialinType.PINLESS_DIALIN));
        // 317 configs at 100 per page: four pages; the fourth reaches total_count, so no empty page.
        assertThat(logged("GET", "/v1/domain-dialin-config")).hasSize(4)
                .allSatisfy(e -> assertThat(e.query()).contains("limit=100"));
        assertThat(source.dialinConfigs(DialinConfigFilter.byType(DialinType.PIN_DIALIN))).hasSize(80)
                .allSatisfy(c -> assertThat(c.sipUri()).isNull());
        assertThat(source.dialinConfigs(DialinConfigFilter.byPhoneNumber(number(415, 3))))
                .singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(DialinType.PIN_DIALIN));
        assertThat(source.dialinConfigs(new DialinConfigFilter(null, List.of(number(415, 4), number(415, 6)),
                null, null, null))).extracting(DialinConfig::phoneNumber)
                .containsExactlyInAnyOrder(number(415, 4), number(415, 6));
    }

    @Test
    void createsGetsUpdatesAndDeletesConfigsOfBothKinds() {
        String pinlessNumber = emulator.admin().daily().addNumber("source", number(415, 1)).number();
        String pinNumber = emulator.admin().daily().addNumber("source", number(415, 2)).number();
        ObjectNode timeout = JsonNodeFactory.instance.objectNode().put("message", "nobody is free");

        DialinConfig pinless = source.createDialinConfig(DialinConfigSpec
                .pinless(pinlessNumber, "https://example.com/hook", HMAC).withNamePrefix("sales")
                .withTimeoutConfig(timeout));
        DialinConfig pin = source.createDialinConfig(DialinConfigSpec.pin(pinNumber)
                .withIvrGreeting(JsonNodeFactory.instance.objectNode().put("message", "enter your code")));
        DialinConfig sipOnly = source.createDialinConfig(DialinConfigSpec.pinless(null, "https://example.com/sip", null));

        assertThat(pinless.sipUri()).isNotBlank();
        assertThat(pinless.hmac()).isEqualTo(HMAC);
        assertThat(pinless.timeoutConfig()).isEqualTo(timeout);
        assertThat(pin.sipUri()).isNull();
        assertThat(pin.ivrGreeting().path("message").asText()).isEqualTo("enter your code");
        assertThat(sipOnly.phoneNumber()).isNull();
        assertThat(sipOnly.hmac()).as("Daily generates an hmac when none is sent").isNotNull();
        assertThat(source.dialinConfig(pinless.id())).isEqualTo(pinless);

        DialinConfig updated = source.updateDialinConfig(pinless.id(),
                DialinConfigPatch.none().withRoomCreationApi("https://example.com/new-hook"));
        assertThat(updated.roomCreationApi()).isEqualTo("https://example.com/new-hook");
        assertThat(updated.hmac()).as("a partial update keeps the hmac").isEqualTo(HMAC);
        assertThat(updated.namePrefix()).isEqualTo("sales");
        assertThat(updated.sipUri()).isEqualTo(pinless.sipUri());
        assertThat(source.dialinConfig(pinless.id())).isEqualTo(updated);

        source.deleteDialinConfig(pin.id());
        assertThat(source.dialinConfigs(DialinConfigFilter.all())).extracting(DialinConfig::id)
                .containsExactlyInAnyOrder(pinless.id(), sipOnly.id());
        assertThatThrownBy(() -> source.deleteDialinConfig(pin.id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("not-found");
                    assertThat(e.afterAmbiguousAttempt()).isFalse();
                });
        assertThatThrownBy(() -> source.dialinConfig(pin.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> source.updateDialinConfig(pin.id(), DialinConfigPatch.none().withNamePrefix("x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPhoneNumberMustBeOwnedByTheCallingDomain() {
        String targets = emulator.admin().daily().addNumber("target", number(617, 1)).number();
        String unowned = number(212, 9);

        for (String foreign : List.of(targets, unowned)) {
            assertThatThrownBy(() -> source.createDialinConfig(DialinConfigSpec.pin(foreign)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errorType()).isEqualTo("invalid-request-error");
                        assertThat(e.info()).isEqualTo("Failed to configure pin dialin: " + foreign.substring(1)
                                + " not associated with domain: source");
                    });
        }
        DialinConfig sipOnly = source.createDialinConfig(DialinConfigSpec.pinless(null, "https://example.com/h", HMAC));
        assertThatThrownBy(() -> source.updateDialinConfig(sipOnly.id(), DialinConfigPatch.none().withPhoneNumber(targets)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.info()).contains("not associated with domain: source"));
        assertThat(source.dialinConfig(sipOnly.id()).phoneNumber()).isNull();
        assertThat(target.dialinConfigs(DialinConfigFilter.all())).isEmpty();
    }

    @Test
    void aPhoneNumberIsUsedByOneConfigWithinADomain() {
        String owned = emulator.admin().daily().addNumber("source", number(415, 5)).number();
        DialinConfig first = source.createDialinConfig(DialinConfigSpec.pinless(owned, "https://example.com/h", HMAC));

        assertThatThrownBy(() -> source.createDialinConfig(DialinConfigSpec.pin(owned)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("invalid-request-error");
                    assertThat(e.info()).contains(owned);
                });
        DialinConfig other = source.createDialinConfig(DialinConfigSpec.pinless(null, "https://example.com/h", HMAC));
        assertThatThrownBy(() -> source.updateDialinConfig(other.id(), DialinConfigPatch.none().withPhoneNumber(owned)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(source.dialinConfigs(DialinConfigFilter.byPhoneNumber(owned))).extracting(DialinConfig::id)
                .containsExactly(first.id());
    }
}
