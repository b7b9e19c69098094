package dev.switchboard.signalwire.inventory;

import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.Note;
import dev.switchboard.core.inventory.ProviderPlan;
import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.NumberGroupMembership;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.VerifiedCallerId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the {@code signalwire:} section with a project's live state and lists the actions that make live
 * match, in run order: buys and creates, changes (handlers, E911 assignments, group members), deletes,
 * releases last. A number the file leaves out is unmanaged, never released; a release needs both
 * {@code release: true} and {@code allowRelease}; a changed field never replaces a number.
 */
public final class SignalWirePlanner {
    private final boolean allowRelease;

    public SignalWirePlanner(boolean allowRelease) {
        this.allowRelease = allowRelease;
    }

    public ProviderPlan<SignalWireAction> plan(SignalWireInventory wanted, SignalWireLive live) {
        SignalWireValidation.check(wanted, live);
        List<SignalWireAction> adds = new ArrayList<>();
        List<SignalWireAction> changes = new ArrayList<>();
        List<SignalWireAction> destroys = new ArrayList<>();
        List<SignalWireAction> releases = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        if (wanted.addresses() != null) {
            addresses(wanted.addresses(), live.addresses(), adds, destroys, notes);
        }
        if (wanted.numbers() != null) {
            numbers(wanted.numbers(), live, adds, changes, releases, notes);
        }
        if (wanted.groups() != null) {
            groups(wanted.groups(), live.groups(), adds, changes, destroys);
        }
        if (wanted.verifiedCallerIds() != null) {
            callerIds(wanted.verifiedCallerIds(), live.callerIds(), adds, destroys, notes);
        }
        List<SignalWireAction> all = new ArrayList<>(adds);
        all.addAll(changes);
        all.addAll(destroys);
        all.addAll(releases);
        return new ProviderPlan<>(all, notes);
    }

    private void numbers(List<SignalWireInventory.Number> wanted, SignalWireLive live, List<SignalWireAction> adds,
                         List<SignalWireAction> changes, List<SignalWireAction> releases, List<Note> notes) {
        Map<String, PhoneNumber> owned = live.numbers().stream()
                .collect(Collectors.toMap(PhoneNumber::number, Function.identity(), (a, b) -> a));
        Map<String, String> labels = live.addresses().stream()
                .collect(Collectors.toMap(Address::id, Address::label, (a, b) -> a));
        Set<String> named = new HashSet<>();
        for (SignalWireInventory.Number number : wanted) {
            named.add(number.number());
            String address = "signalwire.numbers[\"" + number.number() + "\"]";
            PhoneNumber have = owned.get(number.number());
            if (number.releaseRequested()) {
                if (have != null && allowRelease) {
                    releases.add(new SignalWireAction.ReleaseNumber(address, number.number(),
                            List.of(new FieldChange("number", quoted(number.number()), null))));
                } else if (have != null) {
                    notes.add(Note.unchangeable(address, "marked release: true; run with --allow-release to release it",
                            List.of()));
                }
                continue;
            }
            if (have == null) {
                adds.add(new SignalWireAction.BuyNumber(address, number.number(),
                        List.of(new FieldChange("number", null, quoted(number.number())))));
            }
            PhoneNumberUpdate update = SignalWireViews.update(number);
            PhoneNumberUpdate needed = have == null ? update : update.changesFor(have);
            if (!needed.isEmpty()) {
                List<FieldChange> fields = new ArrayList<>();
                needed.values().forEach((field, value) -> fields.add(new FieldChange(field.wireName(),
                        have == null ? null : quoted(field.valueOf(have)), quoted(value))));
                changes.add(new SignalWireAction.UpdateNumber(address, number.number(), needed.toWire(), fields));
            }
            if (number.e911Address() != null) {
                String current = have == null || have.e911AddressId() == null ? null
                        : labels.getOrDefault(have.e911AddressId(), have.e911AddressId());
                String target = SignalWireViews.NO_ADDRESS.equals(number.e911Address()) ? null : number.e911Address();
                if (!Objects.equals(current, target)) {
                    changes.add(new SignalWireAction.AssignE911(address, number.number(), target,
                            List.of(new FieldChange("e911_address", quoted(current), quoted(target)))));
                }
            }
        }
        live.numbers().stream().map(PhoneNumber::number).filter(n -> !named.contains(n)).sorted().forEach(n ->
                notes.add(Note.unmanaged("signalwire.numbers[\"" + n + "\"]", "not in the file: left alone (never released)")));
    }

