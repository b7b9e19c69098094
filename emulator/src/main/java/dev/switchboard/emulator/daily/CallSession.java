package dev.switchboard.emulator.daily;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated SIP or PSTN participant. {@code remote} is the far end: the caller for a dial-in ({@code +1...}
 * or {@code sip:...}), the destination for a dial-out. {@code dailyNumber} is the purchased number the call uses
 * (dialled for a dial-in, caller id for a PSTN dial-out), null for SIP. {@code transferId} links a session that
 * a call transfer brought into this room to that transfer.
 */
record CallSession(String sessionId, String room, Direction direction, String remote, String dailyNumber,
                   String callerIdNumber, String displayName, String userId, Instant joinedAt, String transferId,
                   List<String> dtmf) {

    enum Direction { DIALIN, DIALOUT }

    CallSession {
        dtmf = dtmf == null ? new ArrayList<>() : dtmf;
    }

    boolean sip() {
        return remote.regionMatches(true, 0, "sip:", 0, 4);
    }
}
