package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.ErrorDecoder;
import dev.switchboard.core.http.HttpJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Daily's three error shapes: the usual {@code {"error": type, "info": text}}; the carrier's
 * {@code {"errors": [{"detail", "title", ...}]}} passed through by {@code POST /buy-phone-number} on 422
 * (no stable type: the details become the text); and {@code {"error": "<sentence>"}} without
 * {@code info} from {@code DELETE /release-phone-number} (a sentence is text, not a type).
 */
public final class DailyErrorDecoder implements ErrorDecoder {

    @Override
    public DecodedError decode(int status, String body) {
        JsonNode node;
        try {
            node = HttpJson.parse(body);
        } catch (Exception notJson) {
            return ErrorDecoder.plainText().decode(status, body);
        }
        if (!node.isObject()) {
            return ErrorDecoder.plainText().decode(status, body);
        }
        JsonNode carrierErrors = node.path("errors");
        if (carrierErrors.isArray() && !carrierErrors.isEmpty()) {
            List<String> details = new ArrayList<>();
            for (JsonNode item : carrierErrors) {
                String detail = text(item, "detail");
                String title = text(item, "title");
                details.add(detail != null ? (title != null ? title + ": " + detail : detail) : String.valueOf(title));
            }
            return new DecodedError(null, String.join("; ", details));
        }
        String error = text(node, "error");
        String info = text(node, "info");
        if (info == null && error != null && error.strip().contains(" ")) {
            return new DecodedError(null, error);
        }
        return new DecodedError(error, info);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
