package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Verdict;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;

import java.util.List;
import java.util.Optional;

/**
 * One journaled step of an entry. Each step performs one change ({@link #call}) and can tell, by reading
 * both domains, whether that change has happened ({@link #reconcile}); the runner journals BEGIN before
 * the call and DONE after it, and reconciles whenever the outcome is unknown, so a change is never sent
 * twice. Forward steps move an entry; rollback steps undo them and always reconcile before acting.
 */
sealed interface Step {
    String TRANSFER = "transfer";
    String DELETE_SOURCE_CONFIG = "delete-source-config";
    String REMOVE_LEGACY_ENTRIES = "remove-legacy-entries";
    String CREATE_TARGET_CONFIG = "create-target-config";
    String CHECK_TARGET_CONFIG = "check-target-config";
    String ROLLBACK = "rollback";
    String DELETE_TARGET_CONFIG = "rollback-delete-target-config";
    String TRANSFER_BACK = "rollback-transfer";
    String RESTORE_SOURCE_CONFIG = "rollback-restore-source-config";
    String RESTORE_LEGACY_ENTRIES = "rollback-restore-legacy-entries";

    String name();

    /** Performs the change; returns what the DONE record keeps. */
    ObjectNode call(EntryContext context);

    /** Reads state to learn whether the change has happened. */
    Verdict reconcile(EntryContext context);

    /** Takes what a DONE record kept into the context (also when resuming from an earlier run). */
    default void absorb(EntryContext context, JsonNode data) {
    }

    /** Whether to try again after a failure that reconciliation showed was not applied. */
    default boolean retryAfterNotApplied(ApiException failure) {
        return false;
    }

    /** Rollback steps read state before acting, whatever the journal says. */
    default boolean reconcileFirst() {
        return false;
    }

