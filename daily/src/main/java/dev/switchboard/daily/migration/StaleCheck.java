package dev.switchboard.daily.migration;

import dev.switchboard.core.journal.JournalView;
import dev.switchboard.daily.PurchasedNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a plan with both live domains before apply changes anything. Entries the journal shows as
 * started are exempt: their state is expected to have moved. Every mismatch names its entry.
 */
final class StaleCheck {
    private StaleCheck() {
    }

    static List<PlanProblem> problems(TransferPlan plan, DomainInventory source, DomainInventory target,
                                      JournalView journal) {
        List<PlanProblem> problems = new ArrayList<>();
        for (PlanEntry entry : plan.entryList()) {
            if (EntryStart.progressed(journal, entry.key())) {
                continue;
            }
            List<String> found = entry.isSipOnly() ? sipOnly(entry, source, target) : number(entry, source, target);
            found.forEach(message -> problems.add(new PlanProblem(entry.key(), message)));
        }
        return problems;
    }

    private static List<String> number(PlanEntry entry, DomainInventory source, DomainInventory target) {
        List<String> problems = new ArrayList<>();
        String number = entry.number();
        Optional<PurchasedNumber> owned = source.number(number);
        if (target.owns(number)) {
            problems.add("the number is already in the target domain " + target.domain().name());
        } else if (owned.isEmpty()) {
            problems.add("the number is no longer in the source domain " + source.domain().name());
        }
        if (owned.isPresent() && !owned.get().id().equals(entry.sourcePhoneId())) {
            problems.add("the number's id on the source is " + owned.get().id() + ", the plan says "
                    + entry.sourcePhoneId());
        }
        List<ObservedConfig> targetConfigs = target.configsFor(number);
        if (!targetConfigs.isEmpty()) {
            problems.add("the target already has a dial-in config for this number (" + targetConfigs.get(0).describe()
                    + ")");
        }
        if (entry.srcType() == null && owned.isPresent()) {
            source.effectiveConfig(number).ifPresent(config -> problems.add("the source routes this number with "
                    + config.describe() + ", which the plan does not move (config_data is null); the number would "
                    + "arrive on the target without routing: restore config_data, or plan again"));
        }
        if (entry.srcType() == SourceKind.DOMAIN_DIALIN_CONFIG) {
            Optional<ObservedConfig> config = source.modernConfig(entry.configId());
            if (config.isEmpty() || !number.equals(config.get().phoneNumber())) {
                problems.add("dial-in config " + entry.configId() + " for this number is no longer on the source");
            } else {
                sameIdentity(entry, config.get(), problems);
            }
        } else if (entry.srcType() != null) {
            Optional<ObservedConfig> legacy = source.configsFor(number).stream()
                    .filter(config -> config.kind() == entry.srcType()).findFirst();
            if (legacy.isEmpty()) {
                problems.add("the legacy " + entry.config().type().wireName() + " entry for this number is no longer "
                        + "on the source");
            } else {
                sameIdentity(entry, legacy.get(), problems);
            }
        }
        if (problems.isEmpty() && entry.fingerprint() != null) {
            Optional<String> live = Observation.forNumber(source, number).map(Observation::fingerprint);
            if (!live.map(entry.fingerprint()::equals).orElse(false)) {
                problems.add("the number or its config changed on the source since the plan was made; "
                        + "run 'switchboard transfer plan' again");
            }
        }
        return problems;
    }

    /**
     * A plan may edit a config's webhook or name, not what identifies it to the receivers: the target config must
     * keep the source's type and hmac, or webhook verification stops (and the original hmac would be lost).
     */
    private static void sameIdentity(PlanEntry entry, ObservedConfig live, List<String> problems) {
        if (live.config().type() != entry.config().type()) {
            problems.add("config_data.type is " + entry.config().type().wireName() + " but the source's config is "
                    + live.config().type().wireName() + "; restore it, or plan again");
        } else if (!entry.config().sameHmac(live.config().hmac())) {
            problems.add("config_data.hmac differs from the source's hmac; the receiver of room_creation_api verifies "
                    + "with the source's, so restore it in the plan, or plan again");
        }
    }

    private static List<String> sipOnly(PlanEntry entry, DomainInventory source, DomainInventory target) {
        List<String> problems = new ArrayList<>();
        Optional<Observation> observed = Observation.forSipOnly(source, entry.srcType(), entry.configId(),
                entry.config());
        if (observed.isEmpty()) {
            problems.add("this SIP-only config is no longer on the source");
        } else {
            sameIdentity(entry, observed.get().main(), problems);
        }
        if (!target.sipOnlyMatching(entry.config()).isEmpty()) {
            problems.add("the target already has a SIP-only config with the same hmac");
        }
        if (problems.isEmpty() && entry.fingerprint() != null
                && !entry.fingerprint().equals(observed.get().fingerprint())) {
            problems.add("this SIP-only config changed on the source since the plan was made; "
                    + "run 'switchboard transfer plan' again");
        }
        return problems;
    }
}
