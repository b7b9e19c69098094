package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.emulator.Emulator;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The training runs for the release's AOT caches (JDK 25 {@code -XX:AOTCacheOutput}): command lines run in one
 * JVM, so a cache holds the classes, linkage and profiles they use. It fails (exit 1) when a command does not
 * exit as expected, so a broken command breaks the package build.
 *
 * <ul>
 *   <li>No arguments: the general cache, from typical command lines of every kind against an embedded emulator.</li>
 *   <li>{@code --each "LINE" ...}: a cache shaped for one kind of command (see the release's launcher): each LINE
 *       (words split on spaces) runs as {@link Main#main} runs it, on this process's streams and environment.
 *       Every class a cache holds is loaded when the JVM starts, so a cache for {@code --version} must not hold
 *       the 4,000 classes of {@code demo}.</li>
 * </ul>
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--each")) {
            int failures = 0;
            for (String line : List.of(args).subList(1, args.length)) {
                int code = Main.runInThisProcess(line.strip().split(" +"));
                System.err.println("aot training: switchboard " + line + " -> exit " + code);
                failures += code == 0 ? 0 : 1;
            }
            System.exit(failures == 0 ? 0 : 1);
        }
        Path scratch = Files.createTempDirectory("switchboard-aot-training");
        int failures = 0;
        try (Emulator emulator = Emulator.builder().port(0).demoState().start()) {
            Map<String, String> env = Map.of("DAILY_API_URL", emulator.dailyBaseUri().toString(),
                    "DAILY_API_KEY", "source-key");
            List<List<String>> commandLines = List.of(
                    List.of("--help"), List.of("--version"), List.of("help", "daily"), List.of("daily", "numbers", "--help"),
                    List.of("daily", "numbers", "list"), List.of("daily", "numbers", "list", "--output", "json"),
                    List.of("daily", "dialin", "list"), List.of("completion", "bash"), List.of("no-such-command"),
                    List.of("demo", "--dir", scratch.resolve("demo").toString()));
            for (List<String> commandLine : commandLines) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CliContext context = new CliContext(new PrintWriter(out), new PrintWriter(err),
                        new BufferedReader(new StringReader("")), false, env, scratch, Clock.systemUTC());
                int code = Main.run(context, commandLine.toArray(String[]::new));
                boolean expected = commandLine.get(0).equals("no-such-command") ? code == 2 : code == 0;
                System.out.println("aot training: switchboard " + String.join(" ", commandLine) + " -> exit " + code);
                if (!expected) {
                    failures++;
                    System.out.println(err);
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