    /** Whether the step changes a domain (false for checks). */
    default boolean changesState() {
        return true;
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The number's id on the domain behind {@code client}, if it owns the number. */
    private static Optional<String> ownedId(DailyClient client, String number) {
        return client.purchasedNumbers(PurchasedNumberFilter.byNumber(number)).stream()
                .filter(n -> !n.isDeleted() && n.hasId() && number.equals(n.number()))
                .map(PurchasedNumber::id).findFirst();
    }

    /**
     * The modern configs on {@code client}'s domain that are the entry's config {@code planned} (by number,
     * or for SIP-only by type and hmac).
     */
    private static List<DialinConfig> modernCopies(DailyClient client, PlanEntry entry, PlannedConfig planned) {
        if (!entry.isSipOnly()) {
            return client.dialinConfigs(DialinConfigFilter.byPhoneNumber(entry.number())).stream()
                    .filter(c -> entry.number().equals(c.phoneNumber())).toList();
        }
        return client.dialinConfigs(DialinConfigFilter.all()).stream()
                .filter(c -> c.phoneNumber() == null && c.type() == planned.type() && planned.sameHmac(c.hmac()))
                .toList();
    }

    /** Moves the number to the target with the source key; keeps the new id. */
    record TransferNumber() implements Step {
        public String name() {
            return TRANSFER;
        }

        public ObjectNode call(EntryContext c) {
            String newId = c.source().transferNumber(c.entry.sourcePhoneId(), c.session.targetDomain().name(),
                    c.session.clients().targetKey());
            return data().put("new_phone_id", newId);
        }

        public Verdict reconcile(EntryContext c) {
            Optional<String> onTarget = ownedId(c.target(), c.entry.number());
            if (onTarget.isPresent()) {
                return new Verdict.Done(data().put("new_phone_id", onTarget.get()));
            }
            if (ownedId(c.source(), c.entry.number()).isPresent()) {
                return new Verdict.NotDone();
            }
            return new Verdict.Conflict(c.entry.number() + " is owned by neither domain");
        }

        public void absorb(EntryContext c, JsonNode data) {
            c.newPhoneId = EntryContext.text(data, "new_phone_id");
        }

        public boolean retryAfterNotApplied(ApiException failure) {
            return !(failure instanceof NotFoundException);
        }
    }

    /** Deletes the modern config on the source by id. */
    record DeleteSourceConfig() implements Step {
        public String name() {
            return DELETE_SOURCE_CONFIG;
        }

        public ObjectNode call(EntryContext c) {
            c.source().deleteDialinConfig(c.entry.configId());
            return data();
        }

        public Verdict reconcile(EntryContext c) {
            try {
                c.source().dialinConfig(c.entry.configId());
                return new Verdict.NotDone();
            } catch (NotFoundException gone) {
                return new Verdict.Done(data());
            }
        }
    }

    /** Rewrites the source's legacy arrays without this entry's entries (every other entry kept with its hmac). */
    record RemoveLegacyEntries() implements Step {
        public String name() {
            return REMOVE_LEGACY_ENTRIES;
        }

        public ObjectNode call(EntryContext c) {
            int removed = c.session.legacy().remove(c.source(), c.session.sourceDomain().name(),
                    c.legacyEntriesOfThisEntry(), c::beforeLegacyRemoval);
            return data().put("removed", removed);
        }

        public Verdict reconcile(EntryContext c) {
            return c.session.legacy().countMatching(c.source(), c.legacyEntriesOfThisEntry()) == 0
                    ? new Verdict.Done(data()) : new Verdict.NotDone();
        }
    }

    /** Creates the config on the target with the same hmac and the target webhook. */
    record CreateTargetConfig() implements Step {
        public String name() {
            return CREATE_TARGET_CONFIG;
        }

        public ObjectNode call(EntryContext c) {
            DialinConfig created = c.target().createDialinConfig(c.entry.config().targetSpec());
            c.createdConfig = created;
            return data().put("target_config_id", created.id()).put("target_sip_uri", created.sipUri());
        }

        public Verdict reconcile(EntryContext c) {
            List<DialinConfig> copies = modernCopies(c.target(), c.entry, c.entry.config());
            if (copies.isEmpty()) {
                return new Verdict.NotDone();
            }
            if (copies.size() > 1 || !c.entry.config().sameHmac(copies.get(0).hmac())) {
                return new Verdict.Conflict("the target has " + copies.size()
                        + " config(s) for this entry, not exactly one with the planned hmac");
            }
            c.createdConfig = copies.get(0);
            return new Verdict.Done(data().put("target_config_id", copies.get(0).id())
                    .put("target_sip_uri", copies.get(0).sipUri()));
        }

        public void absorb(EntryContext c, JsonNode data) {
            c.targetConfigId = EntryContext.text(data, "target_config_id");
            c.targetSipUri = EntryContext.text(data, "target_sip_uri");
        }

        public boolean retryAfterNotApplied(ApiException failure) {
            return !(failure instanceof InvalidRequestException);
        }
    }

    /**
     * Compares the created config with the plan (apart from sip_uri). The create's answer (or the read that
     * reconciled it) already holds the stored object, so it is read again only when an earlier run created it.
     */
    record CheckTargetConfig() implements Step {
        public String name() {
            return CHECK_TARGET_CONFIG;
        }

        public ObjectNode call(EntryContext c) {
            DialinConfig live = c.createdConfig != null && c.targetConfigId.equals(c.createdConfig.id())
                    ? c.createdConfig : c.target().dialinConfig(c.targetConfigId);
            List<String> differences = c.entry.config().differencesOnTarget(live);
            if (!differences.isEmpty()) {
                throw new StepCheckException("the target config " + live.id() + " differs from the plan in "
                        + String.join(", ", differences));
            }
            return data().put("target_sip_uri", live.sipUri());
        }

        public Verdict reconcile(EntryContext c) {
            return new Verdict.NotDone();
        }

        public boolean changesState() {
            return false;
        }
    }

    /** Rollback: deletes the config this run created on the target. */
    record DeleteTargetConfig() implements Step {
        public String name() {
            return DELETE_TARGET_CONFIG;
        }

        public ObjectNode call(EntryContext c) {
            c.target().deleteDialinConfig(c.targetConfigId);
            return data();
        }

        public Verdict reconcile(EntryContext c) {
            try {
                c.target().dialinConfig(c.targetConfigId);
                return new Verdict.NotDone();
            } catch (NotFoundException gone) {
                return new Verdict.Done(data());
            }
        }

        public boolean reconcileFirst() {
            return true;
        }
    }

    /** Rollback: transfers the number back with the target key, using its new id. */
    record TransferBack() implements Step {
        public String name() {
            return TRANSFER_BACK;
        }

        public ObjectNode call(EntryContext c) {
            String id = c.target().transferNumber(c.newPhoneId, c.session.sourceDomain().name(),
                    c.session.clients().sourceKey());
            return data().put("source_phone_id", id);
        }

        public Verdict reconcile(EntryContext c) {
            Optional<String> onSource = ownedId(c.source(), c.entry.number());
            if (onSource.isPresent()) {
                return new Verdict.Done(data().put("source_phone_id", onSource.get()));
            }
            if (ownedId(c.target(), c.entry.number()).isPresent()) {
                return new Verdict.NotDone();
            }
            return new Verdict.Conflict(c.entry.number() + " is owned by neither domain");
        }

        public void absorb(EntryContext c, JsonNode data) {
            c.restoredPhoneId = EntryContext.text(data, "source_phone_id");
        }

        public boolean retryAfterNotApplied(ApiException failure) {
            return !(failure instanceof NotFoundException);
        }

        public boolean reconcileFirst() {
            return true;
        }
    }

    /**
     * Rollback: re-creates the modern config on the source from the backup, exactly as it was observed there
     * (its hmac and original webhook), never from the plan.
     */
    record RestoreSourceConfig() implements Step {
        public String name() {
            return RESTORE_SOURCE_CONFIG;
        }

        public ObjectNode call(EntryContext c) {
            Optional<ObservedConfig> backup = c.backupModern();
            if (backup.isEmpty()) {
                return data().put("restored", false);
            }
            DialinConfig created = c.source().createDialinConfig(backup.get().config().sourceSpec());
            return data().put("source_config_id", created.id());
        }

        public Verdict reconcile(EntryContext c) {
            Optional<ObservedConfig> backup = c.backupModern();
            if (backup.isEmpty()) {
                return new Verdict.Done(data().put("restored", false));
            }
            List<DialinConfig> copies = modernCopies(c.source(), c.entry, backup.get().config());
            return copies.isEmpty() ? new Verdict.NotDone()
                    : new Verdict.Done(data().put("source_config_id", copies.get(0).id()));
        }

        public void absorb(EntryContext c, JsonNode data) {
            c.restoredConfigId = EntryContext.text(data, "source_config_id");
        }

        public boolean retryAfterNotApplied(ApiException failure) {
            return !(failure instanceof InvalidRequestException);
        }

        public boolean reconcileFirst() {
            return true;
        }
    }

    /** Rollback: puts this entry's legacy entries back into the source's arrays, from the backup. */
    record RestoreLegacyEntries() implements Step {
        public String name() {
            return RESTORE_LEGACY_ENTRIES;
        }

        public ObjectNode call(EntryContext c) {
            int added = c.session.legacy().add(c.source(), c.session.sourceDomain().name(), wanted(c),
                    EntryContext.SAME_LEGACY_ENTRY);
            return data().put("added", added);
        }

        public Verdict reconcile(EntryContext c) {
            List<PlannedConfig> present = LegacyArrays.configs(c.source().domain());
            boolean all = wanted(c).stream().allMatch(wanted -> present.stream()
                    .anyMatch(old -> EntryContext.SAME_LEGACY_ENTRY.test(wanted, old)));
            return all ? new Verdict.Done(data()) : new Verdict.NotDone();
        }

        public boolean reconcileFirst() {
            return true;
        }

        private static List<PlannedConfig> wanted(EntryContext c) {
            return c.backupLegacy();
        }
    }
}
