package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /domain-dialin-config}. Rules: a {@code phone_number} is used by at most one config across all domains
 * (the legacy arrays do not count); the number must be owned by the calling domain; pin configs need a number,
 * pinless ones may omit it (SIP-only); pinless configs get a generated hmac when none is given and a
 * server-assigned {@code sip_uri}; pin configs have {@code sip_uri: null}.
 */
final class DialinConfigRoutes {
    static final int MAX_PAGE = 100;

    ApiResponse list(DailyCall call) {
        String phoneNumber = call.query("phone_number");
        String phoneNumbers = call.query("phone_numbers");
        List<String> anyOf = phoneNumbers == null ? null
                : Arrays.stream(phoneNumbers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String sipUsername = call.query("sip_username");
        String namePrefix = call.query("name_prefix");
        String type = call.query("type");
        List<DialinConfig> matching = call.domain().configs.values().stream()
                .filter(c -> phoneNumber == null || phoneNumber.equals(c.phoneNumber()))
                .filter(c -> anyOf == null
                        || c.phoneNumber() != null && anyOf.stream().anyMatch(c.phoneNumber()::contains))
                .filter(c -> sipUsername == null || sipUsername.equals(sipUser(c.sipUri())))
                .filter(c -> namePrefix == null || namePrefix.equals(Json.text(c.config(), "name_prefix")))
                .filter(c -> type == null || type.equals(c.type()))
                .sorted(Comparator.comparingLong(DialinConfig::seq).reversed())
                .toList();
        return ApiResponse.json(200, Paging.page(matching, DialinConfig::seq, cursor -> configCursor(call, cursor),
                call.request().query(), MAX_PAGE, DialinConfig::toJson));
    }

    ApiResponse create(DailyCall call) {
        ObjectNode body = call.body();
        String type = DialinConfigFields.type(body);
        ObjectNode fields = DialinConfigFields.fields(body, type);
        removeNulls(fields);
        DailyState state = call.state();
        DailyDomain domain = call.domain();
        checkNumber(call, type, Json.text(fields, "phone_number"), null);
        ObjectNode config = Json.object();
        config.put("sip_uri", DialinConfig.PINLESS.equals(type) ? state.newConfigSipUri(domain) : null);
        config.setAll(fields);
        if (DialinConfig.PINLESS.equals(type) && Json.text(config, "hmac") == null) {
            config.put("hmac", state.newHmac());
        }
        DialinConfig created = new DialinConfig(state.newId(), type, state.takeConfigSeq(), state.now(), config);
        state.putConfig(domain, created);
        return ApiResponse.json(200, created.toJson());
    }

    ApiResponse get(DailyCall call) {
        return ApiResponse.json(200, find(call).toJson());
    }

    /** Partial update: given fields replace, null clears (a cleared pinless hmac is regenerated). */
    ApiResponse update(DailyCall call) {
        DialinConfig existing = find(call);
        ObjectNode body = call.body();
        if (body.has("type") && !existing.type().equals(Json.text(body, "type"))) {
            throw DailyErrors.invalid("the type of a dial-in config cannot change");
        }
        ObjectNode fields = DialinConfigFields.fields(body, existing.type());
        ObjectNode config = existing.config().deepCopy();
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            if (entry.getValue().isNull()) {
                config.remove(entry.getKey());
            } else {
                config.set(entry.getKey(), entry.getValue());
            }
        }
        String number = Json.text(config, "phone_number");
        if (!Objects.equals(number, existing.phoneNumber())) {
            checkNumber(call, existing.type(), number, existing.id());
        }
        if (DialinConfig.PINLESS.equals(existing.type()) && Json.text(config, "hmac") == null) {
            config.put("hmac", call.state().newHmac());
        }
        DialinConfig updated = new DialinConfig(existing.id(), existing.type(), existing.seq(), existing.createdAt(),
                config);
        call.state().putConfig(call.domain(), updated);
        return ApiResponse.json(200, updated.toJson());
    }

    ApiResponse delete(DailyCall call) {
        DialinConfig existing = find(call);
        call.state().removeConfig(call.domain(), existing);
        return ApiResponse.json(200, Json.object().put("status", "ok"));
    }

    private static void checkNumber(DailyCall call, String type, String number, String exceptId) {
        String kind = DialinConfig.PIN.equals(type) ? "pin" : "pinless";
        if (number == null) {
            if (DialinConfig.PIN.equals(type)) {
                throw DailyErrors.invalid("missing required field: phone_number (required for pin_dialin)");
            }
            return;
        }
        if (!call.state().owns(call.domain(), number)) {
            throw DailyErrors.invalid("Failed to configure " + kind + " dialin: " + E164.digits(number)
                    + " not associated with domain: " + call.domain().name);
        }
        if (call.state().configUsing(number, exceptId).isPresent()) {
            throw DailyErrors.invalid("Failed to configure " + kind + " dialin: " + number
                    + " is already used by another dialin config");
        }
    }

    private static DialinConfig find(DailyCall call) {
        DialinConfig config = call.domain().configs.get(call.param("id"));
        if (config == null) {
            throw DailyErrors.notFound("no dialin config with id " + call.param("id"));
        }
        return config;
    }

    private static Long configCursor(DailyCall call, String cursor) {
        Long seq = call.state().configCursors.get(cursor);
        if (seq == null) {
            throw DailyErrors.invalid("unknown cursor: " + cursor);
        }
        return seq;
    }

    static String sipUser(String sipUri) {
        if (sipUri == null) {
            return null;
        }
        String user = sipUri.startsWith("sip:") ? sipUri.substring(4) : sipUri;
        int at = user.indexOf('@');
        return at < 0 ? user : user.substring(0, at);
    }

    private static void removeNulls(ObjectNode fields) {
        fields.properties().removeIf(e -> e.getValue().isNull());
    }
}
