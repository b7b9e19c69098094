package dev.switchboard.daily.inventory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.inventory.ChangeKind;
import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.daily.Webhook;

import java.util.List;
import java.util.Optional;

/**
 * The steps of a Daily inventory plan. Each reads before it is retried ({@link #isApplied}); none releases
 * or buys a number except {@link BuyNumber} and {@link ReleaseNumber}, which only a file entry (and, for a
 * release, the run's {@code --allow-release}) produces.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DailyAction.BuyNumber.class, name = "daily.buy_number"),
        @JsonSubTypes.Type(value = DailyAction.ReleaseNumber.class, name = "daily.release_number"),
        @JsonSubTypes.Type(value = DailyAction.CreateDialin.class, name = "daily.create_dialin_config"),
        @JsonSubTypes.Type(value = DailyAction.UpdateDialin.class, name = "daily.update_dialin_config"),
        @JsonSubTypes.Type(value = DailyAction.ReplaceDialin.class, name = "daily.replace_dialin_config"),
        @JsonSubTypes.Type(value = DailyAction.DeleteDialin.class, name = "daily.delete_dialin_config"),
        @JsonSubTypes.Type(value = DailyAction.ReplaceLegacyDialin.class, name = "daily.replace_legacy_dialin"),
        @JsonSubTypes.Type(value = DailyAction.AddCallerId.class, name = "daily.add_caller_id"),
        @JsonSubTypes.Type(value = DailyAction.CreateWebhook.class, name = "daily.create_webhook"),
        @JsonSubTypes.Type(value = DailyAction.UpdateWebhook.class, name = "daily.update_webhook"),
        @JsonSubTypes.Type(value = DailyAction.DeleteWebhook.class, name = "daily.delete_webhook")})
public sealed interface DailyAction extends InventoryAction<DailyClient> {

    record BuyNumber(String address, String number, List<FieldChange> changes) implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return client.purchasedNumbers(new PurchasedNumberFilter(null, number)).stream()
                    .anyMatch(n -> n.hasId() && !n.isDeleted() && number.equals(n.number()));
        }

        public void execute(DailyClient client, SecretSource secrets) {
            client.buyNumber(Optional.of(number));
        }
    }

    record ReleaseNumber(String address, String number, String id, List<FieldChange> changes) implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean releasesNumber() {
            return true;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return client.purchasedNumbers(new PurchasedNumberFilter(null, number)).stream()
                    .noneMatch(n -> id.equals(n.id()) && !n.isDeleted());
        }

        public void execute(DailyClient client, SecretSource secrets) {
            client.releaseNumber(id);
        }
    }

    record CreateDialin(String address, DailyInventory.Dialin config, List<FieldChange> changes) implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return DailyMatching.dialin(config, client.dialinConfigs(DialinConfigFilter.all()), List.of()).isPresent();
        }

        public void execute(DailyClient client, SecretSource secrets) {
            client.createDialinConfig(DailyViews.spec(config, secrets));
        }
    }

    record UpdateDialin(String address, String id, DailyInventory.Dialin config, List<FieldChange> changes)
            implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.CHANGE;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return DailyViews.patch(config, client.dialinConfig(id), secrets).isEmpty();
        }

        public void execute(DailyClient client, SecretSource secrets) {
            client.updateDialinConfig(id, DailyViews.patch(config, client.dialinConfig(id), secrets));
        }
    }

    /** A config whose type changes: Daily cannot change a type, so delete and re-create (the number stays). */
    record ReplaceDialin(String address, String id, DailyInventory.Dialin config, List<FieldChange> changes)
            implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.REPLACE;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return DailyMatching.dialin(config, client.dialinConfigs(DialinConfigFilter.all()), List.of())
                    .filter(live -> DailyViews.typeName(live.type()).equals(config.type())).isPresent();
        }

        public void execute(DailyClient client, SecretSource secrets) {
            DailyViews.spec(config, secrets); // fails on a missing secret before anything is deleted
            deleteIfThere(client, id);
            client.createDialinConfig(DailyViews.spec(config, secrets));
        }
    }

    record DeleteDialin(String address, String id, List<FieldChange> changes) implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            try {
                client.dialinConfig(id);
                return false;
            } catch (NotFoundException gone) {
                return true;
            }
        }

        public void execute(DailyClient client, SecretSource secrets) {
            deleteIfThere(client, id);
        }
    }

    /** The domain's deprecated arrays, replaced as a whole; fields the file leaves out keep their live values. */
    record ReplaceLegacyDialin(String address, DailyInventory.Legacy legacy, List<FieldChange> changes)
            implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.CHANGE;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return DailyLegacy.changes(legacy, client.domain().config(), secrets).isEmpty();
        }

        public void execute(DailyClient client, SecretSource secrets) {
            DailyLegacy.Merged merged = DailyLegacy.merge(legacy, client.domain().config(), secrets);
            client.replaceLegacyDialin(merged.pinless(), merged.pin());
        }
    }

    record AddCallerId(String address, DailyInventory.CallerId callerId, List<FieldChange> changes)
            implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return client.verifiedCallerIds().stream().anyMatch(c -> callerId.number().equals(c.number()));
        }

        public void execute(DailyClient client, SecretSource secrets) {
            client.addVerifiedCallerId(callerId.number(), callerId.name());
        }
    }

    record CreateWebhook(String address, DailyInventory.Hook hook, List<FieldChange> changes) implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return client.webhooks().list().stream().anyMatch(w -> hook.url().equals(w.url()));
        }

        public void execute(DailyClient client, SecretSource secrets) {
            client.webhooks().create(DailyViews.spec(hook, secrets));
        }
    }

    record UpdateWebhook(String address, String uuid, DailyInventory.Hook hook, List<FieldChange> changes)
            implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.CHANGE;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            Webhook live = client.webhooks().get(uuid);
            return DailyMatching.webhookChanges(hook, live, secrets).isEmpty();
        }

        public void execute(DailyClient client, SecretSource secrets) {
            Webhook live = client.webhooks().get(uuid);
            client.webhooks().update(uuid, DailyViews.spec(DailyMatching.filled(hook, live), secrets));
        }
    }

    record DeleteWebhook(String address, String uuid, List<FieldChange> changes) implements DailyAction {
        public ChangeKind kind() {
            return ChangeKind.DESTROY;
        }

        public boolean isApplied(DailyClient client, SecretSource secrets) {
            return client.webhooks().list().stream().noneMatch(w -> uuid.equals(w.uuid()));
        }

        public void execute(DailyClient client, SecretSource secrets) {
            try {
                client.webhooks().delete(uuid);
            } catch (NotFoundException gone) {
                // deleted by an earlier attempt whose answer was lost
            }
        }
    }

    private static void deleteIfThere(DailyClient client, String id) {
        try {
            client.deleteDialinConfig(id);
        } catch (NotFoundException gone) {
            // deleted by an earlier attempt whose answer was lost
        }
    }
}
