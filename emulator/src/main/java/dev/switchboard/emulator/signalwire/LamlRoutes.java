package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The compatibility (LaML) API's call and message lists, for usage:
 * {@code /api/laml/2010-04-01/Accounts/{AccountSid}/Calls[.json]} and {@code .../Messages[.json]}. Filters
 * {@code To}, {@code From} (exact), and dates Twilio-style: {@code StartTime>=D} arrives as the parameter
 * {@code StartTime>} (on or after day D), {@code StartTime<=D} as {@code StartTime<} (on or before day D),
 * {@code StartTime=D} that day only; {@code DateSent} likewise. Paging: {@code Page} (0-based),
 * {@code PageSize} (1 to 1000, default 50), {@code PageToken} ({@code PA<sid>}, required when
 * {@code Page > 0}); {@code next_page_uri} is a path from the space root, null on the last page. Errors
 * are the flat LaML shape. Records come from the state file or the admin handle.
 */
final class LamlRoutes {
    static final String PREFIX = "/api/laml/2010-04-01/Accounts/";

    private LamlRoutes() {
    }

    static ApiResponse calls(SwCall call) {
        return list(call, call.project().calls.values(), "calls", "StartTime");
    }

    static ApiResponse messages(SwCall call) {
        return list(call, call.project().messages.values(), "messages", "DateSent");
    }

    private static ApiResponse list(SwCall call, Collection<SwRecord> records, String field, String dateParam) {
        if (!call.project().projectId.equals(call.param("accountSid"))) {
            throw SwErrors.laml(404, "20404", "The requested resource " + call.request().path() + " was not found");
        }
        String to = call.query("To");
        String from = call.query("From");
        LocalDate onOrAfter = date(call, dateParam + ">", dateParam + ">=");
        LocalDate onOrBefore = date(call, dateParam + "<", dateParam + "<=");
        LocalDate on = date(call, dateParam, null);
        List<SwRecord> matching = records.stream()
                .filter(r -> to == null || to.equals(r.text("to")))
                .filter(r -> from == null || from.equals(r.text("from")))
                .filter(r -> inRange(r.at(), onOrAfter, onOrBefore, on))
                .sorted(Comparator.comparing(SwRecord::at).thenComparingLong(SwRecord::seq).reversed())
                .toList();
        int page = intParam(call, "Page", 0, Integer.MAX_VALUE);
        int size = call.query("PageSize") == null ? 50 : intParam(call, "PageSize", 1, 1000);
        String token = call.query("PageToken");
        if (page > 0 && token == null) {
            throw SwErrors.laml(400, "20001", "PageToken is required when Page is greater than 0");
        }
        int start = 0;
        if (token != null) {
            start = indexAfter(matching, token);
        }
        List<SwRecord> slice = matching.subList(start, Math.min(matching.size(), start + size));
        String path = call.request().path();
        String filters = filterQuery(call);
        ObjectNode body = Json.object();
        body.put("uri", path + "?" + filters + "Page=" + page + "&PageSize=" + size
                + (token == null ? "" : "&PageToken=" + token));
        body.put("first_page_uri", path + "?" + filters + "Page=0&PageSize=" + size);
        boolean more = start + slice.size() < matching.size() && !slice.isEmpty();
        body.put("next_page_uri", more ? path + "?" + filters + "Page=" + (page + 1) + "&PageSize=" + size
                + "&PageToken=PA" + slice.get(slice.size() - 1).id() : null);
        body.put("previous_page_uri", page > 0 ? path + "?" + filters + "Page=" + (page - 1) + "&PageSize=" + size : null);
        body.put("page", page).put("page_size", size).put("start", start).put("end", start + slice.size() - 1);
        ArrayNode items = body.putArray(field);
        slice.forEach(r -> items.add(r.resource().deepCopy()));
        return ApiResponse.json(200, body);
    }

    private static boolean inRange(Instant at, LocalDate onOrAfter, LocalDate onOrBefore, LocalDate on) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return (onOrAfter == null || !day.isBefore(onOrAfter)) && (onOrBefore == null || !day.isAfter(onOrBefore))
                && (on == null || day.equals(on));
    }

    private static int indexAfter(List<SwRecord> records, String token) {
        if (token.startsWith("PA")) {
            String sid = token.substring(2);
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).id().equals(sid)) {
                    return i + 1;
                }
            }
        }
        throw SwErrors.laml(400, "20001", "PageToken is invalid");
    }

    private static LocalDate date(SwCall call, String name, String alternative) {
        String text = call.query(name);
        if (text == null && alternative != null) {
            text = call.query(alternative);
        }
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw SwErrors.laml(400, "20001", name + " must be a date YYYY-MM-DD");
        }
    }

    private static int intParam(SwCall call, String name, int min, int max) {
        String text = call.query(name);
        if (text == null) {
            return min;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw SwErrors.laml(400, "20001", name + " must be an integer from " + min);
    }

    /** The filter parameters of the request, re-encoded, each followed by {@code &}. */
    private static String filterQuery(SwCall call) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : call.request().query().entrySet()) {
            String name = parameter.getKey();
            if (!name.equals("Page") && !name.equals("PageSize") && !name.equals("PageToken")) {
                query.append(RelayPage.encode(name)).append('=').append(RelayPage.encode(parameter.getValue())).append('&');
            }
        }
        return query.toString();
    }
}
