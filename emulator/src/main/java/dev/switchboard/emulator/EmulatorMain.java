package dev.switchboard.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the emulator standalone until killed. Options: {@code --port N} (default 0: any free port),
 * {@code --host H}, {@code --state FILE} (default: the demo state), {@code --faults FILE}, {@code --seed N},
 * {@code --no-rate-limits}. Prints one line with the base URL and the domains' API keys (fake keys).
 */
public final class EmulatorMain {
    static final String USAGE = "usage: emulator [--port N] [--host H] [--state FILE] [--faults FILE] [--seed N]"
            + " [--no-rate-limits]";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorBuilder builder;
        try {
            builder = builderFrom(args);
        } catch (IllegalArgumentException e) {
            System.err.println("emulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Emulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println(readyLine(emulator));
        System.out.flush();
        stopped.await();
    }

    /** The builder the command line describes; throws {@link IllegalArgumentException} on bad options. */
    static EmulatorBuilder builderFrom(String[] args) {
        EmulatorBuilder builder = Emulator.builder();
        boolean stateGiven = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(parseInt(value(args, ++i)));
                case "--host" -> builder.host(value(args, ++i));
                case "--state" -> {
                    builder.stateFile(Path.of(value(args, ++i)));
                    stateGiven = true;
                }
                case "--faults" -> builder.faultsFile(Path.of(value(args, ++i)));
                case "--seed" -> builder.seed(parseLong(value(args, ++i)));
                case "--no-rate-limits" -> builder.disableRateLimits();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return stateGiven ? builder : builder.demoState();
    }

    /** The one line printed at start: base URL, Daily, admin and console URLs, and each domain's keys. */
    public static String readyLine(Emulator emulator) {
        String keys = emulator.admin().daily().domains().stream()
                .map(d -> d.name() + "=" + String.join(",", d.apiKeys())).collect(Collectors.joining(" "));
        String projects = emulator.admin().signalwire().projects().stream()
                .map(p -> p.projectId() + "=" + String.join(",", p.apiTokens())).collect(Collectors.joining(" "));
        return "Switchboard emulator listening on " + emulator.baseUri() + " (Daily API " + emulator.dailyBaseUri()
                + "; admin " + emulator.baseUri() + "/__admin/; console " + emulator.baseUri() + "/__admin/ui/) domains: " + keys
                + (projects.isEmpty() ? "" : "; SignalWire space " + emulator.signalwireSpaceUri() + " projects: " + projects);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }
}
