package dev.switchboard.daily;

import java.util.Objects;

/** Which transfer method to use, why (one sentence) and what it costs (one sentence). */
public record TransferAdvice(TransferMethod method, String reason, String cost) {
    public TransferAdvice {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cost, "cost");
    }
}
