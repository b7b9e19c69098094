package dev.switchboard.daily;

import java.util.Objects;

/**
 * What {@code POST /rooms/:name/dialOut/start} dials: a phone number (PSTN) or a SIP URI. {@code callerId} is
 * the <em>id</em> of a purchased number (see {@link CallerIds#resolve}), PSTN only; null lets Daily use the
 * domain's oldest number. Other fields are optional (null).
 */
public record DialOutRequest(CallEndpoint target, String callerId, String displayName, String userId,
                             String extension, Integer waitBeforeExtensionDialSec) {
    public DialOutRequest {
        Objects.requireNonNull(target, "target");
        if (callerId != null && !(target instanceof CallEndpoint.Pstn)) {
            throw new IllegalArgumentException("a caller id applies to phone-number dial-outs only");
        }
        if (userId != null && userId.length() > 36) {
            throw new IllegalArgumentException("userId is at most 36 characters");
        }
        CallTransferRequest.checkExtension(extension, waitBeforeExtensionDialSec);
    }

    public static DialOutRequest to(CallEndpoint target) {
        return new DialOutRequest(target, null, null, null, null, null);
    }

    public DialOutRequest withCallerId(String numberId) {
        return new DialOutRequest(target, numberId, displayName, userId, extension, waitBeforeExtensionDialSec);
    }

    public DialOutRequest withDisplayName(String value) {
        return new DialOutRequest(target, callerId, value, userId, extension, waitBeforeExtensionDialSec);
    }
}
