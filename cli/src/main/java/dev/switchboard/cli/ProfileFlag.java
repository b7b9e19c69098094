package dev.switchboard.cli;

import dev.switchboard.cli.profiles.ConfigFile;
import dev.switchboard.cli.support.CliContext;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code --profile NAME} (an option every command inherits) acts as {@code SWITCHBOARD_PROFILE=NAME}
 * for this run. It is read before picocli builds the commands because settings are resolved from the
 * context's environment, which is fixed when the context is made.
 */
final class ProfileFlag {
    private ProfileFlag() {
    }

    static CliContext apply(CliContext context, String[] args) {
        String profile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--profile") && i + 1 < args.length) {
                profile = args[++i];
            } else if (args[i].startsWith("--profile=")) {
                profile = args[i].substring("--profile=".length());
            }
        }
        if (profile == null) {
            return context;
        }
        Map<String, String> environment = new HashMap<>(context.environment());
        environment.put(ConfigFile.PROFILE_VARIABLE, profile);
        return new CliContext(context.out(), context.err(), context.in(), context.interactive(), Map.copyOf(environment),
                context.workDir(), context.clock(), context.rateBudgets());
    }
}
