package dev.switchboard.daily.migration;

import dev.switchboard.daily.DailyClient;

import java.util.Objects;

/** The read-only planning phase: reads both domains and refuses when the two keys share one domain. */
public final class Planner {
    private final DailyClient source;
    private final DailyClient target;

    public Planner(DailyClient source, DailyClient target) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Reads both domains, every independent listing at once ({@link InventoryReads}).
     *
     * @throws DomainMismatchException when both keys belong to the same domain
     */
    public Discovery discover() {
        InventoryReads.Both both = InventoryReads.both(source, target);
        requireDistinct(both.source(), both.target());
        return Discovery.of(both.source(), both.target());
    }

    static void requireDistinct(DomainInventory source, DomainInventory target) {
        if (DomainRef.of(source.domain()).matches(target.domain())) {
            throw new DomainMismatchException("the source and target keys both belong to domain "
                    + source.ref() + "; use the key of the domain the numbers should move to as DAILY_TARGET_API_KEY");
        }
    }
}
