package dev.switchboard.daily;

import java.util.Objects;

/**
 * A {@code sipCallTransfer}: move the SIP/PSTN participant {@code sessionId} to {@code target} (a room's SIP
 * URI, an external SIP URI or a phone number). {@code callerId} (a purchased number's id) applies to phone
 * targets only; {@code extension} (1-20 characters) is dialled {@code waitBeforeExtensionDialSec} (0-60) after
 * the answer.
 */
public record CallTransferRequest(String sessionId, CallEndpoint target, String callerId, String extension,
                                  Integer waitBeforeExtensionDialSec) {
    public CallTransferRequest {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("a transfer needs the participant's session id");
        }
        Objects.requireNonNull(target, "target");
        if (callerId != null && !(target instanceof CallEndpoint.Pstn)) {
            throw new IllegalArgumentException("a caller id applies to transfers to a phone number only");
        }
        checkExtension(extension, waitBeforeExtensionDialSec);
    }

    public static CallTransferRequest of(String sessionId, CallEndpoint target) {
        return new CallTransferRequest(sessionId, target, null, null, null);
    }

    public CallTransferRequest withCallerId(String numberId) {
        return new CallTransferRequest(sessionId, target, numberId, extension, waitBeforeExtensionDialSec);
    }

    static void checkExtension(String extension, Integer waitSeconds) {
        if (extension != null && (extension.isEmpty() || extension.length() > 20)) {
            throw new IllegalArgumentException("an extension is 1 to 20 characters");
        }
        if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > 60)) {
            throw new IllegalArgumentException("the wait before dialling the extension is 0 to 60 seconds");
        }
    }
}
