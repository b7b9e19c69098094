package dev.switchboard.daily.migration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanCodecTest {
    private static String q(String text) {
        return text.replace('\'', '"');
    }

    private static final String ORIGINAL = q("""
            {'+10114870006': {'source_phone_id': 'uuid-1', 'src_type': 'domain-dialin-config', 'config_id': 'cfg-1',
              'config_data': {'phone_number': '+10114870006', 'sip_uri': 'a@b', 'hmac': 'aG1hYw==',
                'room_creation_api': 'https://example.com/api/dial', 'name_prefix': '+10114870006',
                'type': 'pinless_dialin'}},
             '+10114870007': {'source_phone_id': 'uuid-2', 'src_type': null, 'config_id': null, 'config_data': null},
             'user--1@sip.example.com': {'source_phone_id': null, 'src_type': 'root-pinless', 'config_id': null,
              'config_data': {'sip_uri': 'user--1@sip.example.com', 'hmac': 'c2lw',
                'room_creation_api': 'https://new.example.com', 'source_room_creation_api': 'dailybots',
                'target_room_creation_api': 'https://new.example.com', 'type': 'pinless_dialin'}}}
            """);

    @Test
    void theOriginalUtilitysBareFormatIsRead() {
        TransferPlan plan = PlanCodec.parse(ORIGINAL, "transfer_plan.json");

        assertThat(plan.originalFormat()).isTrue();
        assertThat(plan.source()).isNull();
        assertThat(plan.entries()).hasSize(3);
        PlanEntry modern = plan.entry("+10114870006");
        assertThat(modern.srcType()).isEqualTo(SourceKind.DOMAIN_DIALIN_CONFIG);
        assertThat(modern.config().hmac().reveal()).isEqualTo("aG1hYw==");
        assertThat(modern.fingerprint()).isNull();
        assertThat(plan.entry("+10114870007").hasConfig()).isFalse();
        PlanEntry sip = plan.entry("user--1@sip.example.com");
        assertThat(sip.isSipOnly()).isTrue();
        assertThat(sip.config().sourceRoomApi()).isEqualTo("dailybots");
        assertThat(sip.config().targetSpec().roomCreationApi()).isEqualTo("https://new.example.com");
    }

    private static InvalidPlanException invalid(String text) {
        try {
            PlanCodec.parse(text, "transfer_plan.json");
        } catch (InvalidPlanException e) {
            return e;
        }
        throw new AssertionError("the plan was accepted: " + text);
    }

    @Test
    void everyMalformedEntryIsReportedWithItsKey() {
        String text = q("""
                {'+1415555010': {'source_phone_id': 'a', 'src_type': 'weird', 'config_id': null, 'config_data': null},
                 'not-a-number': {'source_phone_id': 'b', 'src_type': null, 'config_id': null, 'config_data': null},
                 '+14155550102': {'source_phone_id': 'c', 'src_type': 'domain-dialin-config', 'config_id': 'x',
                   'config_data': {'phone_number': '+14155550102', 'hmac': 'aA==', 'type': 'pinless_dialin'}},
                 '+14155550103': {'source_phone_id': 'd', 'src_type': 'domain-dialin-config', 'config_id': 'y',
                   'config_data': {'phone_number': '+14155550103', 'hmac': 'aA==', 'room_creation_api': 'https://a',
                   'timeout_config': 'no agent', 'type': 'pinless_dialin'}},
                 '+14155550104': {'source_phone_id': 'c', 'src_type': null, 'config_id': null, 'config_data': null},
                 '+14155550105': {'source_phone_id': 'e', 'src_type': 'root-pin', 'config_id': null,
                   'config_data': {'phone_number': '+14155550106', 'type': 'pin_dialin'}}}
                """);

        InvalidPlanException e = invalid(text);

        assertThat(e.stale()).isFalse();
        assertThat(e.problems()).extracting(PlanProblem::toString).containsExactlyInAnyOrder(
                "+1415555010: unknown src_type 'weird' (expected domain-dialin-config, root-pinless, root-pin or null)",
                "+1415555010: the key is not an E.164 phone number (expected e.g. +14155550101)",
                "not-a-number: the key is not an E.164 phone number (expected e.g. +14155550101)",
                "+14155550102: config_data.room_creation_api is missing (a pinless config needs its webhook URL)",
                "+14155550103: config_data.timeout_config must be a JSON object such as {\"message\": \"...\"}, not string",
                "+14155550104: duplicate source_phone_id c (also in entry +14155550102)",
                "+14155550105: config_data.phone_number +14155550106 is not the entry's number");
        assertThat(e.getMessage()).startsWith("plan transfer_plan.json is invalid (7 problems); nothing was changed: ");
    }

    @Test
    void badJsonDuplicateKeysAndTheSameNumberTwiceAreRefused() {
        assertThat(invalid("{\"+14155550101\": {").problems()).singleElement().asString()
                .startsWith("(plan): not valid JSON (line 1");
        String duplicateKey = q("{'+14155550101': {'source_phone_id': 'a'}, '+14155550101': {'source_phone_id': 'b'}}");
        assertThat(invalid(duplicateKey).problems()).singleElement().asString()
                .startsWith("+14155550101: duplicate entry");
        String sameNumber = q("{'+14155550101': {'source_phone_id': 'a'}, '+1 415 555 0101': {'source_phone_id': 'b'}}");
        assertThat(invalid(sameNumber).problems()).extracting(PlanProblem::toString).containsExactly(
                "+1 415 555 0101: duplicate number +14155550101 (also in entry +14155550101)",
                "+1 415 555 0101: the key is not written in E.164; write it as +14155550101 (journal and configs match "
                        + "entries by this exact key)");
    }

    @Test
    void placeholdersMissingHmacsAndUnknownFormatsAreRefused() {
        String placeholder = q("""
                {'+14155550101': {'source_phone_id': 'a', 'src_type': 'root-pinless', 'config_data': {
                  'phone_number': '+14155550101', 'room_creation_api': 'dailybots', 'type': 'pinless_dialin'}}}
                """);
        assertThat(invalid(placeholder).problems()).extracting(PlanProblem::message).anySatisfy(m ->
                assertThat(m).contains("'dailybots' placeholder")).anySatisfy(m -> assertThat(m).contains("hmac is missing"));
        assertThat(invalid(q("{'format': 'switchboard-transfer-plan/9', 'entries': {}}")).problems()).singleElement()
                .asString().contains("unsupported format");
        assertThat(invalid("[]").problems()).singleElement().asString().isEqualTo("(plan): the plan must be a JSON object");
        assertThatThrownBy(() -> PlanCodec.parse("{}", "p.json")).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("the plan has no entries");
    }
}
