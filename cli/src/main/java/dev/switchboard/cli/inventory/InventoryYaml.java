package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.io.InputFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes inventory files with Jackson's YAML module. Reading is bounded ({@link InputFiles}: a regular
 * file of at most {@link #MAX_BYTES}, no FIFO or device), refuses duplicate keys, validates against the JSON
 * Schema, and turns every problem into {@link CliException} lines naming the file and the path (exit 2).
 */
final class InventoryYaml {
    /** Far above any real inventory (a number with its config is well under 1 KB). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private InventoryYaml() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** The inventory in {@code file}, checked against the schema; any problem is exit 2 before any request. */
    static InventoryDocument read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        JsonNode tree = readTree(file, name, "YAML");
        List<String> problems = InventorySchema.get().problems(tree);
        if (!problems.isEmpty()) {
            throw new CliException(dev.switchboard.cli.support.ExitCode.INVALID_INPUT, name + ": " + problems.get(0),
                    null, problems.stream().skip(1).limit(20).map(p -> name + ": " + p).toList());
        }
        try {
            return MAPPER.treeToValue(tree, InventoryDocument.class);
        } catch (JsonProcessingException e) {
            throw CliException.invalidInput(name + ": " + e.getOriginalMessage());
        }
    }

    /** One YAML document from {@code file} as a tree (a YAML file that is empty is an empty object). */
    static JsonNode readTree(Path file, String name, String what) {
        try {
            byte[] bytes = InputFiles.readAllBytes(file, what, MAX_BYTES);
            JsonNode tree = MAPPER.readTree(bytes);
            return tree == null || tree.isMissingNode() ? MAPPER.createObjectNode() : tree;
        } catch (InputFileException e) {
            throw CliException.invalidInput(e.getMessage());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String line = where == null || where.getLineNr() < 1 ? "" : "line " + where.getLineNr() + ": ";
            throw CliException.invalidInput(name + ": " + line + "not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read " + what + " " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML's own limits (aliases, nesting, code points) surface as unchecked exceptions
            throw CliException.invalidInput(name + ": not a YAML file this tool can read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip());
        }
    }
}
