package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.emulator.server.RequestLogEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaigns' invariants, each violation as one line naming its entry:
 * <ul>
 *   <li>every entry is migrated (the number on the target with its config) or restored (on the source with its
 *       config), never both, never neither, and its status says which;</li>
 *   <li>no number is transferred twice: per number, at most one applied forward transfer and one applied
 *       transfer back, and exactly as many as its status implies (an applied-lost fault counts as applied);</li>
 *   <li>every config exists exactly once with its original hmac ({@link MigrationAudit});</li>
 *   <li>every entry of a run that did not end migrated is in {@code transfer_failures.json} with its full
 *       config, hmac included, and every migrated one is in {@code transfer_success.json}.</li>
 * </ul>
 */
final class CampaignChecks {
    private static final String TRANSFER_PATH = "/v1/transfer-phone-number/";

    private CampaignChecks() {
    }

    /** Where every entry ended up; call once no entry is in between (all migrated, rolled back or failed). */
    static List<String> placement(TransferPlan plan, List<EntryResult> statuses, DailyClient sourceClient,
                                  DailyClient targetClient) {
        DomainInventory source = DomainInventory.read(sourceClient);
        DomainInventory target = DomainInventory.read(targetClient);
        List<String> problems = new ArrayList<>();
        for (EntryResult result : statuses) {
            PlanEntry entry = result.entry();
            boolean migrated = result.status() == EntryStatus.MIGRATED;
            if (!migrated && result.status() != EntryStatus.ROLLED_BACK && result.status() != EntryStatus.FAILED) {
                problems.add(entry.key() + ": ended " + result.status().wireName() + ", neither migrated nor restored");
                continue;
            }
            DomainInventory owner = migrated ? target : source;
            DomainInventory other = migrated ? source : target;
            String where = migrated ? "migrated" : "restored";
            if (entry.isSipOnly()) {
                int here = owner.sipOnlyMatching(entry.config()).size();
                int there = other.sipOnlyMatching(entry.config()).size();
                if (here != 1 || there != 0) {
                    problems.add(entry.key() + " (" + where + "): SIP-only config found " + here + " time(s) on "
                            + owner.domain().name() + " and " + there + " on " + other.domain().name());
                }
                continue;
            }
            String number = entry.number();
            if (!owner.owns(number) || other.owns(number)) {
                problems.add(number + " (" + where + "): owned by source=" + source.owns(number) + " target="
                        + target.owns(number));
            }
            if (!other.configsFor(number).isEmpty()) {
                problems.add(number + " (" + where + "): " + other.configsFor(number).size() + " config(s) left on "
                        + other.domain().name());
            }
            if (entry.hasConfig()) {
                ObservedConfig routed = owner.effectiveConfig(number).orElse(null);
                if (routed == null || routed.config().type() != entry.config().type()
                        || !entry.config().sameHmac(routed.config().hmac())) {
                    problems.add(number + " (" + where + "): no " + entry.config().type().wireName()
                            + " config with the planned hmac on " + owner.domain().name());
                }
                if (migrated && owner.configsFor(number).size() != 1) {
                    problems.add(number + " (migrated): " + owner.configsFor(number).size() + " configs on the target");
                }
            } else if (!owner.configsFor(number).isEmpty()) {
                problems.add(number + " (" + where + "): a config appeared for a number that had none");
            }
        }
        return problems;
    }

