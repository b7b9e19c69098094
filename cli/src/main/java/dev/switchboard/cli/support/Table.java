package dev.switchboard.cli.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.PrintWriter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows of one kind printed as an aligned table, CSV (RFC 4180) or a JSON array. Each column has a
 * header for table/CSV and a key for JSON; the JSON keys are the documented, stable schema
 * (docs/output.md), and JSON values keep their types (numbers, booleans, null).
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

    public void print(PrintWriter out, OutputFormat format, List<T> rows) {
        switch (format) {
            case JSON -> printJson(out, rows);
            case CSV -> printCsv(out, rows);
            case TABLE -> printTable(out, rows);
        }
        out.flush();
    }

    private void printJson(PrintWriter out, List<T> rows) {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (T row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Column<T> column : columns) {
                object.put(column.jsonKey(), column.value().apply(row));
            }
            objects.add(object);
        }
        out.println(toJson(objects));
    }

    /** Pretty JSON with ISO-8601 dates, as every {@code --output json} prints. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON output", e);
        }
    }

    private void printCsv(PrintWriter out, List<T> rows) {
        out.println(String.join(",", columns.stream().map(c -> csvField(c.jsonKey())).toList()));
        for (T row : rows) {
            out.println(String.join(",", columns.stream().map(c -> csvField(text(c.value().apply(row)))).toList()));
        }
    }

    private void printTable(PrintWriter out, List<T> rows) {
        List<String[]> cells = new ArrayList<>();
        for (T row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                line[i] = text(columns.get(i).value().apply(row));
            }
            cells.add(line);
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).header().length();
            for (String[] line : cells) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        String[] headers = columns.stream().map(Column::header).toArray(String[]::new);
        out.println(line(headers, widths));
        for (String[] line : cells) {
            out.println(line(line, widths));
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        return sb.toString();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal.toString();
        }
        if (value instanceof Iterable<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(text(item)));
            return String.join(" ", parts);
        }
        return String.valueOf(value).replace('\n', ' ');
    }

    static String csvField(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
