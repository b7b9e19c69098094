package dev.switchboard.signalwire.bulk;

/**
 * A test seam in bulk applies: called after a step's provider call succeeded and before its DONE record is
 * journaled, the one moment a crash leaves the journal saying BEGIN while the provider has acted. A hook
 * that throws stops the entry there, as a crash would.
 */
@FunctionalInterface
public interface ApplyHook {
    ApplyHook NONE = (entry, step) -> { };

    void beforeDone(String entry, String step);
}
