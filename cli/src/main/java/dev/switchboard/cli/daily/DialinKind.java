package dev.switchboard.cli.daily;

import dev.switchboard.daily.DialinType;

/** The {@code --type} values of the dialin commands. */
enum DialinKind {
    PINLESS(DialinType.PINLESS_DIALIN), PIN(DialinType.PIN_DIALIN);

    private final DialinType type;

    DialinKind(DialinType type) {
        this.type = type;
    }

    DialinType type() {
        return type;
    }
}
