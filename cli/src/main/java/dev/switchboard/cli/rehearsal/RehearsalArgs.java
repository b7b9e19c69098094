package dev.switchboard.cli.rehearsal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rehearsal's command line: the user's, without {@code --rehearse}, {@code --force}, {@code --profile} and the
 * options naming real files (the rehearsal uses copies in its own directory), with {@code --space-url} pointing at
 * the emulator, and with {@code --yes} (the question is asked once, before the real run).
 */
final class RehearsalArgs {
    private static final Set<String> DROPPED_FLAGS = Set.of("--rehearse", "--force");
    static final String SPACE_URL = "--space-url";

    private RehearsalArgs() {
    }

    static List<String> rewrite(List<String> original, Set<String> droppedWithValue, URI signalwireSpace) {
        Set<String> dropped = new java.util.HashSet<>(droppedWithValue);
        dropped.add("--profile");
        List<String> result = new ArrayList<>();
        boolean yes = false;
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            if (arg.equals("--")) {
                result.addAll(original.subList(i, original.size()));
                break;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=");
            if (DROPPED_FLAGS.contains(arg)) {
                continue;
            }
            if (dropped.contains(name)) {
                i += inline ? 0 : 1;
                continue;
            }
            if (name.equals(SPACE_URL)) {
                result.add(SPACE_URL + "=" + signalwireSpace);
                i += inline ? 0 : 1;
                continue;
            }
            yes |= arg.equals("--yes") || arg.equals("-y");
            result.add(arg);
        }
        if (!yes) {
            int end = result.indexOf("--");
            result.add(end < 0 ? result.size() : end, "--yes");
        }
        return result;
    }
}
