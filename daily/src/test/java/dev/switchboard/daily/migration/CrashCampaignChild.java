package dev.switchboard.daily.migration;

import dev.switchboard.core.plan.ProgressListener;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process that {@link MigrationCrashCampaignTest} kills: applies a plan file against the parent's
 * emulator and exits 0 when every entry is finished, 5 otherwise. It prints {@value #APPLYING} once the
 * journal is open and apply starts, so the parent can time a kill from there; a refused plan (edited after
 * entries started) exits 3.
 *
 * <p>Arguments: the Daily base URL, the plan file, the concurrency. The keys come from the environment
 * ({@code CAMPAIGN_SOURCE_KEY}, {@code CAMPAIGN_TARGET_KEY}), never the command line.
 */
public final class CrashCampaignChild {
    static final String APPLYING = "applying";
    /** Printed (with the reason) when apply refuses the plan, before any write; the child then exits 3. */
    static final String REFUSED = "refused: ";

    private CrashCampaignChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CrashCampaignChild <daily base url> <plan file> <concurrency>");
            System.exit(2);
        }
        URI api = URI.create(args[0]);
        Path planFile = Path.of(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        MigrationClients clients = CampaignClients.create(api, System.getenv("CAMPAIGN_SOURCE_KEY"),
                System.getenv("CAMPAIGN_TARGET_KEY"), Duration.ofSeconds(5), CampaignClients.fastRetries(3));
        TransferPlan plan = PlanCodec.read(planFile);
        MigrationOptions options = MigrationOptions.defaults().withOutcomeFilesIn(planFile.getParent())
                .withConcurrency(concurrency).withStepRetries(CampaignClients.fastRetries(3));
        boolean finished;
        try (MigrationEngine engine = MigrationEngine.open(plan, MigrationEngine.journalFor(planFile), clients,
                options)) {
            System.out.println(APPLYING);
            System.out.flush();
            RunReport report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none());
            System.out.println("finished " + report.counts());
            finished = report.results().stream().allMatch(r -> r.status().isFinal());
        } catch (InvalidPlanException refused) {
            System.out.println(REFUSED + refused.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.exit(finished ? 0 : 5);
    }
}
