package dev.switchboard.cli.inventory;

import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.core.engine.StepHook;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.inventory.DailyAction;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.signalwire.NumberSearch;
import dev.switchboard.signalwire.SignalWireClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash campaign for {@code inventory apply}: a plan touching most resource kinds is run again and again,
 * each run killed at a seeded random step boundary (a {@link StepHook} throwing an {@link Error}: the engine
 * journals nothing more, as when the process dies), while the emulator loses some answers after applying the
 * request. Resuming until done, live then equals the file (drift exits 0), with nothing created twice.
 * {@code -Dinventory.crash.seed=N} replaces the first seed.
 */
class InventoryApplyCrashCampaignTest extends InventoryCliTestBase {

    /** A simulated kill. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    static Stream<Long> seeds() {
        long first = Long.getLong("inventory.crash.seed", 1_400L);
        return LongStream.range(0, 3).mapToObj(i -> first + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void killedAtRandomPointsAndResumedEndsEqualToTheFile(long seed) throws Exception {
        System.out.println("inventory apply crash campaign seed " + seed);
        Random random = new Random(seed);
        addEveryKind();
        String exported = export();
        String spare = signalwire().searchNumbers(NumberSearch.local().withAreacode("503")).get(0).e164();
        Files.writeString(dir.resolve("numbers.yaml"), InventoryEdits.apply(exported, hookUrl("/second"), spare));
        CliRun.Result plan = run("inventory", "plan", "-f", "numbers.yaml", "--allow-release");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        InventoryPlanFile planFile = InventoryPlanFile.read(dir.resolve("inventory_plan.json"));
        int steps = planFile.actions().size();
        SecretSource secrets = InventorySecrets.source(context(), dir.resolve("numbers.secrets.yaml"));
        DailyClient daily = daily();
        SignalWireClient signalwire = signalwire();
        emulator.admin().addFault(FaultRule.withProbability(0.2, "POST *", FaultKind.APPLIED_LOST_5XX));

        boolean complete = false;
        int runs = 0;
        int kills = 0;
        for (; runs < 60 && !complete; runs++) {
            int crashAt = random.nextInt(10);
            boolean crashing = runs < 25;
            AtomicInteger boundaries = new AtomicInteger();
            StepHook hook = (entry, step, boundary) -> {
                if (crashing && boundaries.getAndIncrement() == crashAt) {
                    throw new Crash();
                }
            };
            try (Journal journal = Journal.open(dir.resolve(".switchboard/crash.journal"))) {
                complete = InventoryApplyRun.run(journal, planFile,
                        action -> action instanceof DailyAction ? daily : signalwire, secrets, hook).complete();
            } catch (Crash crash) {
                complete = false;
            }
            kills += crashing && boundaries.get() > crashAt ? 1 : 0;
        }
        System.out.println("seed " + seed + ": " + steps + " steps, done after " + runs + " runs, " + kills + " kills");
        assertThat(kills).as("seed %d: the campaign killed some runs", seed).isPositive();
        assertThat(complete).as("seed %d: the plan completes", seed).isTrue();
        emulator.admin().clearFaults();

        CliRun.Result drift = run("inventory", "drift", "-f", "numbers.yaml");
        assertThat(drift.exitCode()).as("seed " + seed + "\n" + drift).isZero();
        assertThat(daily.webhooks().list().stream().filter(w -> w.url().equals(hookUrl("/second")))).hasSize(1);
        assertThat(daily.verifiedCallerIds().stream().filter(c -> c.number().equals("+13105550123"))).hasSize(1);
        assertThat(signalwire.directory().numberGroups("Spare")).hasSize(1);
    }

    private CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), false, Map.of(), dir, Clock.systemUTC());
    }
}
