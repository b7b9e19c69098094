package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code signalwire} section of a state file (see docs/emulator.md). Loading fills in what is left out
 * (ids, dates, the fresh-purchase field values) and checks that project ids and owned numbers are unique.
 * Lists are oldest first. Dumping writes every field, so dump, load, dump gives the same document.
 */
final class SwStateCodec {
    private SwStateCodec() {
    }

    static ObjectNode dump(SwState state) {
        ObjectNode root = Json.object();
        root.putObject("settings").put("e911_activation_seconds", state.e911Delay.toSeconds());
        ArrayNode pool = root.putArray("returned_to_pool");
        state.returnedToPool.stream().sorted().forEach(pool::add);
        ArrayNode projects = root.putArray("projects");
        for (SwProject project : state.projects()) {
            ObjectNode node = projects.addObject().put("project_id", project.projectId);
            ArrayNode tokens = node.putArray("api_tokens");
            project.tokens.forEach(tokens::add);
            node.put("number_limit", project.numberLimit).put("release_cooldown_days", project.releaseCooldownDays);
            ArrayNode numbers = node.putArray("phone_numbers");
            oldestFirst(project.numbers.values()).forEach(n -> {
                ObjectNode item = n.render();
                item.put("e911_changed_at", SwTime.iso(n.e911ChangedAt()));
                numbers.add(item);
            });
            ArrayNode addresses = node.putArray("addresses");
            oldestFirst(project.addresses.values()).forEach(a -> addresses.add(a.resource().deepCopy()
                    .put("e911_fails", project.failingE911Addresses.contains(a.id()))));
            records(node.putArray("number_groups"), project.groups.values());
            records(node.putArray("number_group_memberships"), project.memberships.values());
            ArrayNode callerIds = node.putArray("verified_caller_ids");
            oldestFirst(project.callerIds.values()).forEach(c -> {
                ObjectNode item = c.resource().deepCopy();
                Verification v = project.verifications.get(c.id());
                if (v != null) {
                    ObjectNode verification = item.putObject("verification").put("code", v.code)
                            .put("failed_attempts", v.failedAttempts);
                    ArrayNode calls = verification.putArray("calls");
                    v.calls.forEach(at -> calls.add(SwTime.iso(at)));
                }
                callerIds.add(item);
            });
            records(node.putArray("calls"), project.calls.values());
            records(node.putArray("messages"), project.messages.values());
        }
        return root;
    }

    static SwState load(JsonNode section, EmulatedClock clock, long idSeed, NumberStock stock) {
        SwState state = new SwState(clock, idSeed, stock);
        if (section == null || section.isNull()) {
            return state;
        }
        if (!section.isObject()) {
            throw new IllegalArgumentException("the signalwire state must be an object");
        }
        state.e911Delay = Duration.ofSeconds(section.path("settings").path("e911_activation_seconds")
                .asLong(SwState.DEFAULT_E911_DELAY.toSeconds()));
        section.path("returned_to_pool").forEach(n -> state.returnedToPool.add(n.asText()));
        for (JsonNode node : section.path("projects")) {
            loadProject(state, node);
        }
        return state;
    }

    private static void loadProject(SwState state, JsonNode node) {
        List<String> tokens = new ArrayList<>();
        node.path("api_tokens").forEach(t -> tokens.add(t.asText()));
        SwProject project = state.addProject(Json.text(node, "project_id"), tokens);
        project.numberLimit = node.path("number_limit").asInt(SwProject.DEFAULT_NUMBER_LIMIT);
        project.releaseCooldownDays = node.path("release_cooldown_days").asInt(SwProject.DEFAULT_RELEASE_COOLDOWN_DAYS);
        for (JsonNode n : node.path("phone_numbers")) {
            loadNumber(state, project, n);
        }
        for (JsonNode a : node.path("addresses")) {
            String id = idOr(state, a, "id");
            ObjectNode resource = AddressRoutes.shaped(id, a);
            project.addresses.put(id, new SwRecord(id, project.register(id), resource, state.now()));
            if (a.path("e911_fails").asBoolean(false)) {
                project.failingE911Addresses.add(id);
            }
        }
        for (JsonNode g : node.path("number_groups")) {
            String id = idOr(state, g, "id");
            ObjectNode resource = Json.object().put("id", id).put("name", Json.text(g, "name"))
                    .put("sticky_sender", g.path("sticky_sender").asBoolean(false));
            project.groups.put(id, new SwRecord(id, project.register(id), resource, state.now()));
        }
        for (JsonNode m : node.path("number_group_memberships")) {
            loadMembership(state, project, m);
        }
        for (JsonNode c : node.path("verified_caller_ids")) {
            loadCallerId(state, project, c);
        }
        node.path("calls").forEach(c -> {
            SwRecord call = LamlRecords.call(state, project, c);
            project.calls.put(call.id(), call);
        });
        node.path("messages").forEach(m -> {
            SwRecord message = LamlRecords.message(state, project, m);
            project.messages.put(message.id(), message);
        });
    }

