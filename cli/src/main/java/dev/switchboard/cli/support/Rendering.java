package dev.switchboard.cli.support;

import java.util.List;

/**
 * How one command's data is printed: the format, the chosen fields ({@code --fields}; empty means all),
 * whether the table/CSV/TSV header row is printed, and the widest a table line may be (0: no limit).
 */
public record Rendering(OutputFormat format, List<String> fields, boolean header, int width) {
    public static final int UNLIMITED = 0;

    public Rendering {
        fields = List.copyOf(fields);
    }

    /** All fields, with a header, no width limit. */
    public static Rendering of(OutputFormat format) {
        return new Rendering(format, List.of(), true, UNLIMITED);
    }
}
