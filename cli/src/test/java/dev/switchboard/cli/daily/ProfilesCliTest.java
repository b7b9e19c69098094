package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code switchboard profiles} and where settings come from: flags > environment > .env > profile. */
class ProfilesCliTest extends DailyCliTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SW_PROJECT = "5a1d3c52-0d4e-4c6b-9a55-2b7d2a1e0042";
    private static final String SW_TOKEN = "PT-profile-token";

    private Path config;

    @BeforeEach
    void domains() {
        emulator.admin().daily().createDomain("from-env", "env-key-" + key);
        emulator.admin().daily().createDomain("from-dotenv", "dotenv-key-" + key);
        emulator.admin().daily().createDomain("from-profile", "profile-key-" + key);
        emulator.admin().daily().createDomain("from-other", "other-key-" + key);
        emulator.admin().signalwire().createProject(SW_PROJECT, SW_TOKEN);
        config = dir.resolve("xdg");
    }

    /** No credentials in the environment: only the config home. */
    private CliRun bare() {
        return new CliRun(dir).env("XDG_CONFIG_HOME", config.toString());
    }

    private CliRun.Result add(String name, String stdin, String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "profiles";
        args[1] = "add";
        args[2] = name;
        System.arraycopy(flags, 0, args, 3, flags.length);
        return bare().input(stdin, false).run(args);
    }

    private String domainOf(CliRun cli, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        System.arraycopy(extra, 0, args, 0, extra.length);
        System.arraycopy(new String[]{"daily", "whoami", "-o", "json"}, 0, args, extra.length, 4);
        CliRun.Result result = cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.out()).path("domain_name").asText();
    }

    @Test
    void addStoresKeysFromStdinOwnerOnlyAndNeverShowsThem() throws Exception {
        String url = emulator.dailyBaseUri().toString();
        CliRun.Result added = add("work", "profile-key-" + key + "\n", "--daily", "--daily-api-url", url);
        assertThat(added.exitCode()).as(added.toString()).isZero();
        Path file = config.resolve("switchboard/config.toml");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        String fingerprint = Secret.of("profile-key-" + key).fingerprint();
        assertThat(added.err()).contains("saved profile work", fingerprint, "it is the current profile")
                .doesNotContain("profile-key-");

        CliRun.Result list = bare().run("profiles", "list", "-o", "json");
        assertThat(list.out()).doesNotContain("profile-key-");
        JsonNode row = JSON.readTree(list.out()).get(0);
        assertThat(row.path("name").asText()).isEqualTo("work");
        assertThat(row.path("current").asBoolean()).isTrue();
        assertThat(row.path("daily_api_key").asText()).isEqualTo(fingerprint);
        assertThat(row.path("daily_api_url").asText()).isEqualTo(url);

        assertThat(domainOf(bare())).isEqualTo("from-profile");

        CliRun.Result noKey = add("empty", "", "--daily");
        assertThat(noKey.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noKey.err()).contains("no value for DAILY_API_KEY (expected one line on stdin); nothing was saved");
    }

    @Test
    void aTransferProfileHoldsBothKeysReadInOrder() throws Exception {
        CliRun.Result added = add("move", "source-secret\ntarget-secret\n", "--daily-transfer");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        JsonNode row = JSON.readTree(bare().run("profiles", "list", "-o", "json").out()).get(0);
        assertThat(row.path("daily_source_api_key").asText()).isEqualTo(Secret.of("source-secret").fingerprint());
        assertThat(row.path("daily_target_api_key").asText()).isEqualTo(Secret.of("target-secret").fingerprint());
    }

    @Test
    void precedenceIsEnvironmentThenDotEnvThenProfile() throws Exception {
        String url = emulator.dailyBaseUri().toString();
        assertThat(add("work", "profile-key-" + key + "\n", "--daily", "--daily-api-url", url).exitCode()).isZero();
        assertThat(domainOf(bare())).isEqualTo("from-profile");

        Files.writeString(dir.resolve(".env"), "DAILY_API_KEY=dotenv-key-" + key + "\n");
        assertThat(domainOf(bare())).isEqualTo("from-dotenv");

        assertThat(domainOf(bare().env("DAILY_API_KEY", "env-key-" + key))).isEqualTo("from-env");
    }

    @Test
    void theProfileFlagBeatsTheVariableWhichBeatsTheCurrentProfile() throws Exception {
        String url = emulator.dailyBaseUri().toString();
        assertThat(add("work", "profile-key-" + key + "\n", "--daily", "--daily-api-url", url).exitCode()).isZero();
        assertThat(add("other", "other-key-" + key + "\n", "--daily", "--daily-api-url", url).exitCode()).isZero();
        assertThat(domainOf(bare())).isEqualTo("from-profile");
        assertThat(domainOf(bare().env("SWITCHBOARD_PROFILE", "other"))).isEqualTo("from-other");
        assertThat(domainOf(bare().env("SWITCHBOARD_PROFILE", "other"), "--profile", "work")).isEqualTo("from-profile");
        assertThat(domainOf(bare(), "--profile=other")).isEqualTo("from-other");

        CliRun.Result use = bare().run("profiles", "use", "other");
        assertThat(use.exitCode()).isZero();
        assertThat(domainOf(bare())).isEqualTo("from-other");

        CliRun.Result missing = bare().run("--profile", "nope", "daily", "whoami");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err()).contains("no profile nope in ").contains("profiles: other, work");
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheProfile() throws Exception {
        String space = emulator.signalwireSpaceUri().toString();
        CliRun.Result added = add("sw", SW_TOKEN + "\n", "--signalwire", space, "--signalwire-project", "not-this-project");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.err()).doesNotContain(SW_TOKEN);

        CliRun.Result fromProfile = bare().run("signalwire", "numbers", "list");
        assertThat(fromProfile.exitCode()).as(fromProfile.toString()).isEqualTo(ExitCode.CREDENTIALS);

        CliRun.Result fromEnvironment = bare().env("SIGNALWIRE_PROJECT_ID", SW_PROJECT).run("signalwire", "numbers", "list");
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.toString()).isZero();

        CliRun.Result fromFlag = bare().env("SIGNALWIRE_PROJECT_ID", "not-this-either")
                .run("signalwire", "numbers", "list", "--project", SW_PROJECT);
        assertThat(fromFlag.exitCode()).as(fromFlag.toString()).isZero();
    }

    @Test
    void removeConfirmsNamesWhatItDeletesAndClearsTheCurrentProfile() throws Exception {
        assertThat(add("work", "k-" + key + "\n", "--daily").exitCode()).isZero();
        CliRun.Result refused = bare().run("profiles", "remove", "work");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("work").contains("DAILY_API_KEY");

        CliRun.Result removed = bare().run("profiles", "remove", "work", "--yes");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(JSON.readTree(bare().run("profiles", "list", "-o", "json").out())).isEmpty();
        assertThat(Files.readString(config.resolve("switchboard/config.toml"))).doesNotContain("k-" + key);
    }
}
