package dev.switchboard.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import dev.switchboard.emulator.server.RequestLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Masks what the console must never show: API keys and tokens become their fingerprints (the form the request
 * log uses), hmacs, basic-auth values and verification codes become {@link #MASK}. Works on the state document
 * by field name, so a field added to the dump later is masked as long as it keeps one of these names.
 */
final class Secrets {
    static final String MASK = "••••••";
    private static final Set<String> SECRET_FIELDS = Set.of("hmac", "basicAuth", "basic_auth", "password",
            "secret", "token", "auth_token", "code");

    private Secrets() {
    }

    /** A masked deep copy of a state document. */
    static ObjectNode maskState(JsonNode state) {
        ObjectNode copy = state.deepCopy();
        for (JsonNode domain : copy.path("daily").path("domains")) {
            replaceWithFingerprints((ObjectNode) domain, "api_keys", "");
        }
        for (JsonNode project : copy.path("signalwire").path("projects")) {
            replaceWithFingerprints((ObjectNode) project, "api_tokens", project.path("project_id").asText() + ":");
        }
        maskFields(copy);
        return copy;
    }

    /**
     * Every credential the emulator knows, by fingerprint, with a label naming its owner: a Daily domain's key is
     * the credential itself, a SignalWire token is used as {@code project:token} (what fault rules match on).
     */
    static Map<String, KeyOwner> owners(JsonNode state) {
        Map<String, KeyOwner> owners = new LinkedHashMap<>();
        for (JsonNode domain : state.path("daily").path("domains")) {
            for (JsonNode key : domain.path("api_keys")) {
                String fingerprint = RequestLog.fingerprint(key.asText());
                owners.put(fingerprint, new KeyOwner(fingerprint, "Daily " + domain.path("domain_name").asText(),
                        key.asText()));
            }
        }
        for (JsonNode project : state.path("signalwire").path("projects")) {
            for (JsonNode token : project.path("api_tokens")) {
                String credential = project.path("project_id").asText() + ":" + token.asText();
                String fingerprint = RequestLog.fingerprint(credential);
                owners.put(fingerprint, new KeyOwner(fingerprint, "SignalWire " + project.path("project_id").asText(),
                        credential));
            }
        }
        return owners;
    }

    /** A credential and who owns it; {@link #toString()} leaves the credential out. */
    record KeyOwner(String fingerprint, String label, String credential) {
        ObjectNode toJson() {
            return Json.object().put("key_fingerprint", fingerprint).put("owner", label);
        }

        @Override
        public String toString() {
            return label + " (" + fingerprint + ")";
        }
    }

    private static void replaceWithFingerprints(ObjectNode node, String field, String prefix) {
        ArrayNode fingerprints = Json.array();
        node.path(field).forEach(k -> fingerprints.add(RequestLog.fingerprint(prefix + k.asText())));
        node.remove(field);
        node.set("key_fingerprints", fingerprints);
    }

    private static void maskFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : SECRET_FIELDS) {
                JsonNode value = object.get(name);
                if (value != null && !value.isNull() && !value.isContainerNode()) {
                    object.put(name, MASK);
                }
            }
            object.forEach(Secrets::maskFields);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Secrets::maskFields);
        }
    }
}
