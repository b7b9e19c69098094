package dev.switchboard.daily.migration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.io.InputFiles;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code transfer_plan.json}. Writing is atomic and owner-only (the plan holds hmac
 * secrets). Reading accepts this tool's format and the bare format of Daily's original utility, and
 * checks every entry without contacting Daily; all problems are collected and thrown together as an
 * {@link InvalidPlanException}, each naming its entry.
 */
public final class PlanCodec {
    private static final java.util.regex.Pattern DUPLICATE_FIELD = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    private static final java.util.Set<String> PLAN_FIELDS = java.util.Set.of("format", "created_at", "source", "target",
            "entries");

    private PlanCodec() {
    }

    /**
     * Fields of {@code plan} this version does not know: kept in the plan (written back by {@link #toJson}),
     * never sent to Daily. A field in {@code config_data} that Daily may know (e.g. a newer setting) does not
     * reach the target, so callers show these as warnings.
     */
    public static List<PlanProblem> unknownFields(TransferPlan plan) {
        List<PlanProblem> found = new ArrayList<>();
        plan.extra().fieldNames().forEachRemaining(name -> found.add(new PlanProblem(PlanProblem.WHOLE_PLAN,
                "unknown field '" + name + "' kept in the plan, not used")));
        plan.entries().forEach((key, entry) -> {
            entry.extra().fieldNames().forEachRemaining(name -> found.add(new PlanProblem(key,
                    "unknown field '" + name + "' kept in the plan, not used")));
            if (entry.config() != null) {
                entry.config().extra().fieldNames().forEachRemaining(name -> found.add(new PlanProblem(key,
                        "config_data." + name + " is not a dial-in config field this version sends; kept in the plan, "
                                + "not created on the target")));
            }
        });
        return found;
    }

    public static void write(Path file, TransferPlan plan) throws IOException {
        SecureFiles.writeJson(file, toJson(plan), true);
    }

