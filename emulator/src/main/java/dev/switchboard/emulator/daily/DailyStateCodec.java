package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code daily} section of a state file. Loading fills in what is left out (ids, pagination ids, dates,
 * SIP URIs, hmacs) and checks the invariants: unique domain names, keys, owned numbers and config numbers.
 * Config ownership is not checked, so a dump taken after a transfer (configs left behind) loads again.
 * Dumping writes every field, so dump, load, dump gives the same document.
 */
final class DailyStateCodec {
    private static final Pattern STATIC_ADDRESS = Pattern.compile("static-address--(\\d+)@.*");

    private DailyStateCodec() {
    }

    static ObjectNode dump(DailyState state) {
        ObjectNode root = Json.object();
        root.put("next_pagination_id", state.nextPaginationId);
        ArrayNode retired = root.putArray("retired_numbers");
        state.retiredNumbers.forEach(retired::add);
        ArrayNode domains = root.putArray("domains");
        for (DailyDomain domain : state.domains()) {
            ObjectNode node = domains.addObject();
            node.put("domain_name", domain.name).put("domain_id", domain.id);
            ArrayNode keys = node.putArray("api_keys");
            domain.apiKeys.forEach(keys::add);
            node.set("config", domain.info().get("config"));
            ArrayNode numbers = node.putArray("phone_numbers");
            domain.numbers.values().stream().sorted(Comparator.comparingLong(PhoneNumber::paginationId))
                    .forEach(n -> numbers.add(n.toJson().without("type")));
            ArrayNode callerIds = node.putArray("verified_caller_ids");
            domain.callerIds.forEach(c -> callerIds.addObject().put("pagination_id", c.paginationId())
                    .put("number", c.number()).put("name", c.name())
                    .put("created_date", DailyTime.format(c.createdDate())));
            ArrayNode configs = node.putArray("dialin_configs");
            domain.configs.values().stream().sorted(Comparator.comparingLong(DialinConfig::seq))
                    .forEach(c -> configs.add(c.toJson().put("created_at", DailyTime.format(c.createdAt()))));
            ArrayNode rooms = node.putArray("rooms");
            domain.rooms.values().forEach(r -> rooms.addObject().put("id", r.id()).put("name", r.name())
                    .put("privacy", r.privacy()).put("created_at", DailyTime.format(r.createdAt()))
                    .<ObjectNode>set("properties", r.properties().deepCopy())
                    .set("sip_endpoints", Json.MAPPER.valueToTree(r.sipEndpoints())));
            ArrayNode webhooks = node.putArray("webhooks");
            domain.webhooks.values().forEach(w -> webhooks.add(w.toJson()));
            ArrayNode participants = node.putArray("participants");
            domain.participants.stream().filter(p -> !domain.sessions.containsKey(p.id())).forEach(p -> participants.addObject().put("id", p.id()).put("room", p.room())
                    .put("userId", p.userId()).put("userName", p.userName()).put("mtgSessionId", p.mtgSessionId())
                    .put("joinTime", DailyTime.format(p.joinTime())));
        }
        return root;
    }

    static DailyState load(JsonNode section, EmulatedClock clock, long idSeed) {
        DailyState state = new DailyState(clock, idSeed);
        if (section == null || section.isNull()) {
            return state;
        }
        if (!section.isObject()) {
            throw new IllegalArgumentException("the daily state must be an object");
        }
        try {
            state.nextPaginationId = Math.max(section.path("next_pagination_id").asLong(1),
                    maxPaginationId(section) + 1);
            section.path("retired_numbers").forEach(n -> state.retiredNumbers.add(n.asText()));
            for (JsonNode node : section.path("domains")) {
                loadDomain(state, node);
            }
        } catch (ApiException e) {
            throw new IllegalArgumentException("invalid daily state: " + Json.text(e.response().body(), "info"), e);
        }
        return state;
    }

