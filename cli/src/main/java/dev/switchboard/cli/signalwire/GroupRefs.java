package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.SignalWireDirectory;

import java.util.List;

/** Commands take a number group as its id or its name (as they take a number as its id or E.164). */
final class GroupRefs {
    private GroupRefs() {
    }

    /** The project's group with this id, or else with this exact name; a name two groups share is refused. */
    static NumberGroup resolve(SignalWireDirectory directory, String reference) {
        String wanted = reference.strip();
        List<NumberGroup> groups = directory.numberGroups(null);
        for (NumberGroup group : groups) {
            if (group.id().equals(wanted)) {
                return group;
            }
        }
        List<NumberGroup> named = groups.stream().filter(g -> wanted.equals(g.name())).toList();
        if (named.size() > 1) {
            throw CliException.invalidInput(named.size() + " groups are named " + wanted + "; give the id of one ("
                    + String.join(", ", named.stream().map(NumberGroup::id).toList()) + ")");
        }
        return named.stream().findFirst().orElseThrow(() ->
                CliException.precondition("no number group with the id or name " + wanted + " in this project"));
    }
}