    public static ObjectNode toJson(TransferPlan plan) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", TransferPlan.FORMAT);
        root.put("created_at", plan.createdAt() == null ? null : plan.createdAt().toString());
        root.set("source", domain(plan.source()));
        root.set("target", domain(plan.target()));
        ObjectNode entries = root.putObject("entries");
        plan.entries().forEach((key, entry) -> entries.set(key, entry(entry)));
        plan.extra().properties().forEach(field -> root.putIfAbsent(field.getKey(), field.getValue()));
        return root;
    }

    private static JsonNode domain(DomainRef ref) {
        if (ref == null) {
            return Json.mapper().nullNode();
        }
        return Json.mapper().createObjectNode().put("domain_name", ref.name()).put("domain_id", ref.id());
    }

    /** One entry as the plan file holds it (hmacs included). */
    static ObjectNode entry(PlanEntry entry) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("source_phone_id", entry.sourcePhoneId());
        node.put("src_type", entry.srcType() == null ? null : entry.srcType().wireName());
        node.put("config_id", entry.configId());
        node.set("config_data", entry.config() == null ? Json.mapper().nullNode() : entry.config().toJson());
        if (!entry.legacyDuplicates().isEmpty()) {
            ArrayNode duplicates = node.putArray("legacy_duplicates");
            entry.legacyDuplicates().forEach(duplicate -> duplicates.add(duplicate.toJson()));
        }
        node.put("fingerprint", entry.fingerprint());
        entry.extra().properties().forEach(field -> node.putIfAbsent(field.getKey(), field.getValue()));
        return node;
    }

    /**
     * Reads and checks a plan file: it must be a regular file of at most {@link InputFiles#MAX_PLAN_BYTES},
     * nested at most {@link InputFiles#MAX_JSON_DEPTH} deep (otherwise an {@link InputFileException}).
     */
    public static TransferPlan read(Path file) throws IOException {
        JsonNode root;
        try {
            root = InputFiles.readJson(file, "plan", InputFiles.MAX_PLAN_BYTES);
        } catch (InputFileException problem) {
            if (problem.getCause() instanceof NoSuchFileException) {
                throw new InvalidPlanException("no plan file " + file + " (run 'switchboard transfer plan' first)",
                        List.of(new PlanProblem(PlanProblem.WHOLE_PLAN, "file not found: " + file)), false);
            }
            throw problem;
        } catch (JsonProcessingException e) {
            throw invalid(file.getFileName().toString(), List.of(syntax(e)));
        }
        return check(root, file.getFileName().toString());
    }

    /** Parses and checks plan text; {@code name} appears in the error summary. */
    public static TransferPlan parse(String text, String name) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(name, List.of(syntax(e)));
        }
        return check(root, name);
    }

    private static PlanProblem syntax(JsonProcessingException e) {
        String detail = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
        java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(detail);
        if (duplicate.find()) {
            return new PlanProblem(duplicate.group(1), "duplicate entry: the key appears twice in the file");
        }
        if (e instanceof StreamConstraintsException) {
            return new PlanProblem(PlanProblem.WHOLE_PLAN, "nested deeper than " + InputFiles.MAX_JSON_DEPTH
                    + " levels (a plan needs 5)");
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
        return new PlanProblem(PlanProblem.WHOLE_PLAN, "not valid JSON" + where + ": " + detail);
    }

    private static TransferPlan check(JsonNode root, String name) {
        List<PlanProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw invalid(name, List.of(new PlanProblem(PlanProblem.WHOLE_PLAN, "the plan must be a JSON object")));
        }
        TransferPlan plan = root.has("format") ? ours((ObjectNode) root, problems) : original((ObjectNode) root, problems);
        if (!problems.isEmpty()) {
            throw invalid(name, problems);
        }
        return plan;
    }

    private static InvalidPlanException invalid(String name, List<PlanProblem> problems) {
        return new InvalidPlanException("plan " + name + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "); nothing was changed", problems, false);
    }

    private static TransferPlan ours(ObjectNode root, List<PlanProblem> problems) {
        String format = root.path("format").asText("");
        if (!TransferPlan.FORMAT.equals(format)) {
            problems.add(new PlanProblem(PlanProblem.WHOLE_PLAN, "unsupported format '" + format + "' (this version reads "
                    + TransferPlan.FORMAT + " and the original utility's bare format)"));
            return null;
        }
        Instant created = null;
        if (root.hasNonNull("created_at")) {
            try {
                created = Instant.parse(root.get("created_at").asText());
            } catch (DateTimeParseException e) {
                problems.add(new PlanProblem(PlanProblem.WHOLE_PLAN, "created_at is not an ISO-8601 instant"));
            }
        }
        DomainRef source = domainRef(root.get("source"), "source", problems);
        DomainRef target = domainRef(root.get("target"), "target", problems);
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isObject()) {
            problems.add(new PlanProblem(PlanProblem.WHOLE_PLAN, "entries must be a JSON object keyed by number"));
            return null;
        }
        Map<String, PlanEntry> parsed = entries((ObjectNode) entries, problems);
        return problems.isEmpty() ? new TransferPlan(format, created, source, target, parsed,
                PlanEntryReader.unknown(root, PLAN_FIELDS)) : null;
    }

    private static TransferPlan original(ObjectNode root, List<PlanProblem> problems) {
        Map<String, PlanEntry> parsed = entries(root, problems);
        return problems.isEmpty() ? new TransferPlan(null, null, null, null, parsed) : null;
    }

    private static DomainRef domainRef(JsonNode node, String which, List<PlanProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String name = node.path("domain_name").isTextual() ? node.get("domain_name").asText() : null;
        if (!node.isObject() || name == null || name.isBlank()) {
            problems.add(new PlanProblem(PlanProblem.WHOLE_PLAN, which + " must be an object with a domain_name"));
            return null;
        }
        String id = node.path("domain_id").isTextual() ? node.get("domain_id").asText() : null;
        return new DomainRef(name, id);
    }

    private static Map<String, PlanEntry> entries(ObjectNode node, List<PlanProblem> problems) {
        Map<String, PlanEntry> result = new LinkedHashMap<>();
        Map<String, String> numbers = new HashMap<>();
        Map<String, String> phoneIds = new HashMap<>();
        Map<String, String> configIds = new HashMap<>();
        Map<String, String> sipOnlyHmacs = new HashMap<>();
        node.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode raw = field.getValue();
            String number = raw.hasNonNull("source_phone_id")
                    ? dev.switchboard.core.phone.E164.tryParse(key).map(dev.switchboard.core.phone.E164::value).orElse(null)
                    : null;
            duplicate(numbers, number, key, "number", problems);
            duplicate(phoneIds, rawText(raw, "source_phone_id"), key, "source_phone_id", problems);
            duplicate(configIds, rawText(raw, "config_id"), key, "config_id", problems);
            if (!raw.hasNonNull("source_phone_id")) {
                // Switchboard tells SIP-only configs apart by hmac (Daily may change their sip_uri): two entries
                // with one hmac would create the config twice on the target.
                String hmac = rawText(raw.path("config_data"), "hmac");
                duplicate(sipOnlyHmacs, hmac == null ? null : "hmac", key, "SIP-only config with the same", problems,
                        hmac);
            }
            PlanEntry entry = PlanEntryReader.read(key, raw, problems);
            if (entry != null && !result.containsKey(entry.key())) {
                result.put(entry.key(), entry);
            }
        });
        if (result.isEmpty() && problems.isEmpty()) {
            problems.add(new PlanProblem(PlanProblem.WHOLE_PLAN, "the plan has no entries"));
        }
        return result;
    }

    private static String rawText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static void duplicate(Map<String, String> seen, String value, String key, String what,
                                  List<PlanProblem> problems) {
        duplicate(seen, value, key, what, problems, value);
    }

    /** Reports {@code key} when {@code identity} was seen in an earlier entry; {@code shown} is what the message names. */
    private static void duplicate(Map<String, String> seen, String shown, String key, String what,
                                  List<PlanProblem> problems, String identity) {
        if (identity == null) {
            return;
        }
        String first = seen.putIfAbsent(identity, key);
        if (first != null) {
            problems.add(new PlanProblem(key, "duplicate " + what + " " + shown + " (also in entry " + first + ")"));
        }
    }
}
