package dev.switchboard.cli.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows of one kind printed as an aligned table, CSV (RFC 4180), TSV, a JSON array or (for commands
 * that return one thing) a JSON object. Each column has a header for the table and a key for JSON, CSV
 * and TSV; the keys are the documented, stable schema (docs/output.md) and the names {@code --fields}
 * takes. JSON values keep their types (numbers, booleans, null); times are ISO-8601 UTC to the second.
 */
public final class Table<T> {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private record Column<T>(String header, String jsonKey, Function<T, Object> value) {
    }

    private final List<Column<T>> columns = new ArrayList<>();

    public static <T> Table<T> of(Class<T> rowType) {
        return new Table<>();
    }

    public Table<T> column(String header, String jsonKey, Function<T, Object> value) {
        columns.add(new Column<>(header, jsonKey, value));
        return this;
    }

    /** A table of only these columns of this one, in the order given (a document's view and a table's share columns). */
    public Table<T> only(String... jsonKeys) {
        Table<T> view = new Table<>();
        view.columns.addAll(chosen(List.of(jsonKeys)));
        return view;
    }

    /** The field names ({@code --fields} values), in order. */
    public List<String> fields() {
        return columns.stream().map(Column::jsonKey).toList();
    }

    /**
     * Refuses field names this table does not have (exit 2, naming the valid ones). Commands that change
     * something call this before their first request, so a typo never follows a write.
     */
    public void check(List<String> fields) {
        List<String> unknown = fields.stream().filter(f -> !fields().contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw CliException.invalidInput("unknown field" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; valid fields: " + String.join(",", fields()));
        }
    }

    public void print(PrintWriter out, OutputFormat format, List<T> rows) {
        print(out, Rendering.of(format), rows);
    }

    /** Prints a list: a JSON array, or a header row (unless turned off) and one row per item. */
    public void print(PrintWriter out, Rendering rendering, List<T> rows) {
        List<Column<T>> chosen = chosen(rendering.fields());
        switch (rendering.format()) {
            case JSON -> out.println(toJson(rows.stream().map(row -> object(chosen, row)).toList()));
            case CSV -> delimited(out, chosen, rows, rendering.header(), ",", Cells::csv);
            case TSV -> delimited(out, chosen, rows, rendering.header(), "\t", Cells::tsv);
            case TABLE -> TextTable.print(out, headers(chosen), cells(chosen, rows), rendering.header(), rendering.width());
        }
        out.flush();
    }

    /** Prints one item: a JSON object rather than an array of one; one row otherwise. */
    public void printOne(PrintWriter out, Rendering rendering, T row) {
        if (rendering.format() == OutputFormat.JSON) {
            out.println(toJson(object(chosen(rendering.fields()), row)));
            out.flush();
        } else {
            print(out, rendering, List.of(row));
        }
    }

    /** The rows as JSON-ready objects holding the chosen fields (all when none are chosen), for a larger document. */
    public List<Map<String, Object>> objects(List<String> fields, List<T> rows) {
        List<Column<T>> chosen = chosen(fields);
        return rows.stream().map(row -> object(chosen, row)).toList();
    }

    private List<Column<T>> chosen(List<String> fields) {
        if (fields.isEmpty()) {
            return columns;
        }
        check(fields);
        List<Column<T>> chosen = new ArrayList<>();
        for (String field : fields) {
            columns.stream().filter(c -> c.jsonKey().equals(field)).findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    private static <T> Map<String, Object> object(List<Column<T>> chosen, T row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Column<T> column : chosen) {
            object.put(column.jsonKey(), Cells.normalized(column.value().apply(row)));
        }
        return object;
    }

    private static <T> List<String> headers(List<Column<T>> chosen) {
        return chosen.stream().map(Column::header).toList();
    }

    private static <T> List<List<String>> cells(List<Column<T>> chosen, List<T> rows) {
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (T row : rows) {
            cells.add(chosen.stream().map(c -> Cells.text(c.value().apply(row))).toList());
        }
        return cells;
    }

    private static <T> void delimited(PrintWriter out, List<Column<T>> chosen, List<T> rows, boolean header,
                                      String separator, Function<String, String> escape) {
        if (header) {
            out.println(String.join(separator, chosen.stream().map(c -> escape.apply(c.jsonKey())).toList()));
        }
        for (List<String> line : cells(chosen, rows)) {
            out.println(String.join(separator, line.stream().map(escape).toList()));
        }
    }

    /** Pretty JSON with ISO-8601 dates, as every {@code --output json} prints. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON output", e);
        }
    }
}
