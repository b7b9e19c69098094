package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.PurchasedNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The safety invariants of a migration between two domains, checked against a snapshot taken before it.
 * After any run that ends in success or rollback:
 * <ul>
 *   <li>every number owned before is owned by exactly one of the two domains, and no number appears;</li>
 *   <li>every number that was routed by a config on its owner is routed on the domain that owns it now, by
 *       a config of the same type with the same hmac;</li>
 *   <li>no config is duplicated: a number has no more configs than before on the domain that owns it, and
 *       none on the other domain beyond orphans that were already there;</li>
 *   <li>every SIP-only config (known by its hmac) exists as many times as before, and no config appears
 *       for a number or hmac that had none.</li>
 * </ul>
 * Runs that leave entries half-way (left, unresolved, rollback failed) are expected to break these.
 * Used by tests (and the fault and crash campaigns) around any apply or rollback.
 */
public final class MigrationAudit {
    /** Both domains as they were before the run. */
    public record Baseline(DomainInventory source, DomainInventory target) {
    }

    private MigrationAudit() {
    }

    public static Baseline capture(DailyClient source, DailyClient target) {
        return new Baseline(DomainInventory.read(source), DomainInventory.read(target));
    }

    /** Reads both domains now and lists every broken invariant (empty: all hold). */
    public static List<String> check(Baseline before, DailyClient source, DailyClient target) {
        return check(before, DomainInventory.read(source), DomainInventory.read(target));
    }

    public static List<String> check(Baseline before, DomainInventory sourceAfter, DomainInventory targetAfter) {
        List<DomainInventory> was = List.of(before.source(), before.target());
        List<DomainInventory> now = List.of(sourceAfter, targetAfter);
        List<String> violations = new ArrayList<>();
        checkNumbers(was, now, violations);
        Set<String> numbers = new LinkedHashSet<>();
        for (DomainInventory domain : was) {
            domain.configs().forEach(c -> addIfNumber(numbers, c));
        }
        for (DomainInventory domain : now) {
            domain.configs().forEach(c -> addIfNumber(numbers, c));
        }
        numbers.forEach(number -> checkNumberConfigs(number, was, now, violations));
        checkSipOnly(was, now, violations);
        return violations;
    }

    private static void addIfNumber(Set<String> numbers, ObservedConfig config) {
        if (config.phoneNumber() != null) {
            numbers.add(config.phoneNumber());
        }
    }

    private static void checkNumbers(List<DomainInventory> was, List<DomainInventory> now, List<String> violations) {
        Set<String> before = new LinkedHashSet<>();
        was.forEach(domain -> domain.numbers().forEach(n -> before.add(n.number())));
        for (String number : before) {
            long owners = now.stream().filter(domain -> domain.owns(number)).count();
            if (owners != 1) {
                violations.add(number + ": owned by " + owners + " of the two domains after the run (expected 1)");
            }
        }
        now.forEach(domain -> domain.numbers().stream().map(PurchasedNumber::number)
                .filter(number -> !before.contains(number))
                .forEach(number -> violations.add(number + ": appeared on " + domain.domain().name())));
    }

    private static void checkNumberConfigs(String number, List<DomainInventory> was, List<DomainInventory> now,
                                           List<String> violations) {
        int ownerBefore = owner(was, number);
        int ownerAfter = owner(now, number);
        int totalBefore = was.get(0).configsFor(number).size() + was.get(1).configsFor(number).size();
        if (totalBefore == 0) {
            violations.add(number + ": a config appeared where there was none");
            return;
        }
        if (ownerBefore >= 0 && ownerAfter >= 0) {
            Optional<ObservedConfig> routed = was.get(ownerBefore).effectiveConfig(number);
            if (routed.isPresent()) {
                Optional<ObservedConfig> nowRouted = now.get(ownerAfter).effectiveConfig(number);
                if (nowRouted.isEmpty()) {
                    violations.add(number + ": its config is missing from " + now.get(ownerAfter).domain().name()
                            + ", which owns the number");
                } else if (nowRouted.get().config().type() != routed.get().config().type()
                        || !routed.get().config().sameHmac(nowRouted.get().config().hmac())) {
                    violations.add(number + ": the config on " + now.get(ownerAfter).domain().name()
                            + " has a different type or hmac than before");
                }
            }
        }
        for (int side = 0; side < 2; side++) {
            int after = now.get(side).configsFor(number).size();
            int allowed = side == ownerAfter
                    ? Math.max(1, side == ownerBefore ? was.get(side).configsFor(number).size() : 1)
                    : side == ownerBefore ? 0 : was.get(side).configsFor(number).size();
            if (after > allowed) {
                violations.add(number + ": " + after + " config(s) on " + now.get(side).domain().name()
                        + " after the run, at most " + allowed + " expected");
            }
        }
        int totalAfter = now.get(0).configsFor(number).size() + now.get(1).configsFor(number).size();
        if (totalAfter > totalBefore) {
            violations.add(number + ": " + totalAfter + " configs after the run, " + totalBefore + " before");
        }
    }

    private static int owner(List<DomainInventory> domains, String number) {
        for (int side = 0; side < domains.size(); side++) {
            if (domains.get(side).owns(number)) {
                return side;
            }
        }
        return -1;
    }

    private static void checkSipOnly(List<DomainInventory> was, List<DomainInventory> now, List<String> violations) {
        Map<String, Integer> before = sipOnlyCounts(was);
        Map<String, Integer> after = sipOnlyCounts(now);
        before.forEach((hmac, count) -> {
            int found = after.getOrDefault(hmac, 0);
            if (found != count) {
                violations.add("SIP-only config with hmac " + hmac + ": " + found + " after the run, " + count
                        + " before");
            }
        });
        after.keySet().stream().filter(hmac -> !before.containsKey(hmac))
                .forEach(hmac -> violations.add("SIP-only config with hmac " + hmac + " appeared"));
    }

    /** SIP-only configs counted per (type, hmac fingerprint); the fingerprint keeps the secret out of messages. */
    private static Map<String, Integer> sipOnlyCounts(List<DomainInventory> domains) {
        Map<String, Integer> counts = new HashMap<>();
        for (DomainInventory domain : domains) {
            for (ObservedConfig config : domain.sipOnlyConfigs()) {
                String hmac = config.config().hmac() == null ? "none" : config.config().hmac().fingerprint();
                counts.merge(config.config().type().wireName() + "/" + hmac, 1, Integer::sum);
            }
        }
        return counts;
    }
}