    private static void loadDomain(DailyState state, JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.path("api_keys").forEach(k -> keys.add(k.asText()));
        ObjectNode settings = DailyDomain.defaultSettings();
        JsonNode config = node.path("config");
        config.properties().forEach(e -> {
            if (!e.getKey().equals("pinless_dialin") && !e.getKey().equals("pin_dialin")) {
                settings.set(e.getKey(), e.getValue());
            }
        });
        DailyDomain domain = state.addDomain(Json.text(node, "domain_name"), Json.text(node, "domain_id"), keys,
                settings);
        for (JsonNode n : node.path("phone_numbers")) {
            String number = requireNumber(n, "number");
            state.addNumber(domain, new PhoneNumber(idOrNew(state, n), paginationId(state, n), number,
                    textOr(n, "name", domain.name), date(state, n, "created_date"), textOr(n, "status", "verified"),
                    n.path("verified").asBoolean(true), Json.text(n, "country"), Json.text(n, "provider")));
        }
        for (JsonNode c : node.path("verified_caller_ids")) {
            domain.callerIds.add(new VerifiedCallerId(paginationId(state, c), requireNumber(c, "number"),
                    textOr(c, "name", ""), date(state, c, "created_date")));
        }
        if (config.has("pinless_dialin")) {
            config.get("pinless_dialin").forEach(e -> noteStaticAddress(domain, Json.text(e, "sip_uri")));
            domain.pinless = LegacyDialin.pinless(config.get("pinless_dialin"), domain, state, false);
        }
        if (config.has("pin_dialin")) {
            domain.pin = LegacyDialin.pin(config.get("pin_dialin"), domain, state, false);
        }
        LegacyDialin.checkNoNumberInBoth(domain.pinless, domain.pin);
        node.path("dialin_configs").forEach(c -> state.noteSipUri(Json.text(c.path("config"), "sip_uri")));
        for (JsonNode c : node.path("dialin_configs")) {
            loadConfig(state, domain, c);
        }
        for (JsonNode r : node.path("rooms")) {
            loadRoom(state, domain, r);
        }
        for (JsonNode w : node.path("webhooks")) {
            loadWebhook(state, domain, w);
        }
        for (JsonNode p : node.path("participants")) {
            loadParticipant(state, domain, p);
        }
    }

    private static void loadConfig(DailyState state, DailyDomain domain, JsonNode node) {
        if (!node.isObject() || !node.path("config").isObject()) {
            throw new IllegalArgumentException("a dialin config needs type and a config object");
        }
        String type = DialinConfigFields.type((ObjectNode) node);
        String sipUri = Json.text(node.get("config"), "sip_uri");
        ObjectNode fields = DialinConfigFields.fields(Json.object().set("config", node.get("config")), type);
        ObjectNode config = Json.object();
        boolean pinless = DialinConfig.PINLESS.equals(type);
        Instant givenCreatedAt = node.hasNonNull("created_at") ? date(state, node, "created_at") : null;
        config.put("sip_uri", pinless ? (sipUri != null ? sipUri : state.loadedConfigSipUri(domain, givenCreatedAt)) : null);
        config.setAll(fields);
        String number = Json.text(config, "phone_number");
        if (number == null && !pinless) {
            throw new IllegalArgumentException("pin_dialin configs need phone_number");
        }
        if (number != null && state.configUsing(number, null).isPresent()) {
            throw new IllegalArgumentException("two dialin configs use " + number);
        }
        if (pinless && Json.text(config, "hmac") == null) {
            config.put("hmac", state.newHmac());
        }
        long seq = state.takeConfigSeq();
        Instant createdAt = date(state, node, "created_at");
        state.putConfig(domain, new DialinConfig(idOrNew(state, node), type, seq, createdAt, config));
    }

