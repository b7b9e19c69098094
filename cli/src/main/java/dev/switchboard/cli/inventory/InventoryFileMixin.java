package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.inventory.SecretSource;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code -f FILE} (the inventory) and {@code --secrets FILE} (default: {@code <name>.secrets.yaml} beside it). */
public final class InventoryFileMixin {
    private final CliContext context;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
            description = "The inventory file (YAML; written by inventory export).")
    Path file;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "The owner-only secrets file (default: NAME.secrets.yaml beside the inventory file; "
                    + "the environment wins over it).")
    Path secrets;

    InventoryFileMixin(CliContext context) {
        this.context = context;
    }

    Path file() {
        return context.workDir().resolve(file).normalize();
    }

    Path secretsFile() {
        return secrets != null ? context.workDir().resolve(secrets).normalize() : InventorySecrets.besides(file());
    }

    InventoryDocument read() {
        return InventoryYaml.read(file());
    }

    SecretSource secretSource() {
        Path path = secretsFile();
        if (secrets != null && !Files.exists(path)) {
            throw CliException.invalidInput("secrets file " + path + " does not exist");
        }
        return InventorySecrets.source(context, path);
    }
}
