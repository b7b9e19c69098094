package dev.switchboard.daily.inventory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.inventory.ProviderPlan;
import dev.switchboard.core.inventory.ReleaseSafety;
import dev.switchboard.core.inventory.SecretNames;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinType;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.DomainConfig;
import dev.switchboard.daily.PurchasedNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No plan releases a number unless the file marks it {@code release: true} AND the run allows releases, and no
 * plan buys a number the domain has: random live domains, random edits of their export (numbers dropped,
 * renamed, marked for release, configs changed, retyped or dropped, numbers added), both flag values.
 * The seeds are printed; {@code -Dinventory.release.seed=N} replaces the first.
 */
class DailyReleaseSafetyPropertyTest {
    private static final int CASES_PER_SEED = 40;

    static Stream<Long> seeds() {
        long first = Long.getLong("inventory.release.seed", 14_000L);
        return LongStream.range(0, 10).mapToObj(i -> first + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void releasesOnlyWhatTheFileMarksAndTheFlagAllows(long seed) {
        System.out.println("inventory release-safety seed " + seed);
        Random random = new Random(seed);
        for (int c = 0; c < CASES_PER_SEED; c++) {
            DailyLive live = randomLive(random);
            SecretNames names = new SecretNames();
            DailyInventory exported = DailyExport.export(live, names);
            SecretSource secrets = SecretSource.of(names.values());
            assertThat(new DailyPlanner(secrets, true).plan(exported, live).actions()).as("seed %d case %d: round trip", seed, c)
                    .isEmpty();
            DailyInventory edited = edit(exported, random);
            boolean allowRelease = random.nextBoolean();
            ProviderPlan<DailyAction> plan = new DailyPlanner(secrets, allowRelease).plan(edited, live);

            Set<String> liveNumbers = new HashSet<>();
            live.numbers().forEach(n -> liveNumbers.add(n.number()));
            Map<String, Boolean> file = new HashMap<>();
            edited.numbers().forEach(n -> file.put(n.number(), n.releaseRequested()));
            ReleaseSafety.check("seed " + seed + " case " + c + " allowRelease " + allowRelease, liveNumbers, file,
                    allowRelease, plan.actions(),
                    a -> a instanceof DailyAction.ReleaseNumber r ? Optional.of(r.number()) : Optional.empty(),
                    a -> a instanceof DailyAction.BuyNumber b ? Optional.of(b.number()) : Optional.empty());
        }
    }

    private static DailyLive randomLive(Random random) {
        List<PurchasedNumber> numbers = new ArrayList<>();
        List<DialinConfig> configs = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            String number = String.format("+1415555%04d", random.nextInt(10_000));
            if (numbers.stream().anyMatch(n -> n.number().equals(number))) {
                continue;
            }
            numbers.add(new PurchasedNumber("id-" + number, (long) i, number, "Line " + i, "local", "active", null,
                    Instant.parse("2026-01-01T00:00:00Z"), "US", "twilio", false));
            if (random.nextBoolean()) {
                boolean pin = random.nextInt(3) == 0;
                configs.add(new DialinConfig("cfg-" + number, pin ? DialinType.PIN_DIALIN : DialinType.PINLESS_DIALIN,
                        number, pin ? null : "sip:" + number + "@sip.example", pin ? null : hmac(random),
                        pin ? null : "https://bots.example.com/" + i, "line-" + i, null, null, null, null, null));
            }
        }
        Domain domain = new Domain("ops", "dom-1", new DomainConfig(List.of(), List.of(), null));
        return new DailyLive(domain, numbers, configs, List.of(), List.of());
    }

    private static DailyInventory edit(DailyInventory exported, Random random) {
        List<DailyInventory.Number> numbers = new ArrayList<>();
        Set<String> releasing = new HashSet<>();
        for (DailyInventory.Number number : exported.numbers()) {
            switch (random.nextInt(6)) {
                case 0 -> { }
                case 1 -> numbers.add(new DailyInventory.Number(number.number(), "renamed", null));
                case 2 -> {
                    numbers.add(new DailyInventory.Number(number.number(), number.name(), true));
                    releasing.add(number.number());
                }
                case 3 -> numbers.add(new DailyInventory.Number(number.number(), number.name(), false));
                default -> numbers.add(number);
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            numbers.add(new DailyInventory.Number(String.format("+1628555%04d", random.nextInt(10_000)), null,
                    random.nextInt(4) == 0 ? Boolean.TRUE : null));
        }
        List<DailyInventory.Number> unique = numbers.stream()
                .filter(n -> numbers.stream().filter(o -> o.number().equals(n.number())).count() == 1).toList();
        List<DailyInventory.Dialin> configs = new ArrayList<>();
        for (DailyInventory.Dialin config : exported.dialinConfigs()) {
            if (releasing.contains(config.phoneNumber())) {
                continue;
            }
            switch (random.nextInt(5)) {
                case 0 -> { }
                case 1 -> configs.add(new DailyInventory.Dialin(config.type(), config.phoneNumber(), config.sipUri(),
                        "changed", config.roomCreationApi(), config.holdMusicUrl(), config.timeoutConfig(),
                        config.ivrGreeting(), config.hmac()));
                case 2 -> configs.add("pin".equals(config.type())
                        ? new DailyInventory.Dialin("pinless", config.phoneNumber(), null, config.namePrefix(),
                        "https://bots.example.com/new", null, null, null, null)
                        : new DailyInventory.Dialin("pin", config.phoneNumber(), null, config.namePrefix(), null, null,
                        null, JsonNodeFactory.instance.objectNode().put("message", "PIN?"), null));
                default -> configs.add(config);
            }
        }
        return new DailyInventory(unique, configs, exported.legacyDialin(), exported.verifiedCallerIds(),
                exported.webhooks());
    }

    private static Secret hmac(Random random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Secret.of(Base64.getEncoder().encodeToString(bytes));
    }
}
