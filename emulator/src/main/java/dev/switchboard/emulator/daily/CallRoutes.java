package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Room call control: {@code dialOut/start|stop|sendDTMF}, {@code sipCallTransfer}, {@code sipRefer}, and
 * {@code /dialin/pinlessCallUpdate}, which connects a held pinless call to a room. Simulated far ends answer at
 * once. The calls' effects and webhook events are in {@link Telephony}.
 */
final class CallRoutes {
    private static final Set<String> DIAL_OUT_FIELDS = Set.of("sipUri", "phoneNumber", "extension",
            "waitBeforeExtensionDialSec", "displayName", "userId", "callerId", "video", "videoSettings", "codecs");
    private static final Set<String> TRANSFER_FIELDS = Set.of("sessionId", "toEndPoint", "callerId", "extension",
            "waitBeforeExtensionDialSec");
    private static final Set<String> DTMF_FIELDS = Set.of("sessionId", "tones", "digitDurationMs");
    private static final Pattern TONES = Pattern.compile("[0-9*#A-Da-dwW,]{1,20}");

    private CallRoutes() {
    }

    static ApiResponse dialOutStart(DailyCall call) {
        Room room = RoomRoutes.room(call);
        ObjectNode body = call.body(DIAL_OUT_FIELDS);
        if (!room.dialOutEnabled()) {
            throw DailyErrors.invalid("dial-out is not enabled for room " + room.name() + " (enable_dialout)");
        }
        String sipUri = Json.text(body, "sipUri");
        String phone = Json.text(body, "phoneNumber");
        if ((sipUri == null) == (phone == null)) {
            throw DailyErrors.invalid("give exactly one of sipUri and phoneNumber");
        }
        if (sipUri != null && !sipUri.regionMatches(true, 0, "sip:", 0, 4)) {
            throw DailyErrors.invalid("sipUri must start with sip:");
        }
        if (phone != null && !E164.valid(phone)) {
            throw DailyErrors.invalid("phoneNumber must be E.164");
        }
        checkExtension(body);
        String userId = Json.text(body, "userId");
        if (userId != null && userId.length() > 36) {
            throw DailyErrors.invalid("userId is at most 36 characters");
        }
        String callerIdNumber = null;
        if (phone != null) {
            callerIdNumber = callerIdNumber(call, Json.text(body, "callerId"));
        } else if (body.has("callerId")) {
            throw DailyErrors.invalid("callerId applies to phoneNumber dial-outs only");
        }
        String display = Json.text(body, "displayName") != null ? Json.text(body, "displayName")
                : phone != null ? phone : sipUri;
        CallSession session = Telephony.join(call.state(), call.domain(), room.name(), CallSession.Direction.DIALOUT,
                phone != null ? phone : sipUri, callerIdNumber, callerIdNumber, display, userId, null, true);
        return ApiResponse.json(200, Json.object().put("ok", true).put("sessionId", session.sessionId()));
    }

    static ApiResponse dialOutStop(DailyCall call) {
        Room room = RoomRoutes.room(call);
        CallSession session = session(call, room, call.body(Set.of("sessionId")));
        if (session.direction() != CallSession.Direction.DIALOUT) {
            throw DailyErrors.invalid("session " + session.sessionId() + " is not a dial-out");
        }
        Telephony.leave(call.state(), call.domain(), session);
        return ApiResponse.json(200, Json.object().put("status", "sent"));
    }

    static ApiResponse sendDtmf(DailyCall call) {
        Room room = RoomRoutes.room(call);
        ObjectNode body = call.body(DTMF_FIELDS);
        CallSession session = session(call, room, body);
        String tones = Json.text(body, "tones");
        if (tones == null || !TONES.matcher(tones).matches()) {
            throw DailyErrors.invalid("tones must be 1-20 of 0-9, *, #, A-D");
        }
        JsonNode duration = body.get("digitDurationMs");
        if (duration != null && (!duration.isInt() || duration.asInt() < 50 || duration.asInt() > 2000)) {
            throw DailyErrors.invalid("digitDurationMs must be an integer from 50 to 2000");
        }
        session.dtmf().add(tones);
        return ApiResponse.json(200, Json.object().put("ok", true).put("sessionId", session.sessionId()));
    }

