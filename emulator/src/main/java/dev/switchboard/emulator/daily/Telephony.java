package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What happens to simulated calls: sessions joining and leaving rooms, transfers and REFERs, and the webhook
 * events each step emits (payload fields as Daily documents them). Runs under the provider's lock.
 */
final class Telephony {
    private Telephony() {
    }

    static String withoutSipScheme(String uri) {
        return uri != null && uri.regionMatches(true, 0, "sip:", 0, 4) ? uri.substring(4) : uri;
    }

    /** A SIP/PSTN participant joins {@code room}; {@code announce} adds dialin.connected or dialout.connected/answered. */
    static CallSession join(DailyState state, DailyDomain domain, String room, CallSession.Direction direction,
                            String remote, String dailyNumber, String callerIdNumber, String displayName,
                            String userId, String transferId, boolean announce) {
        String sessionId = state.newId();
        String mtgSession = state.meetingSession(domain, room);
        CallSession session = new CallSession(sessionId, room, direction, remote, dailyNumber, callerIdNumber,
                displayName, userId, state.now(), transferId, null);
        domain.participants.add(new Participant(sessionId, room, userId, displayName, mtgSession, state.now()));
        domain.sessions.put(sessionId, session);
        state.events.emit(domain, "participant.joined", sessionId, participant(state, session, false));
        if (announce && direction == CallSession.Direction.DIALIN) {
            state.events.emit(domain, "dialin.connected", sessionId, dialin(state, domain, session));
        } else if (announce) {
            state.events.emit(domain, "dialout.connected", sessionId, dialout(state, domain, session));
            state.events.emit(domain, "dialout.answered", sessionId, dialout(state, domain, session));
        }
        return session;
    }

    /** The session leaves its room; if a call transfer brought it there, that transfer completes. */
    static void leave(DailyState state, DailyDomain domain, CallSession session) {
        domain.sessions.remove(session.sessionId());
        domain.participants.removeIf(p -> p.id().equals(session.sessionId()));
        state.events.emit(domain, "participant.left", session.sessionId(), participant(state, session, true));
        String stopped = session.direction() == CallSession.Direction.DIALIN ? "dialin.stopped" : "dialout.stopped";
        state.events.emit(domain, stopped, session.sessionId(), session.direction() == CallSession.Direction.DIALIN
                ? dialin(state, domain, session) : dialout(state, domain, session));
        if (session.transferId() != null) {
            ActiveTransfer transfer = domain.transfers.get(session.transferId());
            if (transfer != null) {
                complete(state, domain, transfer);
            }
        }
    }

    /**
     * Moves the caller: {@code calltransfer.triggered}, the caller leaves (participant.left, dialin/dialout.stopped),
     * {@code calltransfer.initiated}; then for a call transfer the target answers ({@code calltransfer.answered}),
     * landing the caller in the target room when the target is one of this domain's rooms. A REFER ends there:
     * Daily is out of the call, so no answered or completed follow.
     */
    static void transfer(DailyState state, DailyDomain domain, CallSession session, String toEndpoint, boolean refer) {
        String mtgSession = state.meetingSession(domain, session.room());
        ObjectNode base = Json.object().put("domain_id", domain.id).put("room", session.room())
                .put("session_id", session.sessionId()).put("mtg_session_id", mtgSession)
                .put("to_endpoint", toEndpoint).put("from_endpoint", session.remote());
        state.events.emit(domain, "calltransfer.triggered", session.sessionId(), transferPayload(state, base, refer));
        leave(state, domain, session);
        state.events.emit(domain, "calltransfer.initiated", session.sessionId(), transferPayload(state, base, refer));
        if (refer) {
            return;
        }
        String transferId = state.newId();
        Optional<Room> targetRoom = domain.rooms.values().stream().filter(r -> r.hasEndpoint(toEndpoint)).findFirst();
        String landed = targetRoom.map(room -> join(state, domain, room.name(), session.direction(), session.remote(),
                session.dailyNumber(), session.callerIdNumber(), session.displayName(), session.userId(), transferId,
                false).sessionId()).orElse(null);
        domain.transfers.put(transferId, new ActiveTransfer(transferId, session.sessionId(), session.room(), mtgSession,
                session.remote(), toEndpoint, landed));
        state.events.emit(domain, "calltransfer.answered", session.sessionId(), transferPayload(state, base, null));
    }

    /** The transfer's far end hung up: {@code calltransfer.completed} in the source room. */
    static void complete(DailyState state, DailyDomain domain, ActiveTransfer transfer) {
        domain.transfers.remove(transfer.id());
        ObjectNode payload = Json.object().put("domain_id", domain.id).put("room", transfer.sourceRoom())
                .put("timestamp", state.events.timestamp()).put("session_id", transfer.sessionId())
                .put("mtg_session_id", transfer.mtgSessionId()).put("to_endpoint", transfer.toEndpoint())
                .put("from_endpoint", transfer.fromEndpoint());
        state.events.emit(domain, "calltransfer.completed", transfer.sessionId(), payload);
    }

    /** Ends every call that uses {@code number} (dialled in on it, or dialling out with it as caller id). */
    static int dropCallsOn(DailyState state, DailyDomain domain, String number) {
        List<CallSession> affected = domain.sessions.values().stream()
                .filter(s -> number.equals(s.dailyNumber()) || number.equals(s.callerIdNumber())).toList();
        affected.forEach(s -> leave(state, domain, s));
        return affected.size();
    }

    private static ObjectNode transferPayload(DailyState state, ObjectNode base, Boolean refer) {
        ObjectNode payload = base.deepCopy().put("timestamp", state.events.timestamp());
        if (refer != null) {
            payload.put("is_sip_refer", refer);
        }
        return payload;
    }

    private static ObjectNode participant(DailyState state, CallSession session, boolean left) {
        ObjectNode node = Json.object();
        node.put("joined_at", session.joinedAt().getEpochSecond()).put("session_id", session.sessionId())
                .put("room", session.room()).put("user_id", session.userId()).put("user_name", session.displayName())
                .put("owner", false).put("networkQualityState", "good").putNull("will_eject_at");
        node.putObject("permissions").put("hasPresence", true).put("canSend", true).put("canReceive", true)
                .put("canAdmin", false);
        if (left) {
            node.put("duration", Math.max(0, Duration.between(session.joinedAt(), state.now()).toSeconds()));
        }
        return node;
    }

    private static ObjectNode dialin(DailyState state, DailyDomain domain, CallSession session) {
        ObjectNode node = Json.object().put("timestamp", state.events.timestamp()).put("session_id", session.sessionId())
                .put("sip_from", session.remote()).put("domain_id", domain.id).put("room", session.room())
                .put("display_name", session.displayName());
        node.putObject("sip_headers");
        return node;
    }

    private static ObjectNode dialout(DailyState state, DailyDomain domain, CallSession session) {
        return Json.object().put("timestamp", state.events.timestamp()).put("session_id", session.sessionId())
                .put("user_id", session.userId()).put("domain_id", domain.id).put("room", session.room())
                .put("destination", session.remote()).put("caller_id", session.callerIdNumber());
    }
}
