package dev.switchboard.daily;

import java.util.Objects;
import java.util.Optional;

/**
 * Daily's rules for choosing between {@code sipCallTransfer} and {@code sipRefer}:
 * <ul>
 *   <li>REFER takes SIP URIs only, so a phone-number target needs a call transfer;</li>
 *   <li>REFER needs both the originating and the target endpoint outside Daily's SIP network, so a transfer to a
 *       room (room-to-room) and a caller that came in over the PSTN (through a Daily number) need a call
 *       transfer;</li>
 *   <li>REFER needs an originating SIP system that supports it; if it does not, use a call transfer;</li>
 *   <li>otherwise (external SIP to external SIP) REFER is preferred: Daily leaves the call, no latency loop
 *       through Daily, one fee instead of two legs billed for the rest of the call.</li>
 * </ul>
 * The origin is the far end of the participant's call (who dialled in, or whom Daily dialled out to); it is
 * optional because presence does not show it; without it REFER cannot be shown to be safe.
 */
public final class TransferAdvisor {
    private TransferAdvisor() {
    }

    /** Why a REFER from {@code origin} (null: unknown) to {@code target} is ruled out, or empty if it is not. */
    public static Optional<String> referRuledOut(CallEndpoint origin, CallEndpoint target, boolean originSupportsRefer) {
        Objects.requireNonNull(target, "target");
        if (target instanceof CallEndpoint.Pstn) {
            return Optional.of("REFER takes SIP URIs only; a phone-number target needs sipCallTransfer");
        }
        if (target instanceof CallEndpoint.DailySip sip) {
            return Optional.of("the target " + sip.host() + " is inside Daily's SIP network (a room); REFER needs both "
                    + "ends outside Daily, so a room-to-room move is a sipCallTransfer");
        }
        if (origin instanceof CallEndpoint.Pstn) {
            return Optional.of("the caller is on the phone network (through a Daily number), so there is no "
                    + "originating SIP system to hand the call back to");
        }
        if (origin instanceof CallEndpoint.DailySip sip) {
            return Optional.of("the originating endpoint " + sip.host() + " is inside Daily's SIP network; REFER needs "
                    + "both ends outside Daily");
        }
        if (!originSupportsRefer) {
            return Optional.of("the originating SIP system does not support REFER");
        }
        return Optional.empty();
    }

    /** The method Daily's rules pick, with the reason and the cost. */
    public static TransferAdvice choose(CallEndpoint origin, CallEndpoint target, boolean originSupportsRefer) {
        Optional<String> ruledOut = referRuledOut(origin, target, originSupportsRefer);
        if (ruledOut.isEmpty() && origin instanceof CallEndpoint.ExternalSip from) {
            return new TransferAdvice(TransferMethod.SIP_REFER,
                    "both ends are outside Daily's SIP network: REFER hands the call back to " + from.host()
                            + ", which connects to the target directly, and Daily leaves the call",
                    referCost());
        }
        String reason = ruledOut.orElse("the caller's origin is unknown (pass it to consider REFER), and a call "
                + "transfer works for every origin");
        return new TransferAdvice(TransferMethod.SIP_CALL_TRANSFER, reason, anchoredCost(origin, target));
    }

    /** The billing consequence of a call transfer between these ends. */
    public static String anchoredCost(CallEndpoint origin, CallEndpoint target) {
        String from = origin == null ? "the original" : origin instanceof CallEndpoint.Pstn ? "the original PSTN"
                : "the original SIP";
        String to = target instanceof CallEndpoint.Pstn ? "a new PSTN" : "a new SIP";
        return "anchored: Daily stays in the media path, so " + from + " leg and " + to
                + " leg are both billed per minute for the rest of the call";
    }

    /** The billing consequence of a REFER. */
    public static String referCost() {
        return "a one-time SIP REFER fee may apply; no Daily usage accrues once the REFER succeeds";
    }
}
