package dev.switchboard.core.config;

import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvTest {
    @TempDir
    Path dir;

    private Path dotEnv(String content) throws IOException {
        return Files.writeString(dir.resolve(".env"), content);
    }

    @Test
    void environmentWinsOverTheFile() throws IOException {
        Env env = new Env(Map.of("DAILY_SOURCE_API_KEY", "from-env"),
                dotEnv("DAILY_SOURCE_API_KEY=from-file\nDAILY_TARGET_API_KEY=target-from-file\n"));
        assertThat(env.get("DAILY_SOURCE_API_KEY")).contains("from-env");
        assertThat(env.get("DAILY_TARGET_API_KEY")).contains("target-from-file");
        assertThat(env.sourceOf("DAILY_SOURCE_API_KEY")).contains("environment");
        assertThat(env.sourceOf("DAILY_TARGET_API_KEY")).contains(dir.resolve(".env").toString());
        assertThat(env.get("NOPE")).isEmpty();
        assertThat(env.sourceOf("NOPE")).isEmpty();
    }

    @Test
    void aProfileFillsOnlyWhatTheEnvironmentAndTheFileLeaveUnset() throws IOException {
        Env env = new Env(Map.of("A", "from-env"), dotEnv("A=a-file\nB=b-file\n"),
                Map.of("A", "a-profile", "B", "b-profile", "C", "c-profile"), "profile work");
        assertThat(env.get("A")).contains("from-env");
        assertThat(env.get("B")).contains("b-file");
        assertThat(env.get("C")).contains("c-profile");
        assertThat(env.sourceOf("C")).contains("profile work");
        assertThatThrownBy(() -> env.require("D", null)).hasMessage("D is not set (looked in the environment, "
                + dir.resolve(".env") + " and profile work)");
    }

    @Test
    void anEmptyEnvironmentValueStillWinsButCountsAsNotSet() throws IOException {
        Env env = new Env(Map.of("KEY", ""), dotEnv("KEY=from-file\n"));
        assertThat(env.get("KEY")).isEmpty();
        assertThatThrownBy(() -> env.require("KEY", "set it"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("KEY is empty (set in environment): set it");
    }

    @Test
    void missingFileIsEmpty() {
        Env env = new Env(Map.of("A", "1"), dir.resolve("absent.env"));
        assertThat(env.get("A")).contains("1");
        assertThat(env.get("B")).isEmpty();
        assertThat(env.dotEnvFile()).isEqualTo(dir.resolve("absent.env"));
    }

    @Test
    void requireNamesTheVariableAndNeverAValue() throws IOException {
        Path file = dotEnv("OTHER=super-secret-value\n");
        Env env = new Env(Map.of(), file);
        assertThatThrownBy(() -> env.require("DAILY_TARGET_API_KEY", "the Daily key of the target domain\n(Settings > Daily)"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("DAILY_TARGET_API_KEY is not set (looked in the environment and " + file
                        + "): the Daily key of the target domain (Settings > Daily)")
                .satisfies(e -> assertThat(((MissingSettingException) e).name()).isEqualTo("DAILY_TARGET_API_KEY"));
        assertThat(env.require("OTHER", "hint")).isEqualTo("super-secret-value");
    }

    @Test
    void secretsHideTheirValue() throws IOException {
        Env env = new Env(Map.of(), dotEnv("export API_KEY=\"  abc123  \"\n"));
        Secret secret = env.secret("API_KEY").orElseThrow();
        assertThat(secret.reveal()).isEqualTo("abc123");
        assertThat(secret.toString()).doesNotContain("abc123");
        assertThat(env.requireSecret("API_KEY", "hint")).isEqualTo(secret);
        assertThat(env.secret("MISSING")).isEmpty();
    }

    @Test
    void malformedFileFailsAtConstructionWithTheLine() throws IOException {
        Path file = dotEnv("A=1\nB=\"unterminated-secret\n");
        assertThatThrownBy(() -> new Env(Map.of(), file))
                .isInstanceOf(InvalidDotEnvException.class)
                .hasMessage(file + " line 2: unterminated double quote");
    }

    @Test
    void systemEnvReadsTheRealEnvironment() {
        Env env = Env.system(dir.resolve("none.env"));
        assertThat(env.get("PATH")).isEqualTo(java.util.Optional.ofNullable(System.getenv("PATH")).filter(v -> !v.isBlank()));
    }
}
