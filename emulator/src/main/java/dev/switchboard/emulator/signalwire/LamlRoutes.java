package dev.switchboard.emulator.signalwire;

import dev.switchboard.emulator.server.ApiResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The compatibility (LaML) API's call and message lists, for usage:
 * {@code /api/laml/2010-04-01/Accounts/{AccountSid}/Calls[.json]} and {@code .../Messages[.json]}. Filters
 * {@code To}, {@code From} (exact), and dates Twilio-style: {@code StartTime>=X} arrives as the parameter
 * {@code StartTime>} (at or after X), {@code StartTime<=X} as {@code StartTime<} (at or before X),
 * {@code StartTime=X} on X's UTC day; {@code DateSent} likewise. X is a bare date (whole UTC days), an
 * ISO-8601 date-time (with {@code Z}, an offset, or none for UTC) or an RFC 2822 date-time, as Twilio-style
 * clients send them. Paging: {@link LamlPage}. Errors are the flat LaML shape. Records come from the state
 * file or the admin handle.
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

    /** Answers 404 unless the path's account is the caller's project. */
    static void checkAccount(SwCall call) {
        if (!call.project().projectId.equals(call.param("accountSid"))) {
            throw SwErrors.lamlNotFound(call.request().path());
        }
    }

    private static ApiResponse list(SwCall call, Collection<SwRecord> records, String field, String dateParam) {
        checkAccount(call);
        String to = call.query("To");
        String from = call.query("From");
        Instant notBefore = lowerBound(call, dateParam);
        Instant before = upperBound(call, dateParam);
        List<SwRecord> matching = records.stream()
                .filter(r -> to == null || to.equals(r.text("to")))
                .filter(r -> from == null || from.equals(r.text("from")))
                .filter(r -> (notBefore == null || !r.at().isBefore(notBefore)) && (before == null || r.at().isBefore(before)))
                .sorted(Comparator.comparing(SwRecord::at).thenComparingLong(SwRecord::seq).reversed())
                .toList();
        return ApiResponse.json(200, LamlPage.answer(call, matching, field, SwRecord::id, r -> r.resource().deepCopy()));
    }

    /** The inclusive lower bound from {@code X>} / {@code X>=} and {@code X=}, or null. */
    private static Instant lowerBound(SwCall call, String name) {
        Instant result = null;
        When after = when(call, name + ">", name + ">=");
        if (after != null) {
            result = after.start();
        }
        When on = when(call, name, null);
        if (on != null) {
            result = latest(result, on.dayStart());
        }
        return result;
    }

    /** The exclusive upper bound from {@code X<} / {@code X<=} and {@code X=}, or null. */
    private static Instant upperBound(SwCall call, String name) {
        Instant result = null;
        When until = when(call, name + "<", name + "<=");
        if (until != null) {
            result = until.endExclusive();
        }
        When on = when(call, name, null);
        if (on != null) {
            Instant dayEnd = on.dayStart().plusSeconds(86_400);
            result = result == null || dayEnd.isBefore(result) ? dayEnd : result;
        }
        return result;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** A filter value: a whole UTC day, or one instant. */
    private record When(Instant instant, boolean wholeDay) {
        Instant start() {
            return instant;
        }

        Instant endExclusive() {
            return wholeDay ? instant.plusSeconds(86_400) : instant.plusNanos(1);
        }

        Instant dayStart() {
            return instant.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    private static When when(SwCall call, String name, String alternative) {
        String text = call.query(name);
        if (text == null && alternative != null) {
            text = call.query(alternative);
        }
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return new When(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
        } catch (DateTimeParseException notADate) {
            // a date-time, below
        }
        try {
            return new When(OffsetDateTime.parse(value).toInstant(), false);
        } catch (DateTimeParseException notOffset) {
            // another form, below
        }
        try {
            return new When(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC), false);
        } catch (DateTimeParseException notLocal) {
            // another form, below
        }
        try {
            return new When(SwTime.parse(value, name), false);
        } catch (IllegalArgumentException e) {
            throw SwErrors.laml(400, "20001", name + " must be a date (YYYY-MM-DD), an ISO-8601 date-time or an"
                    + " RFC 2822 date-time");
        }
    }
}
