package dev.switchboard.daily;

import java.time.Instant;

/**
 * An entry of {@code GET /purchased-phone-numbers}. {@code id} is null for verified caller ids (numbers
 * owned elsewhere), which cannot be transferred or released. Entries flagged {@code deleted} are already
 * released; the listing returns them as Daily sends them, so filter with {@link #isDeleted()}.
 */
public record PurchasedNumber(String id, Long paginationId, String number, String name, String type, String status,
                              Boolean verified, Instant createdDate, String country, String provider, Boolean deleted) {

    /** True for a number bought on Daily (it has an id), false for a verified caller id. */
    public boolean hasId() {
        return id != null && !id.isBlank();
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }
}
