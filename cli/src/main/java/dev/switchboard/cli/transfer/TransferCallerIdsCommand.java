package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code switchboard transfer caller-ids}: register the source's verified caller IDs on the target. */
@Command(name = "caller-ids",
        description = "Add the numbers of unverified_caller_ids.json (verified caller IDs of the source, which "
                + "cannot be transferred) to the target as verified caller IDs. Numbers already there are skipped.")
public final class TransferCallerIdsCommand implements Callable<Integer> {
    /** One number's outcome. */
    record Row(String number, String name, String result, String error) {
    }

    private final CliContext context;

    @Mixin
    TransferFilesMixin files;
    @Mixin
    RetryMixin retry;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    OutputMixin output;
    @Mixin
    DebugMixin debug;

    @Option(names = "--file", paramLabel = "FILE", description = "The list to add (default: DIR/unverified_caller_ids.json).")
    String file;

    TransferCallerIdsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path path = file == null ? files.dir(context).resolve(PlanRun.CALLER_IDS_FILE) : context.resolve(file);
        List<Row> wanted = read(path);
        DailyClient target = DailyConnection.target(context, retry.policy(context.settings()), debug);
        Set<String> present = existing(target);
        List<Row> toAdd = wanted.stream().filter(row -> !present.contains(row.number())).toList();
        if (!toAdd.isEmpty()) {
            new Prompter(context, confirm.yes()).require("Add " + Plural.of(toAdd.size(), "verified caller ID") + " to "
                    + target.domain().name() + "?");
        }
        List<Row> rows = new ArrayList<>();
        for (Row row : wanted) {
            rows.add(present.contains(row.number()) ? new Row(row.number(), row.name(), "already-present", null)
                    : add(target, row));
        }
        output.print(Table.of(Row.class).column("NUMBER", "number", Row::number).column("NAME", "name", Row::name)
                .column("RESULT", "result", Row::result).column("ERROR", "error", Row::error), rows);
        return rows.stream().anyMatch(r -> r.result().equals("failed")) ? ExitCode.FAILED : ExitCode.OK;
    }

    /** Non-idempotent: after an unknown outcome the list is read again instead of re-sending. */
    private static Row add(DailyClient target, Row row) {
        try {
            target.addVerifiedCallerId(row.number(), row.name());
            return new Row(row.number(), row.name(), "added", null);
        } catch (UnknownOutcomeException unknown) {
            boolean there = existing(target).contains(row.number());
            return new Row(row.number(), row.name(), there ? "added" : "failed", there ? null : unknown.getMessage());
        } catch (ApiException failed) {
            return new Row(row.number(), row.name(), "failed", failed.getMessage());
        }
    }

    /**
     * The caller IDs the target already has, from the purchased-numbers listing (where Daily lists them
     * without an id); the undocumented {@code GET /verified-caller-ids} is not relied on.
     */
    private static Set<String> existing(DailyClient target) {
        return target.purchasedNumbers(PurchasedNumberFilter.all()).stream().filter(n -> !n.hasId() && !n.isDeleted())
                .map(PurchasedNumber::number).collect(Collectors.toSet());
    }

    private static List<Row> read(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw CliException.invalidInput("no " + path + " (run 'switchboard transfer plan' first)");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(path.toFile());
        } catch (IOException e) {
            throw CliException.invalidInput(path.getFileName() + " is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw CliException.invalidInput(path.getFileName() + " must be a JSON array of {\"number\", \"name\"}");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : root) {
            String raw = item.path("number").asText(null);
            String number = E164.tryParse(raw).map(E164::value).orElseThrow(() -> CliException.invalidInput(
                    path.getFileName() + ": '" + raw + "' is not an E.164 phone number"));
            rows.add(new Row(number, item.path("name").isTextual() ? item.get("name").asText() : null, null, null));
        }
        return rows;
    }
}
