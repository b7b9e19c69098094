package dev.switchboard.signalwire.inventory;

import dev.switchboard.core.inventory.ProviderPlan;
import dev.switchboard.signalwire.CallHandling;
import dev.switchboard.signalwire.MessageHandling;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.NumberGroupMembership;
import dev.switchboard.signalwire.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No SignalWire plan releases a number unless the file marks it {@code release: true} AND the run allows it,
 * and none buys a number the project has, whatever else changes (handlers, names, groups, numbers dropped).
 * Seeds printed; {@code -Dinventory.release.seed=N} replaces the first.
 */
class SignalWireReleaseSafetyPropertyTest {

    static Stream<Long> seeds() {
        long first = Long.getLong("inventory.release.seed", 14_000L);
        return LongStream.range(0, 10).mapToObj(i -> first + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void releasesOnlyWhatTheFileMarksAndTheFlagAllows(long seed) {
        System.out.println("signalwire inventory release-safety seed " + seed);
        Random random = new Random(seed);
        for (int c = 0; c < 40; c++) {
            SignalWireLive live = randomLive(random);
            SignalWireInventory exported = SignalWireExport.export(live);
            assertThat(new SignalWirePlanner(true).plan(exported, live).actions()).as("seed %d case %d", seed, c).isEmpty();
            SignalWireInventory edited = edit(exported, random);
            boolean allowRelease = random.nextBoolean();
            ProviderPlan<SignalWireAction> plan = new SignalWirePlanner(allowRelease).plan(edited, live);
            Set<String> liveNumbers = new HashSet<>();
            live.numbers().forEach(n -> liveNumbers.add(n.number()));
            Set<String> marked = new HashSet<>();
            Set<String> toBuy = new HashSet<>();
            edited.numbers().forEach(n -> {
                if (n.releaseRequested() && liveNumbers.contains(n.number())) {
                    marked.add(n.number());
                } else if (!n.releaseRequested() && !liveNumbers.contains(n.number())) {
                    toBuy.add(n.number());
                }
            });
            Set<String> released = new HashSet<>();
            Set<String> bought = new HashSet<>();
            for (SignalWireAction action : plan.actions()) {
                if (action instanceof SignalWireAction.ReleaseNumber release) {
                    released.add(release.number());
                } else if (action instanceof SignalWireAction.BuyNumber buy) {
                    bought.add(buy.number());
                } else {
                    assertThat(action.releasesNumber()).isFalse();
                }
            }
            String why = "seed " + seed + " case " + c + " allowRelease " + allowRelease;
            assertThat(released).as(why).isEqualTo(allowRelease ? marked : Set.of());
            assertThat(bought).as(why).isEqualTo(toBuy);
        }
    }

    private static SignalWireLive randomLive(Random random) {
        List<PhoneNumber> numbers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0, count = 1 + random.nextInt(8); i < count; i++) {
            String number = String.format("+1503555%04d", random.nextInt(10_000));
            if (seen.add(number)) {
                numbers.add(number(number, random.nextBoolean() ? "Line " + i : null,
                        random.nextBoolean() ? "https://example.com/voice/" + i : null));
            }
        }
        Map<NumberGroup, List<NumberGroupMembership>> groups = new LinkedHashMap<>();
        NumberGroup group = new NumberGroup("g-1", "Pool", random.nextBoolean(), 0);
        List<NumberGroupMembership> members = new ArrayList<>();
        for (PhoneNumber n : numbers) {
            if (random.nextBoolean()) {
                members.add(new NumberGroupMembership("m-" + n.number(), "g-1", n.id(), n.number(), null, List.of()));
            }
        }
        groups.put(group, members);
        return new SignalWireLive(numbers, groups, List.of(), List.of());
    }

    private static PhoneNumber number(String number, String name, String url) {
        CallHandling call = new CallHandling("laml_webhooks", null, "voice", url, url == null ? null : "POST", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        MessageHandling message = new MessageHandling("laml_webhooks", null, null, null, null, null, null, null, null);
        return new PhoneNumber("id-" + number, name, number, List.of("voice", "sms"), "longcode", null, null, null,
                null, null, call, message, "US");
    }

    private static SignalWireInventory edit(SignalWireInventory exported, Random random) {
        List<SignalWireInventory.Number> numbers = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (SignalWireInventory.Number n : exported.numbers()) {
            switch (random.nextInt(6)) {
                case 0 -> { }
                case 1 -> numbers.add(new SignalWireInventory.Number(n.number(), "renamed", n.call(), n.message(),
                        n.e911Address(), null));
                case 2 -> numbers.add(new SignalWireInventory.Number(n.number(), n.name(), Map.of("request_url",
                        "https://changed.example.com/voice"), n.message(), n.e911Address(), null));
                case 3 -> numbers.add(new SignalWireInventory.Number(n.number(), n.name(), n.call(), n.message(),
                        n.e911Address(), true));
                default -> numbers.add(n);
            }
            if (!numbers.isEmpty() && numbers.get(numbers.size() - 1).number().equals(n.number())
                    && !numbers.get(numbers.size() - 1).releaseRequested()) {
                kept.add(n.number());
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String extra = String.format("+1971555%04d", random.nextInt(10_000));
            if (numbers.stream().noneMatch(n -> n.number().equals(extra))) {
                numbers.add(new SignalWireInventory.Number(extra, null, null, null, null,
                        random.nextInt(4) == 0 ? Boolean.TRUE : null));
            }
        }
        List<SignalWireInventory.Group> groups = exported.groups().stream().map(g -> new SignalWireInventory.Group(
                g.name(), random.nextBoolean(), g.numbers().stream().filter(kept::contains).toList())).toList();
        return new SignalWireInventory(numbers, groups, exported.addresses(), exported.verifiedCallerIds());
    }
}