    static ApiResponse sipCallTransfer(DailyCall call) {
        Room room = RoomRoutes.room(call);
        ObjectNode body = call.body(TRANSFER_FIELDS);
        CallSession session = session(call, room, body);
        String target = target(body);
        boolean phoneTarget = target.startsWith("+");
        if (body.has("callerId")) {
            if (!phoneTarget) {
                throw DailyErrors.invalid("callerId applies to phone-number targets only");
            }
            callerIdNumber(call, Json.text(body, "callerId"));
        }
        checkExtension(body);
        Telephony.transfer(call.state(), call.domain(), session, target, false);
        return ApiResponse.json(200, Json.object().put("ok", true));
    }

    static ApiResponse sipRefer(DailyCall call) {
        Room room = RoomRoutes.room(call);
        ObjectNode body = call.body(Set.of("sessionId", "toEndPoint"));
        CallSession session = session(call, room, body);
        String target = target(body);
        if (target.startsWith("+")) {
            throw DailyErrors.invalid("sipRefer takes a SIP URI as toEndPoint");
        }
        if (!session.sip()) {
            throw DailyErrors.invalid("sipRefer needs a SIP participant; session " + session.sessionId()
                    + " is a phone call");
        }
        Telephony.transfer(call.state(), call.domain(), session, target, true);
        return ApiResponse.json(200, Json.object().put("ok", true));
    }

    static ApiResponse pinlessCallUpdate(DailyCall call) {
        ObjectNode body = call.body(Set.of("callId", "callDomain", "sipUri"));
        DailyDomain domain = call.domain();
        HeldCall held = domain.heldCalls.get(Json.text(body, "callId"));
        if (held == null || !domain.id.equals(Json.text(body, "callDomain"))) {
            throw DailyErrors.notFound("no held call with this callId and callDomain");
        }
        String sipUri = Json.text(body, "sipUri");
        Room room = domain.rooms.values().stream().filter(r -> sipUri != null && r.hasEndpoint(sipUri)).findFirst()
                .orElseThrow(() -> DailyErrors.invalid("sipUri is not the SIP endpoint of a room of this domain"));
        domain.heldCalls.remove(held.callId());
        Telephony.join(call.state(), domain, room.name(), CallSession.Direction.DIALIN, held.from(), held.to(), null,
                held.from(), null, null, true);
        return ApiResponse.json(200, Json.object().put("ok", true));
    }

    private static CallSession session(DailyCall call, Room room, ObjectNode body) {
        String sessionId = Json.text(body, "sessionId");
        if (sessionId == null) {
            throw DailyErrors.invalid("missing required field: sessionId");
        }
        CallSession session = call.domain().sessions.get(sessionId);
        if (session == null || !session.room().equals(room.name())) {
            throw DailyErrors.notFound("no SIP or PSTN participant " + sessionId + " in room " + room.name());
        }
        return session;
    }

    private static String target(ObjectNode body) {
        String target = Json.text(body, "toEndPoint");
        if (target == null) {
            throw DailyErrors.invalid("missing required field: toEndPoint");
        }
        if (!E164.valid(target) && !target.regionMatches(true, 0, "sip:", 0, 4)) {
            throw DailyErrors.invalid("toEndPoint must be a sip: URI or an E.164 number");
        }
        return target;
    }

    /** The number a caller id (a purchased number's id) stands for; the domain's oldest number when absent. */
    private static String callerIdNumber(DailyCall call, String callerId) {
        if (callerId == null) {
            return call.domain().numbers.values().stream().min(Comparator.comparing(PhoneNumber::createdDate)
                            .thenComparingLong(PhoneNumber::paginationId)).map(PhoneNumber::number)
                    .orElseThrow(() -> DailyErrors.invalid("the domain has no purchased number to use as caller id"));
        }
        PhoneNumber number = call.domain().numbers.get(callerId);
        if (number == null) {
            throw DailyErrors.invalid("callerId must be the id of a number purchased on this domain");
        }
        return number.number();
    }

    private static void checkExtension(ObjectNode body) {
        String extension = Json.text(body, "extension");
        if (body.has("extension") && (extension == null || extension.isEmpty() || extension.length() > 20)) {
            throw DailyErrors.invalid("extension must be 1-20 characters");
        }
        JsonNode wait = body.get("waitBeforeExtensionDialSec");
        if (wait != null && (!wait.isInt() || wait.asInt() < 0 || wait.asInt() > 60)) {
            throw DailyErrors.invalid("waitBeforeExtensionDialSec must be an integer from 0 to 60");
        }
    }
}
