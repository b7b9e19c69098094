package dev.switchboard.cli.inventory;

import dev.switchboard.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to plan, drift and apply: one line naming the problem, exit 2, and no request that writes (most
 * are refused before any request at all).
 */
class InventoryBadInputTest extends InventoryCliTestBase {
    private String exported;

    @BeforeEach
    void exportDemo() throws IOException {
        exported = export();
        emulator.admin().clearRequests();
    }

    private CliRun.Result refused(String... args) {
        CliRun.Result result = run(args);
        System.out.println(result);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().strip().lines().count()).as(result.toString()).isEqualTo(1);
        assertThat(writes()).isEmpty();
        return result;
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve("numbers.yaml"), yaml);
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        write("version: 1\ndaily:\n  numbers: [ {number: \"+14155550101\"\n");
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("numbers.yaml: line ", "not valid YAML");
        assertThat(emulator.admin().requests()).isEmpty();
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        write("version: 1\nversion: 1\n");
        assertThat(refused("inventory", "drift", "-f", "numbers.yaml").err()).contains("numbers.yaml", "version");
    }

    @Test
    void schemaViolationNamesThePath() throws IOException {
        write(exported.replace("\"+14155550103\"\n      name: Source Pin Line", "\"+1415\"\n      name: Source Pin Line"));
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("numbers.yaml: daily.numbers[2].number: \"+1415\" is not an E.164 number");
        assertThat(emulator.admin().requests()).isEmpty();
    }

    @Test
    void unknownFieldAndBadEnumAreNamed() throws IOException {
        write("version: 1\ndaily:\n  webhooks:\n    - url: https://x.example.com/h\n      colour: red\n");
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("daily.webhooks[0]: unknown field \"colour\"");
        write("version: 1\ndaily:\n  dialin_configs:\n    - type: pinful\n      phone_number: \"+14155550101\"\n");
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("daily.dialin_configs[0].type: \"pinful\" is not pinless or pin");
    }

    @Test
    void missingSecretIsNamedWithoutAnyWrite() throws IOException {
        write(exported.replace("secret: DIALIN_14155550101_HMAC", "secret: NOT_DEFINED_ANYWHERE"));
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("daily.dialin_configs[0].hmac: secret NOT_DEFINED_ANYWHERE is neither in the secrets file nor");
    }

    @Test
    void secretFromTheEnvironmentIsEnough() throws IOException {
        write(exported.replace("secret: DIALIN_14155550101_HMAC", "secret: SALES_HMAC_FROM_ENV"));
        String value = Files.readString(dir.resolve("numbers.secrets.yaml")).lines()
                .filter(l -> l.startsWith("DIALIN_14155550101_HMAC:")).findFirst().orElseThrow().split(": ", 2)[1].strip();
        CliRun.Result plan = cli().env("SALES_HMAC_FROM_ENV", value.replace("\"", "")).run("inventory", "plan", "-f", "numbers.yaml");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
    }

    @Test
    void groupReadableSecretsFileIsRefused() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("numbers.secrets.yaml"), PosixFilePermissions.fromString("rw-r-----"));
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("numbers.secrets.yaml can be read by group or others", "chmod 600");
        assertThat(emulator.admin().requests()).isEmpty();
    }

    @Test
    void hugeFileIsRefusedBeforeReading() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
            file.setLength(InventoryYaml.MAX_BYTES + 1);
        }
        assertThat(refused("inventory", "plan", "-f", "huge.yaml").err()).contains("larger than the limit");
    }

    @Test
    void fifoIsRefused() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(refused("inventory", "drift", "-f", "pipe.yaml").err()).contains("not a regular file");
    }

    @Test
    void invalidDialinRuleIsNamed() throws IOException {
        write("version: 1\ndaily:\n  dialin_configs:\n    - type: pin\n      name_prefix: no-number\n");
        assertThat(refused("inventory", "plan", "-f", "numbers.yaml").err())
                .contains("daily.dialin_configs[0]", "phone_number");
    }

    @Test
    void editedPlanIsRefusedByApply() throws IOException {
        Files.writeString(dir.resolve("inventory_plan.json"), "{\"format\": \"switchboard-inventory-plan\", \"version\": 1,"
                + " \"daily\": [{\"action\": \"daily.format_disk\"}]}");
        assertThat(refused("inventory", "apply", "--yes").err()).contains("inventory_plan.json is not a valid inventory plan");
        Files.writeString(dir.resolve("inventory_plan.json"), "{\"format\": \"switchboard-inventory-plan\", \"version\": 1,"
                + " \"daily\": []}");
        assertThat(refused("inventory", "apply", "--yes").err()).contains("does not name its inventory and secrets files");
        Files.writeString(dir.resolve("inventory_plan.json"), "[1, 2");
        assertThat(refused("inventory", "apply", "--yes").err()).contains("inventory_plan.json");
        assertThat(emulator.admin().requests()).isEmpty();
    }
}
