package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiError;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.UnknownOutcomeException;

import java.util.regex.Pattern;

/**
 * Live call control in a room: dial-out start/stop/DTMF, {@code sipCallTransfer} and {@code sipRefer}. Every
 * call here is a non-idempotent POST: a 5xx, timeout or reset throws {@link UnknownOutcomeException} and is
 * never re-sent (a second transfer or dial-out would act twice); read presence or the webhook events to find
 * out what happened. {@code dialOut/start} draws from Daily's call-start rate class (1 per second, 5 per five
 * seconds), separate from the default budget. Get it from {@link DailyClient#calls()}. Thread-safe.
 */
public final class DailyCalls {
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-Da-dwW,]{1,20}");

    private final HttpApi api;
    private final HttpApi dialOutApi;

    DailyCalls(HttpApi api, HttpApi dialOutApi) {
        this.api = api;
        this.dialOutApi = dialOutApi;
    }

    /** Starts a dial-out from {@code room} and returns the new participant's session id. */
    public String startDialOut(String room, DialOutRequest request) {
        ObjectNode body = HttpJson.object();
        if (request.target() instanceof CallEndpoint.Pstn) {
            body.put("phoneNumber", request.target().wire());
        } else {
            body.put("sipUri", request.target().wire());
        }
        putIfPresent(body, "callerId", request.callerId());
        putIfPresent(body, "displayName", request.displayName());
        putIfPresent(body, "userId", request.userId());
        putIfPresent(body, "extension", request.extension());
        if (request.waitBeforeExtensionDialSec() != null) {
            body.put("waitBeforeExtensionDialSec", request.waitBeforeExtensionDialSec());
        }
        String path = roomPath(room, "/dialOut/start");
        JsonNode answer = dialOutApi.send(ApiRequest.post(path, body)).body();
        String sessionId = DailyMapping.text(answer, "sessionId");
        if (sessionId == null || sessionId.isBlank()) {
            throw new UnknownOutcomeException(new ApiError(200, null,
                    "the answer has no sessionId; check the room's presence", "POST", path, true), null);
        }
        return sessionId;
    }

    /** Hangs up a dial-out participant. */
    public void stopDialOut(String room, String sessionId) {
        api.send(ApiRequest.post(roomPath(room, "/dialOut/stop"), session(sessionId)));
    }

    /**
     * Sends DTMF tones (1-20 of {@code 0-9 * # A-D}) on a dial-out session; {@code digitDurationMs} 50-2000 or
     * null for Daily's default of 500.
     */
    public void sendDtmf(String room, String sessionId, String tones, Integer digitDurationMs) {
        if (tones == null || !DTMF.matcher(tones).matches()) {
            throw new IllegalArgumentException("DTMF tones are 1 to 20 of 0-9, *, #, A-D");
        }
        if (digitDurationMs != null && (digitDurationMs < 50 || digitDurationMs > 2000)) {
            throw new IllegalArgumentException("the digit duration is 50 to 2000 ms");
        }
        ObjectNode body = session(sessionId).put("tones", tones);
        if (digitDurationMs != null) {
            body.put("digitDurationMs", digitDurationMs);
        }
        api.send(ApiRequest.post(roomPath(room, "/dialOut/sendDTMF"), body));
    }

    /** {@code sipCallTransfer}: Daily stays in the media path and both legs keep billing. */
    public void sipCallTransfer(String room, CallTransferRequest request) {
        ObjectNode body = session(request.sessionId()).put("toEndPoint", request.target().wire());
        putIfPresent(body, "callerId", request.callerId());
        putIfPresent(body, "extension", request.extension());
        if (request.waitBeforeExtensionDialSec() != null) {
            body.put("waitBeforeExtensionDialSec", request.waitBeforeExtensionDialSec());
        }
        api.send(ApiRequest.post(roomPath(room, "/sipCallTransfer"), body));
    }

    /**
     * {@code sipRefer}: hands the SIP participant back to its originating system, which connects to
     * {@code target} directly; Daily leaves the call. SIP targets only.
     */
    public void sipRefer(String room, String sessionId, CallEndpoint target) {
        if (target instanceof CallEndpoint.Pstn) {
            throw new IllegalArgumentException("sipRefer takes a SIP URI only; use sipCallTransfer for a phone number");
        }
        api.send(ApiRequest.post(roomPath(room, "/sipRefer"), session(sessionId).put("toEndPoint", target.wire())));
    }

    private static ObjectNode session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("a session id is required");
        }
        return HttpJson.object().put("sessionId", sessionId);
    }

    private static String roomPath(String room, String action) {
        return "/rooms/" + HttpApi.pathSegment(room) + action;
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
