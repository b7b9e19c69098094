package dev.switchboard.cli.support;

import picocli.CommandLine.Option;

/** {@code --output table|json|csv}, shared by every command that prints data. */
public final class OutputMixin {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormatConverter.class,
            description = "Output format: table, json or csv (default: ${DEFAULT-VALUE}). JSON and CSV keys are stable.")
    OutputFormat format = OutputFormat.TABLE;

    public OutputFormat format() {
        return format;
    }

    static final class OutputFormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an output format; use table, json or csv");
            }
        }
    }
}
