package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.switchboard.daily.inventory.DailyInventory;
import dev.switchboard.signalwire.inventory.SignalWireInventory;

/** An inventory file: {@code version: 1} and a section per provider (a section left out is not managed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "daily", "signalwire"})
record InventoryDocument(int version, DailyInventory daily, SignalWireInventory signalwire) {
    static final int VERSION = 1;
}
