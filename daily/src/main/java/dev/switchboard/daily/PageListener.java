package dev.switchboard.daily;

/**
 * Hears of each page a paged list reads ({@code GET /purchased-phone-numbers}, {@code /domain-dialin-config},
 * …), so that reading a large domain can show progress. Called on the reading thread; keep it quick.
 */
@FunctionalInterface
public interface PageListener {
    PageListener NONE = (path, itemsRead, expectedTotal) -> { };

    /**
     * @param path          the list's path, e.g. {@code /purchased-phone-numbers}
     * @param itemsRead     the items of that list read so far
     * @param expectedTotal the list's {@code total_count} as the first page gave it, or -1 when Daily gave none
     */
    void page(String path, int itemsRead, long expectedTotal);
}
