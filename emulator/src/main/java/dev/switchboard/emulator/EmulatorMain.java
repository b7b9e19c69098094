package dev.switchboard.emulator;

import dev.switchboard.emulator.daily.DailyAdmin;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs the emulator standalone until killed. Options: {@code --port N} (default 0: any free port),
 * {@code --host H}, {@code --state FILE} (default: the demo state), {@code --faults FILE}, {@code --seed N},
 * {@code --no-rate-limits}. Prints one line with the base URL and the demo API keys (fake keys).
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorBuilder builder = Emulator.builder();
        boolean stateGiven = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                    case "--host" -> builder.host(value(args, ++i));
                    case "--state" -> {
                        builder.stateFile(Path.of(value(args, ++i)));
                        stateGiven = true;
                    }
                    case "--faults" -> builder.faultsFile(Path.of(value(args, ++i)));
                    case "--seed" -> builder.seed(Long.parseLong(value(args, ++i)));
                    case "--no-rate-limits" -> builder.disableRateLimits();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("emulator: " + e.getMessage());
            System.err.println("usage: emulator [--port N] [--host H] [--state FILE] [--faults FILE] [--seed N]"
                    + " [--no-rate-limits]");
            System.exit(2);
            return;
        }
        if (!stateGiven) {
            builder.demoState();
        }
        Emulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        String keys = emulator.admin().daily().domains().stream()
                .map(EmulatorMain::describe).collect(Collectors.joining(" "));
        System.out.println("Switchboard emulator listening on " + emulator.baseUri() + " (Daily API "
                + emulator.dailyBaseUri() + "; admin " + emulator.baseUri() + "/__admin/) domains: " + keys);
        System.out.flush();
        stopped.await();
    }

    private static String describe(DailyAdmin.DomainInfo domain) {
        return domain.name() + "=" + String.join(",", domain.apiKeys());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
