package dev.switchboard.emulator.daily;

/**
 * Choices where Daily's sources disagree.
 *
 * @param availableNumberKey the item key of {@code /list-available-numbers}: {@code phoneNumber} (the spec's
 *                           example, the default) or {@code number} (Pipecat's docs)
 */
public record DailyOptions(String availableNumberKey) {
    public DailyOptions {
        if (!"phoneNumber".equals(availableNumberKey) && !"number".equals(availableNumberKey)) {
            throw new IllegalArgumentException("availableNumberKey is phoneNumber or number");
        }
    }

    public static DailyOptions defaults() {
        return new DailyOptions("phoneNumber");
    }
}
