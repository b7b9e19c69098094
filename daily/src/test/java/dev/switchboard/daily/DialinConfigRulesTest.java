package dev.switchboard.daily;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialinConfigRulesTest {
    private static DialinConfigRules.Fields pinless(String hmac, String roomApi, String namePrefix) {
        return new DialinConfigRules.Fields("+14155550101", namePrefix, hmac, roomApi, null, null, null);
    }

    private static List<String> problems(DialinType type, DialinConfigRules.Fields fields) {
        return DialinConfigRules.forConfig(type, fields).stream().map(Object::toString).toList();
    }

    @Test
    void aValidPinlessConfigPasses() {
        assertThat(problems(DialinType.PINLESS_DIALIN, pinless("c2FsZXMtaG1hYw==", "https://hooks.example/a", "sales")))
                .isEmpty();
        assertThat(problems(DialinType.PINLESS_DIALIN, pinless("c2VjcmV0", "dailybots", "Sales – EU"))).isEmpty();
        assertThat(problems(DialinType.PINLESS_DIALIN, pinless(null, "http://127.0.0.1:8080/dial", null))).isEmpty();
    }

    @Test
    void hmacsMustBeBase64OfABoundedLength() {
        for (String bad : List.of("", "not base64!", "a", "c2Fs=ZXM", "====", "c2Fs ZXM=", "Zm9v\n")) {
            assertThat(DialinConfigRules.hmacProblem(bad)).as(bad).startsWith("is not base64");
        }
        assertThat(DialinConfigRules.hmacProblem("QUFB".repeat(86))).isEqualTo("decodes to 258 bytes; Daily takes 1 to 256");
        assertThat(DialinConfigRules.hmacProblem("QUFB".repeat(85))).isNull();
        assertThat(DialinConfigRules.hmacProblem("not base64!")).doesNotContain("not base64!");
    }

    @Test
    void urlsMustBeHttpWithAHost() {
        assertThat(DialinConfigRules.urlProblem("ftp://x")).isEqualTo("'ftp://x' must be an http or https URL");
        assertThat(DialinConfigRules.urlProblem("https://")).isEqualTo("'https://' is not a valid URL");
        assertThat(DialinConfigRules.urlProblem("https:///path")).contains("has no valid host");
        assertThat(DialinConfigRules.urlProblem("https://a..b/x")).contains("has no valid host");
        assertThat(DialinConfigRules.urlProblem("hooks.example.com/x")).contains("must be an http or https URL");
        assertThat(DialinConfigRules.urlProblem("https://a.example/x y")).contains("spaces or control characters");
        assertThat(DialinConfigRules.urlProblem("https://a.example/" + "x".repeat(2048))).contains("at most 2048");
        assertThat(DialinConfigRules.urlProblem("HTTPS://[::1]:8443/dial?a=b")).isNull();
        assertThat(problems(DialinType.PINLESS_DIALIN,
                new DialinConfigRules.Fields(null, null, null, null, "dailybots", null, null)))
                .containsExactly("hold_music_url 'dailybots' must be an http or https URL");
    }

    @Test
    void textsRefuseControlCharactersAndExcessLength() {
        assertThat(problems(DialinType.PINLESS_DIALIN, pinless(null, null, "sales\u001b[2J")))
                .containsExactly("name_prefix contains a control character (such as a tab, newline or escape)");
        assertThat(problems(DialinType.PINLESS_DIALIN, pinless(null, null, "x".repeat(129))))
                .containsExactly("name_prefix is 129 characters long; at most 128");
        DialinConfigRules.Fields greeting = new DialinConfigRules.Fields("+14155550101", null, null, null, null, null,
                JsonNodeFactory.instance.objectNode().put("message", "a\tb"));
        assertThat(problems(DialinType.PIN_DIALIN, greeting))
                .containsExactly("ivr_greeting message contains a control character (such as a tab, newline or escape)");
    }

    @Test
    void typeRulesAndE164() {
        assertThat(problems(DialinType.PIN_DIALIN, new DialinConfigRules.Fields(null, null, "c2VjcmV0", null, null, null,
                null))).containsExactly("phone_number is required: a pin_dialin config needs a phone number",
                "hmac, room_creation_api and hold_music_url apply to pinless_dialin only");
        assertThat(problems(DialinType.PINLESS_DIALIN, new DialinConfigRules.Fields("+1 (415) 555-0101", null, null,
                null, null, null, JsonNodeFactory.instance.objectNode())))
                .containsExactly("ivr_greeting applies to pin_dialin only", "phone_number '+1 (415) 555-0101' is not an "
                        + "E.164 number such as +14155550101 (a plus, then 7 to 15 digits)");
    }

    @Test
    void specsAndPatchesApplyTheRules() {
        assertThatThrownBy(() -> DialinConfigSpec.pinless("+14155550101", "ftp://x", Secret.of("c2VjcmV0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("room_creation_api 'ftp://x'");
        assertThatThrownBy(() -> DialinConfigPatch.none().withHmac(Secret.of("%%%")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid dial-in config: hmac is not base64 "
                        + "(letters, digits, + and /, padded with =)");
        assertThat(DialinConfigPatch.none().withHoldMusicUrl("https://m.example/a.mp3").violationsFor(DialinType.PIN_DIALIN))
                .extracting(Object::toString).containsExactly("hmac, room_creation_api and hold_music_url apply to "
                        + "pinless_dialin only");
    }
}
