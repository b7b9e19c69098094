package dev.switchboard.cli.transfer;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** What to plan: shared by {@code transfer plan} and {@code transfer apply --plan-now}. */
public final class PlanChoiceMixin {
    @Option(names = "--all", description = "Plan every purchased number of the source domain.")
    boolean all;

    @Option(names = "--numbers", split = ",", paramLabel = "E164",
            description = "Plan only these numbers (comma-separated).")
    List<String> numbers = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "E164",
            description = "Leave these numbers out (from all, or from --numbers).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--include-sip-only", negatable = true,
            description = "Copy SIP-only configs (no phone number) to the target too (asked on a terminal; default no otherwise).")
    Boolean includeSipOnly;

    @Option(names = "--room-creation-api", paramLabel = "URL",
            description = "Replacement webhook for configs whose room_creation_api is the 'dailybots' placeholder.")
    String roomApi;

    PlanRun.Choice choice() {
        return new PlanRun.Choice(all, numbers, exclude, includeSipOnly, roomApi);
    }

    /** Whether any of these options was given (they only mean something when planning). */
    boolean given() {
        return all || !numbers.isEmpty() || !exclude.isEmpty() || includeSipOnly != null || roomApi != null;
    }
}
