package dev.switchboard.cli.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.cli.CliRun;
import dev.switchboard.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code switchboard signalwire ...} in process against an embedded emulator (ticking clock, fixed seed). */
abstract class SignalWireCliTestBase {
    static final long SEED = 20260106L;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String PROJECT = "5a1d3c52-0d4e-4c6b-9a55-2b7d2a1e0001";
    static final String TOKEN = "PT-cli-token";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Emulator emulator;

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = Emulator.builder().seed(SEED).tickingClock(START).start();
        emulator.admin().signalwire().createProject(PROJECT, TOKEN);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    CliRun cli() {
        return new CliRun(dir).env("SIGNALWIRE_SPACE_URL", emulator.signalwireSpaceUri().toString())
                .env("SIGNALWIRE_PROJECT_ID", PROJECT).env("SIGNALWIRE_API_TOKEN", TOKEN);
    }

    /** Runs a command that must succeed and returns its JSON output. */
    JsonNode json(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--output";
        all[args.length + 1] = "json";
        CliRun.Result result = cli().run(all);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        try {
            return JSON.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Buys one number in the area code through the CLI; returns its row. */
    JsonNode buy(String areacode, String name) {
        String number = json("signalwire", "numbers", "search", "--areacode", areacode, "--limit", "1")
                .get(0).path("number").asText();
        return json("signalwire", "numbers", "buy", number, "--name", name, "--yes");
    }
}
