package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.inventory.InventoryAction;
import dev.switchboard.core.inventory.Note;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.io.InputFiles;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.inventory.DailyAction;
import dev.switchboard.signalwire.inventory.SignalWireAction;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The plan {@code inventory plan} writes and {@code inventory apply} runs ({@code inventory_plan.json}, owner-only):
 * the typed actions per provider in run order, the notes, and where the inventory and its secrets are (the
 * plan names secrets, never holds them). {@code id} identifies the plan in the apply journal.
 */
record InventoryPlanFile(String format, int version, String inventory, String secrets,
                         @JsonProperty("allow_release") boolean allowRelease, List<DailyAction> daily,
                         List<SignalWireAction> signalwire, List<Note> notes) {
    static final String FORMAT = "switchboard-inventory-plan";
    static final String DEFAULT_NAME = "inventory_plan.json";

    InventoryPlanFile {
        daily = daily == null ? List.of() : List.copyOf(daily);
        signalwire = signalwire == null ? List.of() : List.copyOf(signalwire);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    List<InventoryAction<?>> actions() {
        List<InventoryAction<?>> all = new ArrayList<>(daily);
        all.addAll(signalwire);
        return all;
    }

    void write(Path file) throws IOException {
        SecureFiles.writeJson(file, this, true);
    }

    /** A plan file, bounded and checked: anything but a plan this tool wrote is one line and exit 2. */
    static InventoryPlanFile read(Path file) {
        try {
            JsonNode tree = InputFiles.readJson(file, "plan", InputFiles.MAX_PLAN_BYTES);
            if (!FORMAT.equals(tree.path("format").asText()) || tree.path("version").asInt() != 1) {
                throw CliException.invalidInput(file.getFileName() + " is not an inventory plan (format "
                        + FORMAT + ", version 1); make one with 'switchboard inventory plan'");
            }
            InventoryPlanFile plan = Json.mapper().treeToValue(tree, InventoryPlanFile.class);
            if (plan.inventory() == null || plan.secrets() == null) {
                throw CliException.invalidInput(file.getFileName() + ": the plan does not name its inventory and "
                        + "secrets files; make a new one with 'switchboard inventory plan'");
            }
            for (InventoryAction<?> action : plan.actions()) {
                if (action.address() == null || action.changes() == null) {
                    throw CliException.invalidInput(file.getFileName() + ": an action lacks its address or changes");
                }
            }
            return plan;
        } catch (InputFileException e) {
            throw CliException.invalidInput(e.getMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " (line " + e.getLocation().getLineNr() + ")";
            throw CliException.invalidInput(file.getFileName() + " is not a valid inventory plan" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read plan " + file + ": " + e.getMessage());
        }
    }

    /** The first 12 hex digits of the SHA-256 of the plan's JSON: journal entries of one plan share it. */
    String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.compactWriter().writeValueAsBytes(this));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
