package dev.switchboard.emulator.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The active fault rules, in order. For each request the first rule that matches and fires wins; a count rule
 * is used up one match at a time and then removed. Probabilities are drawn from a seeded RNG, so the same
 * request sequence against the same seed gets the same faults.
 */
public final class FaultInjector {
    private final long seed;
    private final List<ActiveRule> rules = new ArrayList<>();
    private Random random;
    private long nextId = 1;

    /** An active rule with the id that {@link #remove(long)} takes; a count rule shows its remaining count. */
    public record NumberedRule(long id, FaultRule rule) {
    }

    private static final class ActiveRule {
        final long id;
        final FaultRule rule;
        final Pattern path;
        int remaining;

        ActiveRule(long id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
            this.path = rule.pathRegex();
            this.remaining = rule.count() == null ? -1 : rule.count();
        }

        boolean matches(String method, String requestPath, String credential) {
            return ("*".equals(rule.method()) || rule.method().equals(method))
                    && ("*".equals(rule.pathPattern()) || path.matcher(requestPath).matches())
                    && (rule.apiKey() == null || rule.apiKey().equals(credential));
        }
    }

    public FaultInjector(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public synchronized void add(FaultRule rule) {
        rules.add(new ActiveRule(nextId++, rule));
    }

    /** Removes one rule by its id; false when no active rule has it (e.g. a count rule already used up). */
    public synchronized boolean remove(long id) {
        return rules.removeIf(active -> active.id == id);
    }

    /** Removes every rule and re-seeds the RNG. */
    public synchronized void clear() {
        rules.clear();
        random = new Random(seed);
    }

    /** The rules still active; a count rule shows its remaining count. */
    public synchronized List<FaultRule> rules() {
        return numberedRules().stream().map(NumberedRule::rule).toList();
    }

    /** The rules still active with their ids, in order. */
    public synchronized List<NumberedRule> numberedRules() {
        List<NumberedRule> result = new ArrayList<>();
        for (ActiveRule active : rules) {
            FaultRule r = active.rule;
            result.add(new NumberedRule(active.id, active.remaining < 0 ? r : new FaultRule(r.method(),
                    r.pathPattern(), r.apiKey(), r.kind(), null, active.remaining, r.status(), r.millis())));
        }
        return result;
    }

    /** Decides the fault for one request, consuming a count or a random draw as rules are tried. */
    public synchronized Optional<FaultRule> decide(String method, String path, String credential) {
        for (Iterator<ActiveRule> it = rules.iterator(); it.hasNext(); ) {
            ActiveRule active = it.next();
            if (!active.matches(method, path, credential)) {
                continue;
            }
            if (active.remaining > 0) {
                if (--active.remaining == 0) {
                    it.remove();
                }
                return Optional.of(active.rule);
            }
            if (random.nextDouble() < active.rule.probability()) {
                return Optional.of(active.rule);
            }
        }
        return Optional.empty();
    }
}
