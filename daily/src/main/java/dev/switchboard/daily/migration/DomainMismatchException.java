package dev.switchboard.daily.migration;

/** The source and target keys belong to the same domain (or a plan names other domains than the keys'). */
public final class DomainMismatchException extends RuntimeException {
    public DomainMismatchException(String message) {
        super(message);
    }
}
