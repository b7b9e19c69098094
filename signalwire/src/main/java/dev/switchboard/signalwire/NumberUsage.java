package dev.switchboard.signalwire;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one number did between two dates (both inclusive, UTC): calls and messages it received
 * ({@code To} = the number) and sent ({@code From} = the number), from the compatibility API's lists.
 */
public record NumberUsage(String number, LocalDate from, LocalDate to, List<CallRecord> inboundCalls,
                          List<CallRecord> outboundCalls, List<MessageRecord> inboundMessages,
                          List<MessageRecord> outboundMessages) {
    public NumberUsage {
        Objects.requireNonNull(number, "number");
        inboundCalls = List.copyOf(inboundCalls);
        outboundCalls = List.copyOf(outboundCalls);
        inboundMessages = List.copyOf(inboundMessages);
        outboundMessages = List.copyOf(outboundMessages);
    }

    /** Seconds of finished calls, both directions. */
    public long callSeconds() {
        return sumSeconds(inboundCalls) + sumSeconds(outboundCalls);
    }

    public long inboundCallSeconds() {
        return sumSeconds(inboundCalls);
    }

    public long outboundCallSeconds() {
        return sumSeconds(outboundCalls);
    }

    private static long sumSeconds(List<CallRecord> calls) {
        return calls.stream().map(CallRecord::durationSeconds).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
