package dev.switchboard.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.daily.Participant;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.daily.Room;
import dev.switchboard.daily.Webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One Daily domain as a domain of the emulator's state document (docs/emulator.md, "State document"), read
 * through the typed client with GETs only: the domain and its legacy arrays, every purchased number and verified
 * caller id (ids, pagination ids and purchase dates kept, so 14-day release locks are reproduced), every dial-in
 * config with its hmac (in the API's order: the document lists them oldest first), rooms, webhooks and the participants present now (the transfer's active-call check).
 */
final class DailySnapshot {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DailySnapshot() {
    }

    /** The domain section, with {@code apiKey} (a fake key) as its only key. */
    static ObjectNode domain(DailyClient client, String apiKey) {
        Domain domain = client.domain();
        ObjectNode node = NODES.objectNode().put("domain_name", domain.name()).put("domain_id", domain.id());
        node.putArray("api_keys").add(apiKey);
        node.set("config", config(domain));
        List<PurchasedNumber> listed = client.purchasedNumbers(PurchasedNumberFilter.all());
        ArrayNode numbers = node.putArray("phone_numbers");
        ArrayNode callerIds = node.putArray("verified_caller_ids");
        listed.stream().sorted(Comparator.comparing(DailySnapshot::paginationOrder)).forEach(n -> {
            if (n.hasId() && !n.isDeleted()) {
                numbers.add(number(n));
            } else if (!n.hasId()) {
                callerIds.add(callerId(n));
            }
        });
        ArrayNode configs = node.putArray("dialin_configs");
        List<DialinConfig> newestFirst = new ArrayList<>(client.dialinConfigs(DialinConfigFilter.all()));
        Collections.reverse(newestFirst);
        newestFirst.forEach(c -> configs.add(dialinConfig(c)));
        ArrayNode rooms = node.putArray("rooms");
        client.rooms().list().forEach(r -> rooms.add(room(r)));
        ArrayNode webhooks = node.putArray("webhooks");
        client.webhooks().list().forEach(w -> webhooks.add(webhook(w)));
        ArrayNode participants = node.putArray("participants");
        client.presence().values().forEach(list -> list.forEach(p -> participants.add(participant(p))));
        return node;
    }

    private static long paginationOrder(PurchasedNumber n) {
        return n.paginationId() == null ? Long.MAX_VALUE : n.paginationId();
    }

    private static ObjectNode config(Domain domain) {
        ObjectNode config = domain.config().otherFields().deepCopy();
        if (!domain.config().pinlessDialin().isEmpty()) {
            ArrayNode pinless = config.putArray("pinless_dialin");
            domain.config().pinlessDialin().forEach(e -> pinless.add(legacyPinless(e)));
        }
        if (!domain.config().pinDialin().isEmpty()) {
            ArrayNode pin = config.putArray("pin_dialin");
            domain.config().pinDialin().forEach(e -> pin.add(legacyPin(e)));
        }
        return config;
    }

    private static ObjectNode legacyPinless(LegacyPinlessEntry entry) {
        ObjectNode item = entry.extra().deepCopy();
        putText(item, "phone_number", entry.phoneNumber());
        putText(item, "sip_uri", entry.sipUri());
        putSecret(item, "hmac", entry.hmac());
        putText(item, "room_creation_api", entry.roomCreationApi());
        putText(item, "name_prefix", entry.namePrefix());
        putText(item, "hold_music_url", entry.holdMusicUrl());
        putJson(item, "timeout_config", entry.timeoutConfig());
        return item;
    }

    private static ObjectNode legacyPin(LegacyPinEntry entry) {
        ObjectNode item = entry.extra().deepCopy();
        putText(item, "phone_number", entry.phoneNumber());
        putText(item, "name_prefix", entry.namePrefix());
        putJson(item, "ivr_greeting", entry.ivrGreeting());
        return item;
    }

    private static ObjectNode number(PurchasedNumber n) {
        ObjectNode item = NODES.objectNode().put("id", n.id());
        if (n.paginationId() != null) {
            item.put("pagination_id", n.paginationId());
        }
        item.put("number", n.number());
        putText(item, "name", n.name());
        putInstant(item, "created_date", n.createdDate());
        putText(item, "status", n.status());
        if (n.verified() != null) {
            item.put("verified", n.verified());
        }
        putText(item, "country", n.country());
        putText(item, "provider", n.provider());
        return item;
    }

    private static ObjectNode callerId(PurchasedNumber n) {
        ObjectNode item = NODES.objectNode();
        if (n.paginationId() != null) {
            item.put("pagination_id", n.paginationId());
        }
        item.put("number", n.number());
        putText(item, "name", n.name());
        putInstant(item, "created_date", n.createdDate());
        return item;
    }

    private static ObjectNode dialinConfig(DialinConfig c) {
        ObjectNode item = NODES.objectNode().put("id", c.id()).put("type", c.type().wireName());
        putInstant(item, "created_at", c.createdAt());
        ObjectNode config = item.putObject("config");
        config.setAll(c.extra().deepCopy());
        putText(config, "phone_number", c.phoneNumber());
        putText(config, "sip_uri", c.sipUri());
        putSecret(config, "hmac", c.hmac());
        putText(config, "room_creation_api", c.roomCreationApi());
        putText(config, "name_prefix", c.namePrefix());
        putText(config, "hold_music_url", c.holdMusicUrl());
        putJson(config, "timeout_config", c.timeoutConfig());
        putJson(config, "ivr_greeting", c.ivrGreeting());
        return item;
    }

    private static ObjectNode room(Room r) {
        ObjectNode item = NODES.objectNode();
        putText(item, "id", r.id());
        item.put("name", r.name());
        putText(item, "privacy", r.privacy());
        putInstant(item, "created_at", r.createdAt());
        ObjectNode properties = r.config().deepCopy();
        properties.remove("sip_uri");
        item.set("properties", properties);
        ArrayNode endpoints = item.putArray("sip_endpoints");
        r.sipEndpoints().forEach(endpoints::add);
        return item;
    }

    private static ObjectNode webhook(Webhook w) {
        ObjectNode item = NODES.objectNode().put("uuid", w.uuid()).put("url", w.url());
        putSecret(item, "hmac", w.hmac());
        putText(item, "retryType", w.retryType());
        ArrayNode types = item.putArray("eventTypes");
        w.eventTypes().forEach(types::add);
        putInstant(item, "createdAt", w.createdAt());
        putInstant(item, "updatedAt", w.updatedAt());
        return item;
    }

    private static ObjectNode participant(Participant p) {
        ObjectNode item = NODES.objectNode();
        putText(item, "id", p.id());
        item.put("room", p.room()).put("userId", p.userId()).put("userName", p.userName());
        putText(item, "mtgSessionId", p.mtgSessionId());
        putInstant(item, "joinTime", p.joinTime());
        return item;
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putSecret(ObjectNode node, String field, Secret value) {
        if (value != null) {
            node.put(field, value.reveal());
        }
    }

    private static void putJson(ObjectNode node, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            node.set(field, value.deepCopy());
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
