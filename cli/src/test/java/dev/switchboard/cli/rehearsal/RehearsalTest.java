package dev.switchboard.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --rehearse}: the rehearsal predicts what the real run meets (a 14-day release lock, an active call), the
 * real run is refused until it is resolved, and the real accounts see nothing but the snapshot's GETs meanwhile.
 */
class RehearsalTest {
    private static final String FRESH = "+14155550177";

    @TempDir
    Path dir;
    Emulator real;
    Instant now;

    @BeforeEach
    void start() throws IOException {
        now = Instant.now();
        real = RealAccounts.start(now);
    }

    @AfterEach
    void stop() {
        real.close();
    }

    @Test
    void aReleaseInsideTheFourteenDayLockIsPredictedAndRefusedUntilTheLockEnds() throws IOException {
        real.admin().daily().addNumber("source", FRESH, now.minus(Duration.ofDays(2)));
        long leftovers = rehearsalDirectories();

        CliRun.Result refused = RealAccounts.cli(dir, real)
                .run("daily", "numbers", "release", "+14155550105", FRESH, "--rehearse", "--yes");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("Rehearsal: taking a snapshot of the Daily domain of DAILY_API_KEY",
                "rehearsal | ", "locked", "Rehearsal FAILED (exit 1", "Daily source: ",
                "Predicted wall time of the real run: at least", "the rehearsal failed");
        assertThat(refused.out()).isEmpty();
        assertThat(real.admin().requests()).isNotEmpty().extracting(RequestLogEntry::method).containsOnly("GET");
        assertThat(RealAccounts.dailyGet(real, RealAccounts.SOURCE_KEY, "/purchased-phone-numbers").toString())
                .contains(FRESH, "+14155550105");
        assertThat(rehearsalDirectories()).isEqualTo(leftovers);

        real.admin().advanceClock(Duration.ofDays(13));
        real.admin().clearRequests();
        CliRun.Result released = RealAccounts.cli(dir, real).clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(13)))
                .run("daily", "numbers", "release", "+14155550105", FRESH, "--rehearse", "--yes");

        assertThat(released.exitCode()).as(released.toString()).isZero();
        assertThat(released.err()).contains("Rehearsal succeeded", "rehearsal | released 2, locked 0, failed 0",
                "released 2, locked 0, failed 0 (of 2)");
        assertThat(real.admin().requests()).filteredOn(r -> !r.method().equals("GET"))
                .extracting(RequestLogEntry::method).containsExactly("DELETE", "DELETE");
        assertThat(RealAccounts.dailyGet(real, RealAccounts.SOURCE_KEY, "/purchased-phone-numbers").toString())
                .doesNotContain(FRESH, "+14155550105").contains("+14155550101");
    }

    @Test
    void aTransferWithAnActiveCallIsPredictedAndRefusedUntilTheCallEnds() throws IOException {
        CliRun.Result planned = RealAccounts.cli(dir, real).run("transfer", "plan", "--all");
        assertThat(planned.exitCode()).as(planned.toString()).isZero();
        byte[] plan = Files.readAllBytes(dir.resolve("transfer_plan.json"));
        real.admin().clearRequests();

        CliRun.Result refused = RealAccounts.cli(dir, real).run("transfer", "apply", "--rehearse", "--yes");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("the transfer's source and target domains", "rehearsal | ",
                "calls are active on the source domain", "Rehearsal FAILED (exit 3");
        assertThat(real.admin().requests()).isNotEmpty().extracting(RequestLogEntry::method).containsOnly("GET");
        assertThat(Files.readAllBytes(dir.resolve("transfer_plan.json"))).isEqualTo(plan);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("transfer_plan.journal",
                    "transfer_success.json");
        }

        JsonNode presence = RealAccounts.dailyGet(real, RealAccounts.SOURCE_KEY, "/presence").path("body");
        String caller = presence.path("support-room").get(0).path("id").asText();
        assertThat(real.admin().daily().removeParticipant("source", caller)).isTrue();
        real.admin().clearRequests();
        CliRun.Result applied = RealAccounts.cli(dir, real).run("transfer", "apply", "--rehearse", "--yes",
                "--max-rps", "20");

        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.err()).contains("Rehearsal succeeded", "Daily source: ", "Daily target: ",
                "Predicted wall time of the real run at --max-rps 20: at least");
        List<RequestLogEntry> transfers = real.admin().requests().stream()
                .filter(r -> r.path().startsWith("/v1/transfer-phone-number/")).toList();
        assertThat(transfers).hasSize(5).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(RealAccounts.dailyGet(real, RealAccounts.TARGET_KEY, "/purchased-phone-numbers").toString())
                .contains("+14155550101", "+14155550105");
    }

    @Test
    void signalWireBulkUpdateAndReleaseAreRehearsedOnTheProjectsCopy() {
        real.admin().signalwire().addNumber(RealAccounts.PROJECT, "+15035550188", now.minus(Duration.ofDays(1)));

        CliRun.Result refused = RealAccounts.cli(dir, real)
                .run("signalwire", "numbers", "release", "+15035550188", "--rehearse", "--yes");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("the SignalWire project", "rehearsal | ", "Rehearsal FAILED");
        assertThat(real.admin().requests()).isNotEmpty().extracting(RequestLogEntry::method).containsOnly("GET");
        assertThat(real.admin().signalwire().numberCount(RealAccounts.PROJECT)).isEqualTo(4);

        real.admin().clearRequests();
        CliRun.Result updated = RealAccounts.cli(dir, real)
                .run("signalwire", "numbers", "update", "--all", "--voice-url", "https://example.com/new", "--rehearse",
                        "--yes");

        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.err()).contains("Rehearsal succeeded", "SignalWire demo-project: ");
        assertThat(real.admin().requests()).filteredOn(r -> r.method().equals("PUT")).hasSize(4);
        assertThat(RealAccounts.signalwireGet(real, RealAccounts.PROJECT, RealAccounts.TOKEN,
                "/api/relay/rest/phone_numbers").path("body").path("data"))
                .allSatisfy(n -> assertThat(n.path("call_request_url").asText()).isEqualTo("https://example.com/new"));
    }

    @Test
    void inventoryApplyIsRehearsedFromACopyOfItsPlan() throws IOException {
        CliRun cli = RealAccounts.cli(dir, real);
        assertThat(cli.run("inventory", "export", "--out", "numbers.yaml").exitCode()).isZero();
        Path yaml = dir.resolve("numbers.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("Support line", "Renamed line"));
        CliRun.Result planned = cli.run("inventory", "plan", "-f", "numbers.yaml");
        assertThat(planned.exitCode()).as(planned.toString()).isZero();
        byte[] plan = Files.readAllBytes(dir.resolve("inventory_plan.json"));
        real.admin().clearRequests();

        CliRun.Result applied = cli.run("inventory", "apply", "--rehearse", "--yes");

        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.err()).contains("Rehearsal succeeded", "SignalWire demo-project: 3 requests (1 write)");
        assertThat(real.admin().requests()).filteredOn(r -> !r.method().equals("GET")).hasSize(1);
        assertThat(Files.readAllBytes(dir.resolve("inventory_plan.json"))).isEqualTo(plan);
        assertThat(RealAccounts.signalwireGet(real, RealAccounts.PROJECT, RealAccounts.TOKEN,
                "/api/relay/rest/phone_numbers").toString()).contains("Renamed line").doesNotContain("Support line");
    }

    private static long rehearsalDirectories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("switchboard-rehearsal-")).count();
        }
    }
}
