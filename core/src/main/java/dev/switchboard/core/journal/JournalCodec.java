package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's line format, and the replay of a whole file. One record per line, compact JSON with
 * the fields in this order: {@code {"seq":1,"ts":"...","entry":"...","step":"...","phase":"BEGIN","data":{...}}}
 * followed by {@code \n}.
 */
final class JournalCodec {
    /** The result of reading a journal file: the good records and how many leading bytes hold them. */
    record Replay(List<JournalRecord> records, long validLength) {
    }

    private JournalCodec() {
    }

    static byte[] encode(JournalRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", record.seq());
        node.put("ts", record.ts().toString());
        node.put("entry", record.entry());
        node.put("step", record.step());
        node.put("phase", record.phase().name());
        node.set("data", record.data());
        try {
            byte[] json = Json.compactWriter().writeValueAsBytes(node);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode journal record " + record.seq(), e);
        }
    }

    /**
     * Reads every complete line of {@code content}. An incomplete last line (no {@code \n}: the process
     * died mid-write) and trailing NUL bytes (a file extended by the file system but never written) are
     * left outside {@code validLength}; any other damage is a {@link JournalCorruptedException}.
     */
    static Replay replay(byte[] content, String fileName) {
        List<JournalRecord> records = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart < content.length) {
            int newline = indexOf(content, (byte) '\n', lineStart);
            if (newline < 0 || onlyNulsAndNewlines(content, lineStart)) {
                break;
            }
            long expectedSeq = records.size() + 1L;
            JournalRecord record = decode(content, lineStart, newline - lineStart, fileName, lineNumber);
            if (record.seq() != expectedSeq) {
                throw new JournalCorruptedException(fileName + " line " + lineNumber + " (byte " + lineStart
                        + "): expected seq " + expectedSeq + " but found " + record.seq()
                        + "; records are missing or duplicated", lineStart, null);
            }
            records.add(record);
            lineStart = newline + 1;
            lineNumber++;
        }
        return new Replay(records, lineStart);
    }

    private static JournalRecord decode(byte[] content, int start, int length, String fileName, int lineNumber) {
        try {
            JsonNode node = Json.mapper().readTree(content, start, length);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new JournalRecord(
                    field(node, "seq", JsonNodeType.NUMBER).asLong(),
                    Instant.parse(field(node, "ts", JsonNodeType.STRING).asText()),
                    field(node, "entry", JsonNodeType.STRING).asText(),
                    field(node, "step", JsonNodeType.STRING).asText(),
                    Phase.valueOf(field(node, "phase", JsonNodeType.STRING).asText()),
                    field(node, "data", null));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            String reason = e instanceof IOException ? "not valid JSON" : e.getMessage();
            throw new JournalCorruptedException(fileName + " line " + lineNumber + " (byte " + start
                    + ") is damaged: " + reason + "; only an incomplete last line is repaired automatically",
                    start, e);
        }
    }

    /** The field {@code name}, which must exist and, unless {@code type} is null, have that type. */
    private static JsonNode field(JsonNode node, String name, JsonNodeType type) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        if (type != null && value.getNodeType() != type) {
            throw new IllegalArgumentException("field '" + name + "' is not a " + type.name().toLowerCase());
        }
        if (type == JsonNodeType.NUMBER && !value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("field '" + name + "' is not an integer");
        }
        return value;
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onlyNulsAndNewlines(byte[] content, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] != 0 && content[i] != '\n') {
                return false;
            }
        }
        return true;
    }
}
