package dev.switchboard.core.inventory;

/** An inventory file that cannot be planned: {@code path} names the place ({@code daily.webhooks[2].url}). */
public final class InvalidInventoryException extends IllegalArgumentException {
    private final String path;

    public InvalidInventoryException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
