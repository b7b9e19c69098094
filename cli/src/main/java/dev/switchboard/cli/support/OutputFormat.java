package dev.switchboard.cli.support;

/** How a command prints its result: {@code --output table|json|csv|tsv}. */
public enum OutputFormat {
    TABLE, JSON, CSV, TSV
}
