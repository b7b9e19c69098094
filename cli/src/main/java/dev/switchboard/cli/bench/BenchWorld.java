package dev.switchboard.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RateLimits;
import dev.switchboard.emulator.server.RequestLog;
import dev.switchboard.emulator.server.RequestLogEntry;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * One benchmark scenario: an embedded emulator whose source domain holds {@code numbers} purchased numbers,
 * each with a modern pinless dial-in config (seeded hmacs and names), and an empty target domain; with or
 * without Daily's rate limits enforced. Clients get a fresh rate budget per key, so no run inherits
 * another's pacing.
 */
final class BenchWorld implements AutoCloseable {
    static final String SOURCE_KEY = "bench-source-key";
    static final String TARGET_KEY = "bench-target-key";
    /** Area codes the numbers are spread over: 10,000 numbers per code (+1 AAA 555 NNNN). */
    private static final int[] AREA_CODES = {415, 212, 312, 617, 206, 303, 512, 602};
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final Emulator emulator;
    private final String sourceKey;
    private final String targetKey;

    private BenchWorld(Emulator emulator, String sourceKey, String targetKey) {
        this.emulator = emulator;
        this.sourceKey = sourceKey;
        this.targetKey = targetKey;
    }

    /** @param rateLimited whether the emulator enforces Daily's documented limits (20/s, 100/5 s per key) */
    static BenchWorld start(int numbers, long seed, boolean rateLimited) throws IOException {
        return start(state(numbers, seed), SOURCE_KEY, TARGET_KEY, seed, rateLimited);
    }

    /** An emulator with the given state document, whose source and target domains have these keys. */
    static BenchWorld start(String stateJson, String sourceKey, String targetKey, long seed, boolean rateLimited)
            throws IOException {
        var builder = Emulator.builder().seed(seed).clock(NOW).stateJson(stateJson);
        builder = rateLimited ? builder.rateLimits(RateLimits.dailyDefaults()) : builder.disableRateLimits();
        return new BenchWorld(builder.start(), sourceKey, targetKey);
    }

    String sourceKey() {
        return sourceKey;
    }

    String targetKey() {
        return targetKey;
    }

    URI baseUri() {
        return emulator.dailyBaseUri();
    }

    /** Clients for both domains with their own budgets, capped at {@code maxRps} per key (0: unlimited). */
    MigrationClients clients(int maxRps) {
        return clients(baseUri(), maxRps, sourceKey, targetKey);
    }

    static MigrationClients clients(URI baseUri, int maxRps) {
        return clients(baseUri, maxRps, SOURCE_KEY, TARGET_KEY);
    }

    private static MigrationClients clients(URI baseUri, int maxRps, String sourceKey, String targetKey) {
        RateBudgetRegistry budgets = new RateBudgetRegistry(Ticker.system(), Sleeper.system());
        Secret source = Secret.of(sourceKey);
        Secret target = Secret.of(targetKey);
        if (maxRps <= 0) {
            budgets.budgetFor("daily", source.fingerprint(), dev.switchboard.core.http.RateLimits.unlimited());
            budgets.budgetFor("daily", target.fingerprint(), dev.switchboard.core.http.RateLimits.unlimited());
        }
        DailyClientOptions options = DailyClientOptions.defaults().withRateBudgets(budgets)
                .withRetryPolicy(RetryPolicy.defaults()).withMaxRequestsPerSecond(Math.max(0, maxRps));
        return new MigrationClients(new DailyClient(baseUri, source, options), source,
                new DailyClient(baseUri, target, options), target);
    }

    /** Forgets the requests the emulator's rate limiter has counted so far (e.g. those of the planning). */
    void restartRateCounting() {
        emulator.admin().setRateLimits(emulator.admin().rateLimits());
    }

    long lastRequestSeq() {
        List<RequestLogEntry> log = emulator.admin().requests();
        return log.isEmpty() ? 0 : log.get(log.size() - 1).seq();
    }

    /**
     * The requests after {@code seq}, counted per key. The emulator logs a request just after answering it,
     * so the log is read once it has stopped growing.
     */
    RequestTally tallySince(long seq) throws InterruptedException {
        return RequestTally.of(requestsSince(seq), RequestLog.fingerprint(sourceKey), RequestLog.fingerprint(targetKey));
    }

    /** The requests logged after {@code seq}, once the log has stopped growing (see {@link #tallySince}). */
    List<RequestLogEntry> requestsSince(long seq) throws InterruptedException {
        long size = -1;
        while (size != emulator.admin().requests().size()) {
            size = emulator.admin().requests().size();
            Thread.sleep(50);
        }
        return emulator.admin().requests().stream().filter(e -> e.seq() > seq).toList();
    }

    /** E.164 number {@code i} of the scenario. */
    static String number(int i) {
        int area = AREA_CODES[i / 10_000];
        return String.format("+1%d555%04d", area, i % 10_000);
    }

    static int maxNumbers() {
        return AREA_CODES.length * 10_000;
    }

    private static String state(int count, long seed) {
        if (count > maxNumbers()) {
            throw new IllegalArgumentException("at most " + maxNumbers() + " numbers");
        }
        Random random = new Random(seed);
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode().put("clock", NOW.toString());
        ArrayNode domains = root.putObject("daily").putArray("domains");
        ObjectNode source = domains.addObject().put("domain_name", "bench-source")
                .put("domain_id", "5a1e0000-0000-4000-8000-000000000001");
        source.putArray("api_keys").add(SOURCE_KEY);
        ArrayNode numbers = source.putArray("phone_numbers");
        ArrayNode configs = source.putArray("dialin_configs");
        byte[] hmac = new byte[24];
        for (int i = 0; i < count; i++) {
            String number = number(i);
            numbers.addObject().put("number", number).put("name", "Agent line " + i);
            random.nextBytes(hmac);
            ObjectNode config = json.objectNode().put("phone_number", number).put("name_prefix", "agent-" + i)
                    .put("room_creation_api", "https://bots.bench.example/dialin/" + i)
                    .put("hmac", Base64.getEncoder().encodeToString(hmac));
            configs.addObject().put("type", "pinless_dialin").set("config", config);
        }
        ObjectNode target = domains.addObject().put("domain_name", "bench-target")
                .put("domain_id", "5a1e0000-0000-4000-8000-000000000002");
        target.putArray("api_keys").add(TARGET_KEY);
        return root.toString();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
