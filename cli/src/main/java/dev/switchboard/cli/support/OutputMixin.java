package dev.switchboard.cli.support;

import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The output options every command that prints data shares: {@code --output}, {@code --fields},
 * {@code --no-header} and {@code --wide}. Commands hand their {@link Table} and rows here; the
 * shaping (field choice, header, terminal width) happens once, for all of them.
 */
public final class OutputMixin {
    /** Table width on a terminal whose width is unknown (no {@code COLUMNS}). */
    public static final int DEFAULT_TERMINAL_WIDTH = 100;

    private final CliContext context;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormatConverter.class,
            description = "Output format: table, json, csv or tsv (default: ${DEFAULT-VALUE}). JSON and CSV keys are stable.")
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--fields", paramLabel = "NAMES", split = ",",
            description = "Only these fields, in this order (the JSON keys, comma-separated).")
    List<String> fields = List.of();

    @Option(names = "--no-header", description = "Leave out the header row of table, csv and tsv output.")
    boolean noHeader;

    @Option(names = "--wide", description = "Do not shorten table cells to fit the terminal width.")
    boolean wide;

    OutputMixin(CliContext context) {
        this.context = context;
    }

    public OutputFormat format() {
        return format;
    }

    /** Format, fields, header and width as chosen on the command line and by the terminal. */
    public Rendering rendering() {
        int width = format == OutputFormat.TABLE && !wide ? tableWidth(context) : Rendering.UNLIMITED;
        return new Rendering(format, fields.stream().map(String::strip).filter(f -> !f.isEmpty()).toList(), !noHeader, width);
    }

    /** Prints a list of rows to stdout. */
    public <T> void print(Table<T> table, List<T> rows) {
        table.print(context.out(), rendering(), rows);
    }

    /** Prints one item to stdout (a JSON object, not an array of one). */
    public <T> void printOne(Table<T> table, T row) {
        table.printOne(context.out(), rendering(), row);
    }

    /** Refuses unknown {@code --fields} before a command changes anything. */
    public void check(Table<?> table) {
        table.check(rendering().fields());
    }

    /**
     * {@code COLUMNS} when set (Main fills it from the terminal when the shell did not export it); else
     * {@value #DEFAULT_TERMINAL_WIDTH} on a terminal, and no limit when the output goes to a pipe or file.
     */
    static int tableWidth(CliContext context) {
        String columns = context.environment().get("COLUMNS");
        if (columns != null) {
            try {
                int parsed = Integer.parseInt(columns.strip());
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // not a width: fall through to the default
            }
        }
        return context.interactive() ? DEFAULT_TERMINAL_WIDTH : Rendering.UNLIMITED;
    }

    static final class OutputFormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not an output format; use "
                        + String.join(", ", Arrays.stream(OutputFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
            }
        }
    }
}
