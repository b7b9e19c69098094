package dev.switchboard.cli.emulator;

import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.EmulatorMain;
import dev.switchboard.emulator.daily.DailyAdmin;

import java.io.PrintWriter;
import java.util.List;

/**
 * What the emulator prints when it is ready: where it listens, then each loaded Daily domain with its keys
 * (the emulator's own fake keys, from the demo state or --state), each SignalWire project with its tokens, and a
 * command to try with the first Daily key.
 */
final class EmulatorBanner {
    private EmulatorBanner() {
    }

    static void print(PrintWriter out, Emulator emulator) {
        out.println(EmulatorMain.readyLine(emulator));
        List<DailyAdmin.DomainInfo> domains = emulator.admin().daily().domains();
        for (DailyAdmin.DomainInfo domain : domains) {
            out.println("  Daily domain " + domain.name() + ": key " + String.join(", ", domain.apiKeys()));
        }
        emulator.admin().signalwire().projects().forEach(project -> out.println("  SignalWire project "
                + project.projectId() + ": token " + String.join(", ", project.apiTokens())));
        domains.stream().filter(d -> !d.apiKeys().isEmpty()).findFirst().ifPresent(first ->
                out.println("Try: DAILY_API_URL=" + emulator.dailyBaseUri() + " DAILY_API_KEY=" + first.apiKeys().get(0)
                        + " switchboard daily numbers list"));
    }
}
