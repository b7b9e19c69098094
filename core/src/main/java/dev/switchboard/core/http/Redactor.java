package dev.switchboard.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hides secrets in text meant for humans (debug traces, error text). Two layers: JSON fields whose name
 * marks them as secret are replaced wholesale, and the literal values of known {@link Secret}s are
 * masked wherever they appear, in case a provider echoes one back in an unexpected place.
 */
public final class Redactor {
    public static final String MASK = "****";

    private static final Set<String> DEFAULT_FIELDS = Set.of(
            "authorization", "transferdomainapi", "hmac", "api_key", "apikey", "token", "auth_token",
            "password", "secret", "signing_key", "basicauth");

    private final Set<String> fieldNames;

    public Redactor(Collection<String> extraFieldNames) {
        this.fieldNames = new java.util.HashSet<>(DEFAULT_FIELDS);
        extraFieldNames.forEach(name -> fieldNames.add(name.toLowerCase(Locale.ROOT)));
    }

    /** Redacts Authorization, transferDomainApi, hmac, api keys, tokens, passwords and similar fields. */
    public static Redactor standard() {
        return new Redactor(List.of());
    }

    public boolean isSecretField(String name) {
        return fieldNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A copy of the tree with every secret-named field's value replaced by {@value #MASK}. */
    public JsonNode redactJson(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        maskFields(copy);
        return copy;
    }

    /**
     * Redacts a body for display: parsed and field-masked when it is JSON, then literal secret values
     * are masked either way.
     */
    public String redactBody(String body, Collection<Secret> knownSecrets) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String shown;
        try {
            shown = HttpJson.write(redactJson(HttpJson.parse(body)));
        } catch (JsonProcessingException e) {
            shown = body;
        }
        return redactText(shown, knownSecrets);
    }

    /** Masks every occurrence of each known secret's value. */
    public String redactText(String text, Collection<Secret> knownSecrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Secret secret : knownSecrets) {
            if (secret != null) {
                result = result.replace(secret.reveal(), MASK);
            }
        }
        return result;
    }

    private void maskFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : names) {
                if (isSecretField(field.getKey()) && !field.getValue().isNull()) {
                    object.put(field.getKey(), MASK);
                } else {
                    maskFields(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::maskFields);
        }
    }
}
