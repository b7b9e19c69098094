package dev.switchboard.cli.inventory;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.inventory.SecretNames;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.daily.inventory.DailyExport;
import dev.switchboard.daily.inventory.DailyInventory;
import dev.switchboard.daily.inventory.DailyLive;
import dev.switchboard.signalwire.inventory.SignalWireExport;
import dev.switchboard.signalwire.inventory.SignalWireInventory;
import dev.switchboard.signalwire.inventory.SignalWireLive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code switchboard inventory export}: reads the configured Daily domain and/or SignalWire project (reads
 * only) and writes the inventory file, with every hmac moved to the owner-only secrets file beside it.
 */
@Command(name = "export",
        description = {"Write the live inventory (Daily domain and/or SignalWire project) as a YAML file.",
                "Hmacs go to an owner-only (0600) secrets file beside it, referenced by name; none is printed."})
final class InventoryExportCommand implements Callable<Integer> {
    enum Provider { daily, signalwire }

    @Mixin
    InventoryConnections connections;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "numbers.yaml",
            description = "The inventory file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "The secrets file to write (default: NAME.secrets.yaml beside the inventory file).")
    Path secrets;

    @Option(names = "--provider", paramLabel = "NAME", split = ",",
            description = "Export only these providers: daily, signalwire (default: each one configured).")
    Set<Provider> providers;

    @Override
    public Integer call() throws IOException {
        var context = connections.context();
        boolean daily = providers != null ? providers.contains(Provider.daily) : connections.dailyConfigured();
        boolean signalwire = providers != null ? providers.contains(Provider.signalwire) : connections.signalwireConfigured();
        if (!daily && !signalwire) {
            throw CliException.credentials("nothing to export: set DAILY_API_KEY and/or SIGNALWIRE_PROJECT_ID, "
                    + "SIGNALWIRE_API_TOKEN and SIGNALWIRE_SPACE_URL (environment or .env)");
        }
        Path file = context.resolve(out.toString());
        Path secretsFile = secrets != null ? context.resolve(secrets.toString()) : InventorySecrets.besides(file);
        SecretNames names = new SecretNames();
        DailyInventory dailySection = daily ? DailyExport.export(DailyLive.read(connections.daily()), names) : null;
        SignalWireInventory signalwireSection = signalwire
                ? SignalWireExport.export(SignalWireLive.read(connections.signalwire())) : null;
        InventoryDocument document = new InventoryDocument(InventoryDocument.VERSION, dailySection, signalwireSection);
        InventorySecrets.write(secretsFile, names.values());
        SecureFiles.writeString(file, header(file, secretsFile) + InventoryYaml.write(document), false);
        context.err().println("exported " + String.join(", ", summary(dailySection, signalwireSection)) + " to " + out
                + "; " + names.values().size() + " secret(s) to " + secretsFile.getFileName() + " (owner-only)");
        context.err().flush();
        return ExitCode.OK;
    }

    private static String header(Path file, Path secretsFile) {
        return "# Switchboard inventory (docs/inventory.md). Plan changes with:\n"
                + "#   switchboard inventory plan -f " + file.getFileName() + "\n"
                + "# Secrets are referenced by name and live in " + secretsFile.getFileName() + " (0600) or the environment.\n";
    }

    private static List<String> summary(DailyInventory daily, SignalWireInventory signalwire) {
        List<String> parts = new java.util.ArrayList<>();
        if (daily != null) {
            parts.add(daily.numbers().size() + " Daily number(s), " + daily.dialinConfigs().size() + " dial-in config(s), "
                    + daily.webhooks().size() + " webhook(s)");
        }
        if (signalwire != null) {
            parts.add(signalwire.numbers().size() + " SignalWire number(s), " + signalwire.groups().size() + " group(s), "
                    + signalwire.addresses().size() + " address(es)");
        }
        return parts;
    }
}
