package dev.switchboard.daily.inventory;

import dev.switchboard.core.inventory.FieldChange;
import dev.switchboard.core.inventory.InvalidInventoryException;
import dev.switchboard.core.inventory.Note;
import dev.switchboard.core.inventory.ProviderPlan;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.VerifiedCallerId;
import dev.switchboard.daily.Webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the {@code daily:} section with a domain's live state and lists the actions that make live match,
 * in run order: buys, creates, changes, deletes, releases last. A number is never released or bought as a
 * side effect: a number the file leaves out is reported as unmanaged, and a release needs both
 * {@code release: true} in the file and {@code allowRelease}.
 */
public final class DailyPlanner {
    private final SecretSource secrets;
    private final boolean allowRelease;

    public DailyPlanner(SecretSource secrets, boolean allowRelease) {
        this.secrets = secrets;
        this.allowRelease = allowRelease;
    }

    public ProviderPlan<DailyAction> plan(DailyInventory wanted, DailyLive live) {
        DailyValidation.check(wanted, secrets);
        List<DailyAction> adds = new ArrayList<>();
        List<DailyAction> changes = new ArrayList<>();
        List<DailyAction> destroys = new ArrayList<>();
        List<DailyAction> releases = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        if (wanted.numbers() != null) {
            numbers(wanted.numbers(), live.numbers(), adds, releases, notes);
        }
        if (wanted.dialinConfigs() != null) {
            dialins(wanted.dialinConfigs(), live.dialinConfigs(), adds, changes, destroys);
        }
        if (wanted.legacyDialin() != null) {
            List<FieldChange> legacy = DailyLegacy.changes(wanted.legacyDialin(), live.domain().config(), secrets);
            if (!legacy.isEmpty()) {
                changes.add(new DailyAction.ReplaceLegacyDialin("daily.legacy_dialin", wanted.legacyDialin(), legacy));
            }
        }
        if (wanted.verifiedCallerIds() != null) {
            callerIds(wanted.verifiedCallerIds(), live.callerIds(), adds, notes);
        }
        if (wanted.webhooks() != null) {
            webhooks(wanted.webhooks(), live.webhooks(), adds, changes, destroys);
        }
        List<DailyAction> all = new ArrayList<>(adds);
        all.addAll(changes);
        all.addAll(destroys);
        all.addAll(releases);
        return new ProviderPlan<>(all, notes);
    }

    private void numbers(List<DailyInventory.Number> wanted, List<PurchasedNumber> live, List<DailyAction> adds,
                         List<DailyAction> releases, List<Note> notes) {
        Map<String, PurchasedNumber> owned = live.stream()
                .collect(Collectors.toMap(PurchasedNumber::number, Function.identity(), (a, b) -> a));
        Set<String> named = new HashSet<>();
        for (DailyInventory.Number number : wanted) {
            named.add(number.number());
            String address = "daily.numbers[\"" + number.number() + "\"]";
            PurchasedNumber have = owned.get(number.number());
            if (have == null) {
                if (!number.releaseRequested()) {
                    adds.add(new DailyAction.BuyNumber(address, number.number(),
                            List.of(new FieldChange("number", null, quoted(number.number())))));
                }
            } else if (number.releaseRequested()) {
                if (allowRelease) {
                    releases.add(new DailyAction.ReleaseNumber(address, number.number(), have.id(),
                            List.of(new FieldChange("number", quoted(number.number()), null))));
                } else {
                    notes.add(Note.unchangeable(address, "marked release: true; run with --allow-release to release it",
                            List.of()));
                }
            } else if (number.name() != null && !number.name().equals(have.name())) {
                notes.add(Note.unchangeable(address, "Daily offers no way to rename a number",
                        List.of(new FieldChange("name", quoted(have.name()), quoted(number.name())))));
            }
        }
        live.stream().filter(n -> !named.contains(n.number())).forEach(n -> notes.add(Note.unmanaged(
                "daily.numbers[\"" + n.number() + "\"]", "not in the file: left alone (never released)")));
    }

