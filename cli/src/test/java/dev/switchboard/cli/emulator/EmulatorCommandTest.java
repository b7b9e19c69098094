package dev.switchboard.cli.emulator;

import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmulatorCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesTheDemoDomainsUntilInterrupted() throws Exception {
        CliRun.Live live = new CliRun(dir).start("emulator", "--port", "0", "--seed", "7");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.out().contains("listening on"));
            Matcher url = Pattern.compile("Daily API (http://127\\.0\\.0\\.1:\\d+/v1)").matcher(live.out());
            assertThat(url.find()).as(live.out()).isTrue();
            assertThat(live.out()).contains("source=source-key").contains("target=target-key");

            HttpResponse<String> domain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/"))
                            .header("Authorization", "Bearer source-key").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(domain.statusCode()).isEqualTo(200);
            assertThat(domain.body()).contains("\"domain_name\":\"source\"");
        } finally {
            live.interrupt();
        }
        assertThat(live.exitCode(Duration.ofSeconds(10))).isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void theBannerNamesTheLoadedDomainsAndDebugTracesEveryRequest() throws Exception {
        Files.writeString(dir.resolve("state.json"), """
                {"daily": {"domains": [
                  {"domain_name": "alpha", "api_keys": ["alpha-key"]},
                  {"domain_name": "beta", "api_keys": ["beta-key", "beta-key-2"]}]}}
                """);
        CliRun.Live live = new CliRun(dir).start("emulator", "--port", "0", "--state", "state.json", "--debug");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.out().contains("Try:"));
            assertThat(live.out()).contains("Daily domain alpha: key alpha-key")
                    .contains("Daily domain beta: key beta-key, beta-key-2")
                    .contains("DAILY_API_KEY=alpha-key switchboard daily numbers list")
                    .doesNotContain("source-key");
            Matcher url = Pattern.compile("Daily API (http://127\\.0\\.0\\.1:\\d+/v1)").matcher(live.out());
            assertThat(url.find()).as(live.out()).isTrue();
            HttpResponse<String> domain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/")).header("Authorization", "Bearer beta-key").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(domain.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> live.err().contains("debug: GET /v1/ -> 200"));
            assertThat(live.err()).doesNotContain("beta-key");
        } finally {
            live.interrupt();
        }
        assertThat(live.exitCode(Duration.ofSeconds(10))).isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void aMissingStateFileIsInvalidInput() {
        CliRun.Result result = new CliRun(dir).run("emulator", "--port", "0", "--state", "nope.json");
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).isEqualTo("switchboard: --state nope.json: no such file" + System.lineSeparator());
    }

    @Test
    void aMalformedStateFileIsInvalidInput() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{ not json");
        CliRun.Result result = new CliRun(dir).run("emulator", "--port", "0", "--state", "bad.json");
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).startsWith("switchboard: --state bad.json: ");
    }
}