    private static void addresses(List<SignalWireInventory.E911Address> wanted, List<Address> live,
                                  List<SignalWireAction> adds, List<SignalWireAction> destroys, List<Note> notes) {
        Set<String> taken = new HashSet<>();
        for (SignalWireInventory.E911Address address : wanted) {
            String where = "signalwire.addresses[\"" + address.label() + "\"]";
            Optional<Address> match = live.stream().filter(a -> address.label().equals(a.label()) && !taken.contains(a.id()))
                    .findFirst();
            if (match.isEmpty()) {
                adds.add(new SignalWireAction.CreateAddress(where, address,
                        FieldChange.all(SignalWireViews.view(address), true)));
                continue;
            }
            taken.add(match.get().id());
            List<FieldChange> fields = FieldChange.between(SignalWireViews.view(SignalWireViews.entry(match.get())),
                    SignalWireViews.view(address), true);
            if (!fields.isEmpty()) {
                notes.add(Note.unchangeable(where, "SignalWire addresses cannot be edited: give the corrected address "
                        + "a new label and point the numbers at it (the old one is then deleted)", fields));
            }
        }
        live.stream().filter(a -> !taken.contains(a.id())).forEach(a -> destroys.add(new SignalWireAction.DeleteAddress(
                "signalwire.addresses[\"" + a.label() + "\"]", a.id(),
                FieldChange.all(SignalWireViews.view(SignalWireViews.entry(a)), false))));
    }

    private static void groups(List<SignalWireInventory.Group> wanted, Map<NumberGroup, List<NumberGroupMembership>> live,
                               List<SignalWireAction> adds, List<SignalWireAction> changes,
                               List<SignalWireAction> destroys) {
        Set<String> taken = new HashSet<>();
        for (SignalWireInventory.Group group : wanted) {
            String where = "signalwire.groups[\"" + group.name() + "\"]";
            Optional<NumberGroup> match = live.keySet().stream()
                    .filter(g -> group.name().equals(g.name()) && !taken.contains(g.id())).findFirst();
            boolean sticky = Boolean.TRUE.equals(group.stickySender());
            Set<String> members = new TreeSet<>();
            if (match.isEmpty()) {
                adds.add(new SignalWireAction.CreateGroup(where, group.name(), sticky,
                        List.of(new FieldChange("sticky_sender", null, String.valueOf(sticky)))));
            } else {
                taken.add(match.get().id());
                live.get(match.get()).forEach(m -> members.add(m.number()));
                if (group.stickySender() != null && match.get().stickySender() != sticky) {
                    changes.add(new SignalWireAction.UpdateGroup(where, group.name(), sticky, List.of(new FieldChange(
                            "sticky_sender", String.valueOf(match.get().stickySender()), String.valueOf(sticky)))));
                }
            }
            if (group.numbers() == null) {
                continue;
            }
            for (String number : new TreeSet<>(group.numbers())) {
                if (!members.remove(number)) {
                    changes.add(new SignalWireAction.AddToGroup(where + ".numbers[\"" + number + "\"]", group.name(),
                            number, List.of()));
                }
            }
            members.forEach(number -> destroys.add(new SignalWireAction.RemoveFromGroup(
                    where + ".numbers[\"" + number + "\"]", group.name(), number, List.of())));
        }
        live.keySet().stream().filter(g -> !taken.contains(g.id())).forEach(g -> destroys.add(
                new SignalWireAction.DeleteGroup("signalwire.groups[\"" + g.name() + "\"]", g.id(),
                        List.of(new FieldChange("sticky_sender", String.valueOf(g.stickySender()), null)))));
    }

    private static void callerIds(List<SignalWireInventory.CallerId> wanted, List<VerifiedCallerId> live,
                                  List<SignalWireAction> adds, List<SignalWireAction> destroys, List<Note> notes) {
        Set<String> taken = new HashSet<>();
        for (SignalWireInventory.CallerId callerId : wanted) {
            String where = "signalwire.verified_caller_ids[\"" + callerId.number() + "\"]";
            Optional<VerifiedCallerId> match = live.stream()
                    .filter(c -> callerId.number().equals(c.number()) && !taken.contains(c.id())).findFirst();
            if (match.isEmpty()) {
                adds.add(new SignalWireAction.AddCallerId(where, callerId, FieldChange.all(SignalWireViews.view(callerId), true)));
                continue;
            }
            taken.add(match.get().id());
            List<FieldChange> fields = FieldChange.between(SignalWireViews.view(SignalWireExport.entry(match.get())),
                    SignalWireViews.view(callerId), true);
            if (!fields.isEmpty()) {
                notes.add(Note.unchangeable(where, "a verified caller id's name and extension cannot be changed here",
                        fields));
            }
        }
        live.stream().filter(c -> !taken.contains(c.id())).forEach(c -> destroys.add(new SignalWireAction.DeleteCallerId(
                "signalwire.verified_caller_ids[\"" + c.number() + "\"]", c.id(),
                FieldChange.all(SignalWireViews.view(SignalWireExport.entry(c)), false))));
    }

    private static String quoted(String text) {
        return text == null ? null : "\"" + text + "\"";
    }
}
