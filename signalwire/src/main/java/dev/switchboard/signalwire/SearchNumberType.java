package dev.switchboard.signalwire;

/** The {@code number_type} of a number search: {@code local} (SignalWire's default) or {@code toll-free}. */
public enum SearchNumberType {
    LOCAL("local"),
    TOLL_FREE("toll-free");

    private final String wireName;

    SearchNumberType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
