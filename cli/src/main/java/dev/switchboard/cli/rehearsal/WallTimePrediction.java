package dev.switchboard.cli.rehearsal;

import dev.switchboard.core.http.RateBudget;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.emulator.server.RequestLogEntry;
import dev.switchboard.signalwire.SignalWireClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real run's wall time, predicted from the requests the rehearsal made with each key. Each key has its own
 * budget and the keys work side by side, so the run takes at least as long as its busiest key needs:
 * {@code max over keys of (counted requests ÷ rate)}, where the rate is {@code --max-rps} (when given) capped at
 * the provider's sustained limit: Daily 20/s (20 per second and 100 per 5 s), SignalWire 1,380/s (13,800 writes per
 * 10 s; reads are not limited, so only writes count there). Latency and the provider's own work come on top.
 */
record WallTimePrediction(List<KeyLoad> loads, double maxRps, Duration predicted, String boundBy) {
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** One key's share of the rehearsal: all requests, the writes, and those the rate limit counts. */
    record KeyLoad(String account, long requests, long writes, long counted, double rate) {
        Duration floor() {
            return Duration.ofNanos(Math.round(counted / rate * 1e9));
        }
    }

    /**
     * @param maxRps the command's {@code --max-rps}; 0 or less means the provider's limit
     */
    static WallTimePrediction of(List<RequestLogEntry> requests, List<FakeCredential> credentials, double maxRps) {
        Map<String, FakeCredential> byFingerprint = new LinkedHashMap<>();
        credentials.forEach(c -> byFingerprint.putIfAbsent(c.fingerprint(), c));
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (RequestLogEntry entry : requests) {
            FakeCredential credential = byFingerprint.get(entry.keyFingerprint());
            if (credential == null) {
                continue;
            }
            long[] tally = counts.computeIfAbsent(credential.account(), k -> new long[3]);
            boolean write = WRITE_METHODS.contains(entry.method());
            boolean signalwire = credential.variable().equals(Accounts.SIGNALWIRE_TOKEN);
            tally[0]++;
            tally[1] += write ? 1 : 0;
            tally[2] += !signalwire || (write && !entry.method().equals("DELETE")) ? 1 : 0;
        }
        List<KeyLoad> loads = new ArrayList<>();
        counts.forEach((account, tally) -> loads.add(new KeyLoad(account, tally[0], tally[1], tally[2],
                rate(account.startsWith("SignalWire"), maxRps))));
        KeyLoad busiest = loads.stream().max(java.util.Comparator.comparing(KeyLoad::floor)).orElse(null);
        return new WallTimePrediction(List.copyOf(loads), maxRps, busiest == null ? Duration.ZERO : busiest.floor(),
                busiest == null ? null : busiest.account());
    }

    private static double rate(boolean signalwire, double maxRps) {
        double limit = new RateBudget(signalwire ? SignalWireClient.SIGNALWIRE_LIMITS : DailyClient.DAILY_LIMITS)
                .sustainedRate();
        return maxRps > 0 ? Math.min(maxRps, limit) : limit;
    }
}
