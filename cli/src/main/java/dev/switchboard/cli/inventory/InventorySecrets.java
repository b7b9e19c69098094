package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.core.io.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secrets file beside an inventory file ({@code numbers.yaml} → {@code numbers.secrets.yaml}): a YAML map
 * of secret names to values, owner-only (0600). A secrets file group or others can read is refused. Names the
 * file does not hold come from the environment ({@code .env} included), which also wins over the file.
 */
final class InventorySecrets {
    private InventorySecrets() {
    }

    /** {@code numbers.secrets.yaml} for {@code numbers.yaml}. */
    static Path besides(Path inventory) {
        String name = inventory.getFileName().toString();
        String stem = name.replaceFirst("\\.(ya?ml|json)$", "");
        return inventory.resolveSibling(stem + ".secrets.yaml");
    }

    static void write(Path file, Map<String, Secret> secrets) throws IOException {
        Map<String, String> plain = new LinkedHashMap<>();
        secrets.forEach((name, value) -> plain.put(name, value.reveal()));
        SecureFiles.writeString(file, "# Secrets for " + file.getFileName().toString().replace(".secrets.yaml", ".yaml")
                + ": keep this file owner-only (0600) and out of version control.\n"
                + (plain.isEmpty() ? "{}\n" : InventoryYaml.write(plain)), true);
    }

    /** The environment, then {@code file} when it exists (refused unless owner-only). */
    static SecretSource source(CliContext context, Path file) {
        SecretSource environment = name -> context.settings().secret(name);
        if (!Files.exists(file)) {
            return environment;
        }
        String name = file.getFileName().toString();
        try {
            if (!SecureFiles.isOwnerOnly(file)) {
                throw CliException.invalidInput(name + " can be read by group or others; it holds secrets: "
                        + "chmod 600 " + file);
            }
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read secrets file " + file + ": " + e.getMessage());
        }
        JsonNode tree = InventoryYaml.readTree(file, name, "YAML");
        if (!tree.isObject()) {
            throw CliException.invalidInput(name + ": a secrets file is a map of NAME: value");
        }
        Map<String, Secret> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            if (!entry.getValue().isTextual() || entry.getValue().asText().isEmpty()) {
                throw CliException.invalidInput(name + ": " + entry.getKey() + " is not a text value");
            }
            values.put(entry.getKey(), Secret.of(entry.getValue().asText()));
        }
        return environment.orElse(SecretSource.of(values));
    }
}