    /**
     * Applied transfers per number from the emulator's request log. Ids are mapped to numbers through the
     * plan (forward transfers) and the journal's new ids (transfers back); a transfer of any other id is a
     * violation in itself.
     */
    static List<String> transfers(List<EntryResult> statuses, List<RequestLogEntry> log) {
        Map<String, String> forwardIds = new HashMap<>();
        Map<String, String> backIds = new HashMap<>();
        for (EntryResult result : statuses) {
            if (!result.entry().isSipOnly()) {
                forwardIds.put(result.entry().sourcePhoneId(), result.entry().number());
                if (result.newPhoneId() != null) {
                    backIds.put(result.newPhoneId(), result.entry().number());
                }
            }
        }
        Map<String, Integer> forward = new HashMap<>();
        Map<String, Integer> back = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RequestLogEntry request : log) {
            if (!request.method().equals("POST") || !request.path().startsWith(TRANSFER_PATH) || !applied(request)) {
                continue;
            }
            String id = request.path().substring(TRANSFER_PATH.length());
            if (forwardIds.containsKey(id)) {
                forward.merge(forwardIds.get(id), 1, Integer::sum);
            } else if (backIds.containsKey(id)) {
                back.merge(backIds.get(id), 1, Integer::sum);
            } else {
                problems.add("an applied transfer of id " + id + " that no entry's journal knows");
            }
        }
        for (EntryResult result : statuses) {
            if (result.entry().isSipOnly()) {
                continue;
            }
            String number = result.entry().number();
            int there = forward.getOrDefault(number, 0);
            int returned = back.getOrDefault(number, 0);
            boolean ok = switch (result.status()) {
                case MIGRATED -> there == 1 && returned == 0;
                case ROLLED_BACK, FAILED -> there == returned && there <= 1;
                default -> there <= 1 && returned <= 1;
            };
            if (!ok) {
                problems.add(number + " (" + result.status().wireName() + "): transferred " + there
                        + " time(s) to the target and " + returned + " time(s) back");
            }
        }
        return problems;
    }

    /** Whether the emulator applied a logged request: a 2xx, or a fault that applies before failing the answer. */
    static boolean applied(RequestLogEntry request) {
        return (request.status() >= 200 && request.status() < 300 && request.fault() == null)
                || "applied-lost-5xx".equals(request.fault()) || "applied-lost-reset".equals(request.fault())
                || "latency".equals(request.fault());
    }

    /**
     * The outcome files against one run's results (docs/output.md): every entry of this run that did not end
     * migrated is in the failure file with its status and its full config (hmac included) as planned; every
     * migrated entry, this run's or an earlier one's, is in the success file and not in the failure file.
     * Entries finished by an earlier run without migrating (rolled back) belong to that run's failure file.
     */
    static List<String> outcomeFiles(List<EntryResult> runResults, Path dir) throws IOException {
        Map<String, JsonNode> failures = byKey(dir.resolve("transfer_failures.json"));
        Map<String, JsonNode> successes = byKey(dir.resolve("transfer_success.json"));
        List<String> problems = new ArrayList<>();
        for (EntryResult result : runResults) {
            String key = result.key();
            if (result.status() == EntryStatus.MIGRATED) {
                if (!successes.containsKey(key) || failures.containsKey(key)) {
                    problems.add(key + " (migrated): in success file " + successes.containsKey(key)
                            + ", in failure file " + failures.containsKey(key));
                }
                continue;
            }
            if (result.status() == EntryStatus.PENDING || result.fromEarlierRun()) {
                continue;
            }
            JsonNode row = failures.get(key);
            if (row == null) {
                problems.add(key + " (" + result.status().wireName() + "): missing from transfer_failures.json");
                continue;
            }
            if (!result.status().wireName().equals(row.path("status").asText())) {
                problems.add(key + ": transfer_failures.json says " + row.path("status").asText() + ", the run "
                        + result.status().wireName());
            }
            JsonNode planned = result.entry().config() == null ? null : result.entry().config().toJson();
            JsonNode written = row.get("config_data");
            if (planned == null ? written != null && !written.isNull() : !planned.equals(written)) {
                problems.add(key + ": transfer_failures.json does not hold the full planned config");
            }
            if (planned != null && planned.has("hmac") && !planned.get("hmac").equals(written.get("hmac"))) {
                problems.add(key + ": transfer_failures.json lacks the config's hmac");
            }
            if (row.path("legacy_duplicates").size() != result.entry().legacyDuplicates().size()) {
                problems.add(key + ": transfer_failures.json lacks the legacy duplicates");
            }
        }
        return problems;
    }

    private static Map<String, JsonNode> byKey(Path file) throws IOException {
        Map<String, JsonNode> rows = new HashMap<>();
        if (Files.exists(file)) {
            Json.mapper().readTree(file.toFile()).forEach(row -> rows.put(row.path("key").asText(), row));
        }
        return rows;
    }
}