    private static void loadNumber(SwState state, SwProject project, JsonNode n) {
        String number = Json.text(n, "number");
        if (number == null || !number.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("a phone number needs an E.164 number, got " + number);
        }
        Instant created = n.hasNonNull("created_at") ? SwTime.parse(n.get("created_at").asText(), "created_at") : state.now();
        String id = idOr(state, n, "id");
        NumberStock.Offer offer = state.stock().offer(number).orElseGet(() -> NumberStock.outsideStock(number));
        ObjectNode resource = SwNumber.freshResource(id, offer, created);
        for (Map.Entry<String, JsonNode> field : n.properties()) {
            if (SwNumber.FIELDS.contains(field.getKey())) {
                resource.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        resource.put("id", id);
        Instant e911ChangedAt = n.hasNonNull("e911_changed_at")
                ? SwTime.parse(n.get("e911_changed_at").asText(), "e911_changed_at") : null;
        state.put(project, new SwNumber(id, project.register(id), created, resource, e911ChangedAt));
    }

    private static void loadMembership(SwState state, SwProject project, JsonNode m) {
        String groupId = Json.text(m, "number_group_id");
        String numberId = Json.text(m, "phone_number_id");
        if (!project.groups.containsKey(groupId) || !project.numbers.containsKey(numberId)) {
            throw new IllegalArgumentException("a number group membership needs a known number_group_id and phone_number_id");
        }
        if (project.membershipOf(numberId).isPresent()) {
            throw new IllegalArgumentException("phone number " + numberId + " is in two number groups");
        }
        String id = idOr(state, m, "id");
        String created = m.hasNonNull("created_at") ? m.get("created_at").asText() : SwTime.iso(state.now());
        ObjectNode resource = Json.object().put("id", id).put("number_group_id", groupId).put("phone_number_id", numberId)
                .put("created_at", created).put("updated_at", m.hasNonNull("updated_at") ? m.get("updated_at").asText() : created);
        project.memberships.put(id, new SwRecord(id, project.register(id), resource, state.now()));
    }

    private static void loadCallerId(SwState state, SwProject project, JsonNode c) {
        String id = idOr(state, c, "id");
        String number = Json.text(c, "number");
        if (number == null) {
            throw new IllegalArgumentException("a verified caller id needs a number");
        }
        boolean verified = c.path("verified").asBoolean(false);
        ObjectNode resource = Json.object().put("type", "verified_caller_id").put("id", id)
                .put("name", c.hasNonNull("name") ? c.get("name").asText() : CallerIdRoutes.formatted(number))
                .put("extension", Json.text(c, "extension")).put("number", number).put("verified", verified)
                .put("verified_at", Json.text(c, "verified_at"))
                .put("status", verified ? "Verified" : "Awaiting Verification");
        project.callerIds.put(id, new SwRecord(id, project.register(id), resource, state.now()));
        JsonNode v = c.path("verification");
        List<Instant> calls = new ArrayList<>();
        v.path("calls").forEach(at -> calls.add(SwTime.parse(at.asText(), "verification call")));
        project.verifications.put(id, new Verification(v.hasNonNull("code") ? v.get("code").asText()
                : state.newVerificationCode(), v.path("failed_attempts").asInt(0), calls));
    }

    private static void records(ArrayNode target, java.util.Collection<SwRecord> records) {
        oldestFirst(records).forEach(r -> target.add(r.resource().deepCopy()));
    }

    private static <T extends Paged> List<T> oldestFirst(java.util.Collection<T> items) {
        return items.stream().sorted(java.util.Comparator.comparingLong(Paged::seq)).toList();
    }

    private static String idOr(SwState state, JsonNode node, String field) {
        String id = Json.text(node, field);
        return id != null && !id.isBlank() ? id : state.newId();
    }
}
