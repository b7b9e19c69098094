package dev.switchboard.daily.migration;

import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which steps an entry takes, in order, and what the journal says about an entry. */
final class EntrySteps {
    private EntrySteps() {
    }

    /**
     * A number: transfer, remove its source config (modern by id, legacy by rewriting the arrays, plus any
     * overridden legacy duplicates), create it on the target, check it. A SIP-only config: create and
     * check on the target first, then remove it from the source, so it always exists somewhere.
     */
    static List<Step> forward(PlanEntry entry) {
        List<Step> steps = new ArrayList<>();
        if (!entry.isSipOnly()) {
            steps.add(new Step.TransferNumber());
        }
        if (!entry.hasConfig()) {
            return steps;
        }
        List<Step> removal = new ArrayList<>();
        if (entry.srcType() == SourceKind.DOMAIN_DIALIN_CONFIG) {
            removal.add(new Step.DeleteSourceConfig());
        }
        if (entry.touchesLegacyArrays()) {
            removal.add(new Step.RemoveLegacyEntries());
        }
        List<Step> creation = List.of(new Step.CreateTargetConfig(), new Step.CheckTargetConfig());
        if (entry.isSipOnly()) {
            steps.addAll(creation);
            steps.addAll(removal);
        } else {
            steps.addAll(removal);
            steps.addAll(creation);
        }
        return steps;
    }

    /** The steps that undo whichever forward steps are done, in undo order. */
    static List<Step> rollback(PlanEntry entry, java.util.Set<String> done) {
        List<Step> steps = new ArrayList<>();
        boolean created = done.contains(Step.CREATE_TARGET_CONFIG);
        boolean modernRemoved = done.contains(Step.DELETE_SOURCE_CONFIG);
        boolean legacyRemoved = done.contains(Step.REMOVE_LEGACY_ENTRIES);
        if (entry.isSipOnly()) {
            addRestores(steps, modernRemoved, legacyRemoved);
            if (created) {
                steps.add(new Step.DeleteTargetConfig());
            }
            return steps;
        }
        if (created) {
            steps.add(new Step.DeleteTargetConfig());
        }
        if (done.contains(Step.TRANSFER)) {
            steps.add(new Step.TransferBack());
        }
        addRestores(steps, modernRemoved, legacyRemoved);
        return steps;
    }

    private static void addRestores(List<Step> steps, boolean modernRemoved, boolean legacyRemoved) {
        if (modernRemoved) {
            steps.add(new Step.RestoreSourceConfig());
        }
        if (legacyRemoved) {
            steps.add(new Step.RestoreLegacyEntries());
        }
    }

    /** The entry's status and ids as the journal records them (no network). */
    static EntryResult fromJournal(PlanEntry planned, JournalView view) {
        PlanEntry entry = EntryStart.working(planned, view);
        String key = entry.key();
        String newId = data(view, key, Step.TRANSFER, "new_phone_id");
        String configId = data(view, key, Step.CREATE_TARGET_CONFIG, "target_config_id");
        String sipUri = Optional.ofNullable(data(view, key, Step.CHECK_TARGET_CONFIG, "target_sip_uri"))
                .orElse(data(view, key, Step.CREATE_TARGET_CONFIG, "target_sip_uri"));
        String restored = data(view, key, Step.TRANSFER_BACK, "source_phone_id");
        Optional<JournalRecord> rollback = view.last(key, Step.ROLLBACK);
        if (rollback.isPresent()) {
            EntryStatus status = switch (rollback.get().phase()) {
                case DONE -> EntryStatus.ROLLED_BACK;
                case FAILED, UNKNOWN -> EntryStatus.ROLLBACK_FAILED;
                case BEGIN -> EntryStatus.ROLLING_BACK;
            };
            return result(entry, status, lastProblemStep(view, key), message(rollback.get()), newId, configId, sipUri,
                    restored, rollback.get());
        }
        List<Step> forward = forward(entry);
        if (!EntryStart.progressed(view, key)) {
            Optional<JournalRecord> refused = view.last(key, EntryStart.STEP).filter(r -> r.phase() == Phase.FAILED);
            return refused.map(r -> result(entry, EntryStatus.FAILED, EntryStart.STEP, message(r), null, null, null,
                            null, r))
                    .orElseGet(() -> new EntryResult(entry, EntryStatus.PENDING, null, null, null, null, null, null,
                            false, null));
        }
        JournalRecord latest = latest(view, key);
        if (forward.stream().allMatch(step -> view.isDone(key, step.name()))) {
            return result(entry, EntryStatus.MIGRATED, null, null, newId, configId, sipUri, null, latest);
        }
        for (Step step : forward) {
            Optional<Phase> phase = view.phase(key, step.name());
            if (phase.isPresent() && phase.get().isAmbiguous()) {
                EntryStatus status = phase.get() == Phase.UNKNOWN ? EntryStatus.UNRESOLVED : EntryStatus.IN_PROGRESS;
                return result(entry, status, step.name(), message(view.last(key, step.name()).get()), newId,
                        configId, sipUri, null, latest);
            }
            if (phase.orElse(null) == Phase.FAILED) {
                boolean changed = forward.stream().anyMatch(s -> s.changesState() && view.isDone(key, s.name()));
                return result(entry, changed ? EntryStatus.LEFT : EntryStatus.FAILED, step.name(),
                        message(view.last(key, step.name()).get()), newId, configId, sipUri, null, latest);
            }
        }
        return result(entry, EntryStatus.IN_PROGRESS, null, null, newId, configId, sipUri, null, latest);
    }

    private static EntryResult result(PlanEntry entry, EntryStatus status, String step, String message, String newId,
                                      String configId, String sipUri, String restored, JournalRecord at) {
        return new EntryResult(entry, status, step, message, newId, configId, sipUri, restored, false, at.ts());
    }

    private static JournalRecord latest(JournalView view, String key) {
        return view.steps(key).values().stream().max(java.util.Comparator.comparingLong(JournalRecord::seq)).orElseThrow();
    }

    private static String lastProblemStep(JournalView view, String key) {
        return view.steps(key).values().stream()
                .filter(r -> r.phase() != Phase.DONE && !r.step().equals(Step.ROLLBACK))
                .max(java.util.Comparator.comparingLong(JournalRecord::seq)).map(JournalRecord::step).orElse(null);
    }

    private static String message(JournalRecord record) {
        return EntryContext.text(record.data(), "error") != null ? EntryContext.text(record.data(), "error")
                : EntryContext.text(record.data(), "reason");
    }

    private static String data(JournalView view, String key, String step, String field) {
        return view.last(key, step).filter(r -> r.phase() == Phase.DONE)
                .map(r -> EntryContext.text(r.data(), field)).orElse(null);
    }
}
