package dev.switchboard.daily.migration;

import dev.switchboard.core.http.Secret;
import dev.switchboard.core.inventory.ProviderPlan;
import dev.switchboard.core.inventory.SecretNames;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.inventory.DailyAction;
import dev.switchboard.daily.inventory.DailyExport;
import dev.switchboard.daily.inventory.DailyInventory;
import dev.switchboard.daily.inventory.DailyLive;
import dev.switchboard.daily.inventory.DailyPlanner;
import dev.switchboard.emulator.Emulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration campaigns' generated domains (modern and legacy, pinless and pin, SIP-only, shadowed entries,
 * an orphan legacy entry) round-trip through the inventory: export, then plan, finds nothing to do, on both the
 * source and the target domain.
 */
class InventoryOfCampaignStatesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 77L})
    void exportThenPlanShowsNoChange(long seed) throws Exception {
        System.out.println("campaign state seed " + seed);
        CampaignState state = CampaignState.generate(seed, 60);
        try (Emulator emulator = Emulator.builder().seed(seed).clock(MigrationFixture.NOW).disableRateLimits()
                .stateJson(state.json()).start()) {
            for (String key : new String[] {CampaignState.SOURCE_KEY, CampaignState.TARGET_KEY}) {
                DailyClient client = new DailyClient(emulator.dailyBaseUri(), Secret.of(key), DailyClientOptions.defaults());
                DailyLive live = DailyLive.read(client);
                SecretNames names = new SecretNames();
                DailyInventory exported = DailyExport.export(live, names);
                ProviderPlan<DailyAction> plan = new DailyPlanner(SecretSource.of(names.values()), false)
                        .plan(exported, live);
                assertThat(plan.actions()).as("seed %d, %s", seed, key).isEmpty();
                assertThat(plan.drifted()).isFalse();
                assertThat(exported.numbers()).hasSize(live.numbers().size());
                assertThat(exported.dialinConfigs()).hasSize(live.dialinConfigs().size());
            }
        }
    }
}
