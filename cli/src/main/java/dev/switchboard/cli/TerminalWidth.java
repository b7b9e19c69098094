package dev.switchboard.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shells set {@code COLUMNS} but seldom export it. On a terminal without it, ask the terminal
 * ({@code stty size}) once, so tables fit; tests and pipes never get here.
 */
final class TerminalWidth {
    private TerminalWidth() {
    }

    static Map<String, String> withColumns(Map<String, String> environment, boolean terminal) {
        if (!terminal || environment.containsKey("COLUMNS")) {
            return environment;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroy();
                return environment;
            }
            String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
            if (stty.exitValue() != 0 || rowsAndColumns.length != 2 || !rowsAndColumns[1].matches("\\d+")) {
                return environment;
            }
            Map<String, String> withColumns = new HashMap<>(environment);
            withColumns.put("COLUMNS", rowsAndColumns[1]);
            return Map.copyOf(withColumns);
        } catch (IOException | RuntimeException e) {
            return environment;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return environment;
        }
    }
}