    private static void loadRoom(DailyState state, DailyDomain domain, JsonNode node) {
        String name = Json.text(node, "name");
        if (name == null || domain.rooms.containsKey(name)) {
            throw new IllegalArgumentException("rooms need unique names");
        }
        List<String> endpoints = new ArrayList<>();
        node.path("sip_endpoints").forEach(e -> endpoints.add(e.asText()));
        ObjectNode properties = node.path("properties").isObject() ? (ObjectNode) node.get("properties") : Json.object();
        String id = Json.text(node, "id");
        domain.rooms.put(name, new Room(id != null ? id : state.newId(), name, textOr(node, "privacy", "public"),
                date(state, node, "created_at"), properties.deepCopy(), endpoints));
    }

    private static void loadWebhook(DailyState state, DailyDomain domain, JsonNode node) {
        String url = Json.text(node, "url");
        if (url == null) {
            throw new IllegalArgumentException("a webhook needs a url");
        }
        String uuid = Json.text(node, "uuid");
        WebhookSubscription hook = new WebhookSubscription(uuid != null ? uuid : state.newId(), domain.id,
                date(state, node, "createdAt"));
        hook.url = url;
        hook.hmac = Json.text(node, "hmac") != null ? Json.text(node, "hmac") : state.newHmac();
        hook.basicAuth = Json.text(node, "basicAuth");
        hook.retryType = textOr(node, "retryType", "circuit-breaker");
        List<String> types = new ArrayList<>();
        node.path("eventTypes").forEach(t -> types.add(t.asText()));
        hook.eventTypes = List.copyOf(types);
        hook.updatedAt = date(state, node, "updatedAt");
        domain.webhooks.put(hook.uuid, hook);
    }

    private static void loadParticipant(DailyState state, DailyDomain domain, JsonNode node) {
        String room = Json.text(node, "room");
        if (room == null || room.isBlank()) {
            throw new IllegalArgumentException("a participant needs a room");
        }
        String session = Json.text(node, "mtgSessionId");
        if (session == null) {
            session = state.meetingSession(domain, room);
        }
        String id = Json.text(node, "id");
        domain.participants.add(new Participant(id != null ? id : state.newId(), room, Json.text(node, "userId"),
                Json.text(node, "userName"), session, date(state, node, "joinTime")));
    }

    private static long maxPaginationId(JsonNode section) {
        long max = 0;
        Set<Long> seen = new HashSet<>();
        for (JsonNode domain : section.path("domains")) {
            for (String list : new String[] {"phone_numbers", "verified_caller_ids"}) {
                for (JsonNode item : domain.path(list)) {
                    if (item.has("pagination_id")) {
                        long id = item.get("pagination_id").asLong();
                        if (!seen.add(id)) {
                            throw new IllegalArgumentException("pagination_id " + id + " is used twice");
                        }
                        max = Math.max(max, id);
                    }
                }
            }
        }
        return max;
    }

    private static void noteStaticAddress(DailyDomain domain, String sipUri) {
        Matcher m = sipUri == null ? null : STATIC_ADDRESS.matcher(sipUri);
        if (m != null && m.matches()) {
            domain.nextStaticAddress = Math.max(domain.nextStaticAddress, Integer.parseInt(m.group(1)) + 1);
        }
    }

    private static String requireNumber(JsonNode node, String field) {
        String number = Json.text(node, field);
        if (!E164.valid(number)) {
            throw new IllegalArgumentException(field + " must be an E.164 number: " + number);
        }
        return number;
    }

    private static String idOrNew(DailyState state, JsonNode node) {
        String id = Json.text(node, "id");
        if (id != null && (state.numberCursors.containsKey(id) || state.configCursors.containsKey(id))) {
            throw new IllegalArgumentException("id " + id + " is used twice");
        }
        return id != null ? id : state.newId();
    }

    private static long paginationId(DailyState state, JsonNode node) {
        return node.has("pagination_id") ? node.get("pagination_id").asLong() : state.takePaginationId();
    }

    private static Instant date(DailyState state, JsonNode node, String field) {
        String text = Json.text(node, field);
        return text == null ? state.now() : DailyTime.parse(text, field);
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String text = Json.text(node, field);
        return text != null ? text : fallback;
    }
}
