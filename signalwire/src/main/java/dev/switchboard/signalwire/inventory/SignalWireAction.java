package dev.switchboard.signalwire.inventory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.inventory.ChangeKind;
import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of a SignalWire inventory plan. Numbers, groups and addresses are named by their E.164 number,
 * group name and address label and looked up when the step runs, so a step survives a resume after the
 * resource it depends on was created. Only {@link BuyNumber} and {@link ReleaseNumber} buy or release.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SignalWireAction.BuyNumber.class, name = "signalwire.buy_number"),
        @JsonSubTypes.Type(value = SignalWireAction.UpdateNumber.class, name = "signalwire.update_number"),
        @JsonSubTypes.Type(value = SignalWireAction.AssignE911.class, name = "signalwire.assign_e911_address"),
        @JsonSubTypes.Type(value = SignalWireAction.ReleaseNumber.class, name = "signalwire.release_number"),
        @JsonSubTypes.Type(value = SignalWireAction.CreateAddress.class, name = "signalwire.create_address"),
        @JsonSubTypes.Type(value = SignalWireAction.DeleteAddress.class, name = "signalwire.delete_address"),
        @JsonSubTypes.Type(value = SignalWireAction.CreateGroup.class, name = "signalwire.create_group"),
        @JsonSubTypes.Type(value = SignalWireAction.UpdateGroup.class, name = "signalwire.update_group"),
        @JsonSubTypes.Type(value = SignalWireAction.DeleteGroup.class, name = "signalwire.delete_group"),
        @JsonSubTypes.Type(value = SignalWireAction.AddToGroup.class, name = "signalwire.add_to_group"),
        @JsonSubTypes.Type(value = SignalWireAction.RemoveFromGroup.class, name = "signalwire.remove_from_group"),
        @JsonSubTypes.Type(value = SignalWireAction.AddCallerId.class, name = "signalwire.add_caller_id"),
        @JsonSubTypes.Type(value = SignalWireAction.DeleteCallerId.class, name = "signalwire.delete_caller_id")})
public sealed interface SignalWireAction extends InventoryAction<SignalWireClient> {

    record BuyNumber(String address, String number, List<FieldChange> changes) implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.findNumber(number).isPresent();
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            client.purchaseNumber(number);
        }
    }

    /** Sets the fields the file gives (real wire names, e.g. {@code call_request_url}). */
    record UpdateNumber(String address, String number, Map<String, String> fields, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.CHANGE;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return PhoneNumberUpdate.fromWire(fields).isAppliedTo(liveNumber(client, number));
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            PhoneNumber live = liveNumber(client, number);
            PhoneNumberUpdate update = PhoneNumberUpdate.fromWire(fields).changesFor(live);
            if (!update.isEmpty()) {
                client.updateNumber(live.id(), update);
            }
        }
    }

    /** Points a number's E911 record at the address with {@code label}, or removes it ({@code label} null). */
    record AssignE911(String address, String number, String label, List<FieldChange> changes) implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.CHANGE;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            String assigned = liveNumber(client, number).e911AddressId();
            return label == null ? assigned == null
                    : addressByLabel(client, label).map(a -> a.id().equals(assigned)).orElse(false);
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            PhoneNumber live = liveNumber(client, number);
            if (label == null) {
                client.removeE911Address(live.id());
            } else {
                client.assignE911Address(live.id(), addressByLabel(client, label).orElseThrow(() ->
                        new IllegalStateException("no E911 address labelled " + label)).id());
            }
        }
    }

    record ReleaseNumber(String address, String number, List<FieldChange> changes) implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean releasesNumber() {
            return true;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.findNumber(number).isEmpty();
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            Optional<PhoneNumber> live = client.findNumber(number);
            if (live.isPresent()) {
                client.releaseNumber(live.get().id());
            }
        }
    }

    record CreateAddress(String address, SignalWireInventory.E911Address spec, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return addressByLabel(client, spec.label()).isPresent();
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            client.directory().createAddress(SignalWireViews.spec(spec));
        }
    }

    record DeleteAddress(String address, String id, List<FieldChange> changes) implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.directory().addresses(null).stream().noneMatch(a -> a.id().equals(id));
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            try {
                client.directory().deleteAddress(id);
            } catch (NotFoundException gone) {
                // deleted by an earlier attempt whose answer was lost
            }
        }
    }

    record CreateGroup(String address, String name, boolean stickySender, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return groupByName(client, name).isPresent();
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            client.directory().createNumberGroup(name, stickySender);
        }
    }

    record UpdateGroup(String address, String name, boolean stickySender, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.CHANGE;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return groupByName(client, name).map(g -> g.stickySender() == stickySender).orElse(false);
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            client.directory().updateNumberGroup(liveGroup(client, name).id(), name, stickySender);
        }
    }

    record DeleteGroup(String address, String id, List<FieldChange> changes) implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.directory().numberGroups(null).stream().noneMatch(g -> g.id().equals(id));
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            try {
                client.directory().deleteNumberGroup(id);
            } catch (NotFoundException gone) {
                // deleted by an earlier attempt whose answer was lost
            }
        }
    }

    record AddToGroup(String address, String group, String number, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.directory().memberships(liveGroup(client, group).id()).stream()
                    .anyMatch(m -> number.equals(m.number()));
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            client.directory().addToGroup(liveGroup(client, group).id(), liveNumber(client, number).id());
        }
    }

    record RemoveFromGroup(String address, String group, String number, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return groupByName(client, group).map(g -> client.directory().memberships(g.id()).stream()
                    .noneMatch(m -> number.equals(m.number()))).orElse(true);
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            NumberGroup live = liveGroup(client, group);
            client.directory().memberships(live.id()).stream().filter(m -> number.equals(m.number()))
                    .forEach(m -> client.directory().removeMembership(m.id()));
        }
    }

    record AddCallerId(String address, SignalWireInventory.CallerId callerId, List<FieldChange> changes)
            implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.directory().verifiedCallerIds().stream().anyMatch(c -> callerId.number().equals(c.number()));
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            client.directory().addVerifiedCallerId(callerId.number(), callerId.name(), callerId.extension());
        }
    }

    record DeleteCallerId(String address, String id, List<FieldChange> changes) implements SignalWireAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean isApplied(SignalWireClient client, SecretSource secrets) {
            return client.directory().verifiedCallerIds().stream().noneMatch(c -> c.id().equals(id));
        }

        public void execute(SignalWireClient client, SecretSource secrets) {
            try {
                client.directory().deleteVerifiedCallerId(id);
            } catch (NotFoundException gone) {
                // deleted by an earlier attempt whose answer was lost
            }
        }
    }

    private static PhoneNumber liveNumber(SignalWireClient client, String number) {
        return client.findNumber(number).orElseThrow(() -> new IllegalStateException(number + " is not in the project"));
    }

    private static Optional<Address> addressByLabel(SignalWireClient client, String label) {
        return client.directory().addresses(label).stream().filter(a -> label.equals(a.label())).findFirst();
    }

    private static Optional<NumberGroup> groupByName(SignalWireClient client, String name) {
        return client.directory().numberGroups(name).stream().filter(g -> name.equals(g.name())).findFirst();
    }

    private static NumberGroup liveGroup(SignalWireClient client, String name) {
        return groupByName(client, name).orElseThrow(() -> new IllegalStateException("no number group named " + name));
    }
}