    private void dialins(List<DailyInventory.Dialin> wanted, List<DialinConfig> live, List<DailyAction> adds,
                         List<DailyAction> changes, List<DailyAction> destroys) {
        Set<String> taken = new HashSet<>();
        for (DailyInventory.Dialin config : wanted) {
            String address = "daily.dialin_configs[" + DailyValidation.dialinKey(config) + "]";
            DialinConfig match = DailyMatching.dialin(config, live, taken).orElse(null);
            if (match == null) {
                adds.add(new DailyAction.CreateDialin(address, config, FieldChange.all(DailyViews.desired(config), true)));
                continue;
            }
            taken.add(match.id());
            List<FieldChange> fields = DailyMatching.dialinChanges(config, match, secrets);
            if (!DailyViews.typeName(match.type()).equals(config.type())) {
                changes.add(new DailyAction.ReplaceDialin(address, match.id(), config, fields));
            } else if (!fields.isEmpty()) {
                changes.add(new DailyAction.UpdateDialin(address, match.id(), config, fields));
            }
        }
        live.stream().filter(config -> !taken.contains(config.id())).forEach(config -> destroys.add(
                new DailyAction.DeleteDialin("daily.dialin_configs[" + DailyValidation.dialinKey(DailyViews.entry(config, null))
                        + "]", config.id(), FieldChange.all(DailyViews.live(DailyViews.entry(config, null),
                        config.hmac(), null, secrets), false))));
    }

    private static void callerIds(List<DailyInventory.CallerId> wanted, List<VerifiedCallerId> live,
                                  List<DailyAction> adds, List<Note> notes) {
        Map<String, VerifiedCallerId> have = live.stream()
                .collect(Collectors.toMap(VerifiedCallerId::number, Function.identity(), (a, b) -> a));
        Set<String> named = new HashSet<>();
        for (DailyInventory.CallerId callerId : wanted) {
            named.add(callerId.number());
            String address = "daily.verified_caller_ids[\"" + callerId.number() + "\"]";
            VerifiedCallerId match = have.get(callerId.number());
            if (match == null) {
                adds.add(new DailyAction.AddCallerId(address, callerId, FieldChange.all(DailyViews.desired(callerId), true)));
            } else if (callerId.name() != null && !Objects.equals(callerId.name(), match.name())) {
                notes.add(Note.unchangeable(address, "Daily offers no way to rename a verified caller id",
                        List.of(new FieldChange("name", quoted(match.name()), quoted(callerId.name())))));
            }
        }
        have.keySet().stream().filter(number -> !named.contains(number)).sorted().forEach(number -> notes.add(
                Note.unchangeable("daily.verified_caller_ids[\"" + number + "\"]",
                        "not in the file, but Daily offers no way to remove a verified caller id", List.of())));
    }

    private void webhooks(List<DailyInventory.Hook> wanted, List<Webhook> live, List<DailyAction> adds,
                          List<DailyAction> changes, List<DailyAction> destroys) {
        Set<String> taken = new HashSet<>();
        for (DailyInventory.Hook hook : wanted) {
            String address = "daily.webhooks[\"" + hook.url() + "\"]";
            Webhook match = live.stream().filter(w -> hook.url().equals(w.url()) && !taken.contains(w.uuid()))
                    .findFirst().orElse(null);
            if (match == null) {
                adds.add(new DailyAction.CreateWebhook(address, hook,
                        FieldChange.all(DailyViews.desired(DailyMatching.sorted(hook)), true)));
                continue;
            }
            taken.add(match.uuid());
            List<FieldChange> fields = DailyMatching.webhookChanges(hook, match, secrets);
            if (!fields.isEmpty()) {
                changes.add(new DailyAction.UpdateWebhook(address, match.uuid(), hook, fields));
            }
        }
        live.stream().filter(w -> !taken.contains(w.uuid())).forEach(w -> destroys.add(new DailyAction.DeleteWebhook(
                "daily.webhooks[\"" + w.url() + "\"]", w.uuid(),
                FieldChange.all(DailyViews.live(DailyViews.entry(w, null), w.hmac(), null, secrets), false))));
    }

    static String quoted(String text) {
        return text == null ? null : "\"" + text + "\"";
    }
}
