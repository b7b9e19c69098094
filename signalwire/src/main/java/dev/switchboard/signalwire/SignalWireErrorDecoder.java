package dev.switchboard.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.ErrorDecoder;
import dev.switchboard.core.http.HttpJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SignalWire's error bodies into a stable type and a human text:
 * <ul>
 *   <li>Relay REST: {@code {"errors":[{"detail","status","title","code"}]}}; the type is {@code code} (the
 *       HTTP status as a string in every captured response, a symbolic code such as
 *       {@code purchased_too_recently} in the docs; a code that only repeats the status is dropped), the
 *       text is {@code detail}, or {@code title} when the detail is null. Address validation adds {@code candidates}, listed in the text.</li>
 *   <li>Fabric, calling and messaging: {@code {"errors":[{"type","code","message","attribute","url"}]}};
 *       the type is {@code code}, the text {@code message} (naming the attribute).</li>
 *   <li>Compatibility (LaML): flat {@code {"code","message","more_info","status"}}; the type is
 *       {@code code}, the text {@code message}.</li>
 * </ul>
 * Anything else (the front door's {@code text/plain} "Unauthorized", {@code {"error":"Not Found"}}, a
 * bare JSON string) becomes text only.
 */
public final class SignalWireErrorDecoder implements ErrorDecoder {

    @Override
    public DecodedError decode(int status, String body) {
        JsonNode node;
        try {
            node = HttpJson.parse(body);
        } catch (Exception notJson) {
            return ErrorDecoder.plainText().decode(status, body);
        }
        if (node.isTextual()) {
            return new DecodedError(null, node.asText());
        }
        if (!node.isObject()) {
            return ErrorDecoder.plainText().decode(status, body);
        }
        JsonNode errors = node.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return listed(status, errors, node.path("candidates"));
        }
        if (node.has("message") && node.has("code")) {
            return new DecodedError(text(node, "code"), text(node, "message"));
        }
        String error = text(node, "error");
        return error != null ? new DecodedError(null, error) : ErrorDecoder.plainText().decode(status, body);
    }

    private static DecodedError listed(int status, JsonNode errors, JsonNode candidates) {
        String type = null;
        List<String> texts = new ArrayList<>();
        for (JsonNode item : errors) {
            String code = text(item, "code");
            if (type == null && code != null && !code.equals(String.valueOf(status))) {
                type = code;
            }
            String message = text(item, "message");
            String detail = text(item, "detail");
            String title = text(item, "title");
            String attribute = text(item, "attribute");
            if (message != null) {
                texts.add(attribute == null ? message : message + " (" + attribute + ")");
            } else if (detail != null) {
                texts.add(detail);
            } else if (title != null) {
                texts.add(title + " (no detail given)");
            }
        }
        String text = texts.isEmpty() ? null : String.join("; ", texts);
        if (candidates.isArray() && !candidates.isEmpty()) {
            List<String> suggestions = new ArrayList<>();
            candidates.forEach(candidate -> suggestions.add(candidate(candidate)));
            text = (text == null ? "" : text + "; ") + "suggested: " + String.join(" | ", suggestions);
        }
        return new DecodedError(type, text);
    }

    private static String candidate(JsonNode item) {
        return String.join(" ", nonNull(text(item, "street_number"), text(item, "street_name"))) + ", "
                + String.join(" ", nonNull(text(item, "city") + ",", text(item, "state"), text(item, "postal_code")));
    }

    private static List<String> nonNull(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                kept.add(part);
            }
        }
        return kept;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
