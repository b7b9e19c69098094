package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan reader applies the dial-in rules, refuses unnormalised keys, keeps unknown fields and bounds its input. */
class PlanInputRulesTest {
    @TempDir
    Path dir;

    private static String q(String text) {
        return text.replace('\'', '"');
    }

    private static final String PLAN = q("""
            {'format': 'switchboard-transfer-plan/1', 'created_at': '2026-01-10T09:00:00Z', 'reviewed_by': 'ops',
             'source': {'domain_name': 'bots', 'domain_id': 's'}, 'target': {'domain_name': 'pipecat', 'domain_id': 't'},
             'entries': {
              '+14155550101': {'source_phone_id': 'p1', 'src_type': 'domain-dialin-config', 'config_id': 'c1',
                'config_data': {'phone_number': '+14155550101', 'hmac': 'c2FsZXMtaG1hYw==', 'future': {'a': 1},
                  'room_creation_api': 'https://hooks.example/sales', 'name_prefix': 'sales', 'type': 'pinless_dialin'},
                'fingerprint': 'sha256:x', 'note': 'checked'},
              '+14155550102': {'source_phone_id': 'p2', 'src_type': null, 'config_id': null, 'config_data': null}}}
            """);

    private static InvalidPlanException invalid(String text) {
        try {
            PlanCodec.parse(text, "transfer_plan.json");
        } catch (InvalidPlanException e) {
            return e;
        }
        throw new AssertionError("the plan was accepted: " + text);
    }

    @Test
    void unknownFieldsAtEveryLevelSurviveARoundTripAndAreListed() {
        TransferPlan plan = PlanCodec.parse(PLAN, "transfer_plan.json");
        JsonNode written = PlanCodec.toJson(plan);
        assertThat(written.path("reviewed_by").asText()).isEqualTo("ops");
        assertThat(written.path("entries").path("+14155550101").path("note").asText()).isEqualTo("checked");
        assertThat(written.path("entries").path("+14155550101").path("config_data").path("future").path("a").asInt())
                .isEqualTo(1);
        assertThat(PlanCodec.parse(written.toString(), "again").entries()).hasSize(2);
        assertThat(PlanCodec.unknownFields(plan)).extracting(PlanProblem::toString).containsExactly(
                "(plan): unknown field 'reviewed_by' kept in the plan, not used",
                "+14155550101: unknown field 'note' kept in the plan, not used",
                "+14155550101: config_data.future is not a dial-in config field this version sends; kept in the plan, "
                        + "not created on the target");
    }

    @Test
    void everyDialinRuleBrokenInConfigDataIsReportedWithItsEntry() {
        String text = PLAN.replace("c2FsZXMtaG1hYw==", "c2FsZXMtaG1hYw==!").replace("https://hooks.example/sales", "ftp://x")
                .replace("\"sales\"", "\"sa\\u0000les\"");
        assertThat(invalid(text).problems()).extracting(PlanProblem::toString).containsExactly(
                "+14155550101: config_data.name_prefix contains a control character (such as a tab, newline or escape)",
                "+14155550101: config_data.hmac is not base64 (letters, digits, + and /, padded with =)",
                "+14155550101: config_data.room_creation_api 'ftp://x' must be an http or https URL");
    }

    @Test
    void keysAndNumbersNotWrittenInE164AreRefusedNotNormalised() {
        InvalidPlanException key = invalid(PLAN.replace("\"+14155550102\"", "\"+1 (415) 555-0102\""));
        assertThat(key.problems()).extracting(PlanProblem::toString).containsExactly("+1 (415) 555-0102: the key is not "
                + "written in E.164; write it as +14155550102 (journal and configs match entries by this exact key)");
        InvalidPlanException number = invalid(PLAN.replace("'phone_number': '+14155550101'".replace('\'', '"'),
                "\"phone_number\": \"+1-415-555-0101\""));
        assertThat(number.problems()).extracting(PlanProblem::toString).containsExactly(
                "+14155550101: config_data.phone_number is not written in E.164; write it as +14155550101");
    }

    @Test
    void filesAreBoundedByTypeSizeAndDepth() throws Exception {
        assertThatThrownBy(() -> PlanCodec.read(dir)).isInstanceOf(InputFileException.class)
                .hasMessage("plan " + dir + " is a directory, not a file");
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "{\"a\":".repeat(65) + "1" + "}".repeat(65));
        assertThatThrownBy(() -> PlanCodec.read(deep)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("is nested deeper than 64 levels");
        assertThatThrownBy(() -> PlanCodec.read(Path.of("/dev/zero"))).isInstanceOf(InputFileException.class)
                .hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> PlanCodec.read(dir.resolve("missing.json"))).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("no plan file");
        Path plan = dir.resolve("transfer_plan.json");
        Files.writeString(plan, PLAN);
        assertThat(PlanCodec.read(plan).entries()).hasSize(2);
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(PLAN);
        assertThat(tree.path("entries").size()).isEqualTo(2);
    }
}
