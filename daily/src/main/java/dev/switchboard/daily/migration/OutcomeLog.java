package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.core.io.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code transfer_success.json} and {@code transfer_failures.json}, rewritten atomically (owner-only:
 * a failure keeps the full config, hmac included, so it can be re-created by hand). The failure file is
 * rewritten as soon as an entry joins or leaves it; the success file at most once per
 * {@link #SUCCESS_INTERVAL} while a run goes on, and by {@link #flush()} at its end (rewriting a file of
 * every success after each entry would cost O(n²) at 10,000 entries; the journal, not this file, is what
 * resume reads, and the next run rewrites the file from it). Thread-safe: entries finishing at once are
 * written one after the other. Schemas: docs/output.md.
 */
final class OutcomeLog {
    /** How often the success file is rewritten at most while a run goes on. */
    static final Duration SUCCESS_INTERVAL = Duration.ofSeconds(1);

    private final Path successFile;
    private final Path failureFile;
    private final Ticker ticker;
    private final Map<String, ObjectNode> successes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> failures = new LinkedHashMap<>();
    private long successesWrittenAt;
    private boolean successesDirty;

    /** Either path may be null (that file is not written). */
    OutcomeLog(Path successFile, Path failureFile) {
        this(successFile, failureFile, Ticker.system());
    }

    OutcomeLog(Path successFile, Path failureFile, Ticker ticker) {
        this.successFile = successFile;
        this.failureFile = failureFile;
        this.ticker = ticker;
        this.successesWrittenAt = ticker.nanos();
    }

    /**
     * Records one entry's result (replacing an earlier one for the same entry); rewrites the failure file
     * when it changed, and the success file when it is due.
     */
    synchronized void record(EntryResult result) {
        if (remember(result)) {
            write(failureFile, failures);
        }
        long now = ticker.nanos();
        if (successesDirty && now - successesWrittenAt >= SUCCESS_INTERVAL.toNanos()) {
            writeSuccesses(now);
        }
    }

    /**
     * Records a result without writing the files yet (for seeding from the journal).
     *
     * @return whether the failure rows changed
     */
    synchronized boolean remember(EntryResult result) {
        String key = result.key();
        if (result.status() == EntryStatus.MIGRATED) {
            successes.put(key, success(result));
            successesDirty = true;
            return failures.remove(key) != null;
        }
        if (result.status() != EntryStatus.PENDING) {
            failures.put(key, failure(result));
            successesDirty |= successes.remove(key) != null;
            return true;
        }
        return false;
    }

    synchronized void flush() {
        writeSuccesses(ticker.nanos());
        write(failureFile, failures);
    }

    private void writeSuccesses(long now) {
        write(successFile, successes);
        successesWrittenAt = now;
        successesDirty = false;
    }

    private static void write(Path file, Map<String, ObjectNode> rows) {
        if (file == null) {
            return;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        rows.values().forEach(array::add);
        try {
            SecureFiles.writeJson(file, array, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode success(EntryResult r) {
        PlanEntry entry = r.entry();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", entry.key());
        node.put("phone_number", entry.number());
        node.put("sip_only", entry.isSipOnly());
        node.put("source_phone_id", entry.sourcePhoneId());
        node.put("new_phone_id", r.newPhoneId());
        node.put("src_type", entry.srcType() == null ? null : entry.srcType().wireName());
        node.put("source_config_id", entry.configId());
        node.put("target_config_id", r.targetConfigId());
        node.put("source_sip_uri", entry.config() == null ? null : entry.config().sipUri());
        node.put("target_sip_uri", r.targetSipUri());
        node.put("completed_at", r.at() == null ? null : r.at().toString());
        node.put("earlier_run", r.fromEarlierRun());
        return node;
    }

    static ObjectNode failure(EntryResult r) {
        PlanEntry entry = r.entry();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", entry.key());
        node.put("phone_number", entry.number());
        node.put("status", r.status().wireName());
        node.put("step", r.step());
        node.put("error", r.message());
        node.put("number_on", numberLocation(r));
        node.put("source_phone_id", entry.sourcePhoneId());
        node.put("new_phone_id", r.newPhoneId());
        node.put("restored_phone_id", r.restoredPhoneId());
        node.put("target_config_id", r.targetConfigId());
        node.put("src_type", entry.srcType() == null ? null : entry.srcType().wireName());
        node.put("config_id", entry.configId());
        node.set("config_data", entry.config() == null ? null : entry.config().toJson());
        ArrayNode duplicates = node.putArray("legacy_duplicates");
        entry.legacyDuplicates().forEach(config -> duplicates.add(config.toJson()));
        node.put("at", r.at() == null ? null : r.at().toString());
        return node;
    }

    /** Where the number is, as far as the journal knows: source, target, or unknown. */
    private static String numberLocation(EntryResult r) {
        if (r.entry().isSipOnly()) {
            return null;
        }
        return switch (r.status()) {
            case FAILED, ROLLED_BACK, PENDING -> "source";
            case LEFT -> "target";
            case MIGRATED -> "target";
            default -> r.restoredPhoneId() != null ? "source" : r.newPhoneId() != null ? "target" : "unknown";
        };
    }
}
