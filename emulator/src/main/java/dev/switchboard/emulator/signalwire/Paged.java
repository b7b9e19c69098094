package dev.switchboard.emulator.signalwire;

/** An item of a Relay REST listing: its id and its creation sequence in the project (newest = highest). */
interface Paged {
    String id();

    long seq();
}
