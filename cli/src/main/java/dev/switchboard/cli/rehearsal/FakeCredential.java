package dev.switchboard.cli.rehearsal;

import dev.switchboard.emulator.server.RequestLog;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A credential the emulated copy of an account accepts in place of the real one: freshly generated, never derived
 * from the real key, so a snapshot file holds no real key.
 *
 * @param variable the environment variable a command reads it from, e.g. {@code DAILY_API_KEY}
 * @param value    the fake key or token
 * @param account  whose copy it opens, for people: {@code Daily acme}, {@code SignalWire <project>}
 * @param logCredential what the emulator's request log fingerprints: the key, or {@code project:token}
 */
record FakeCredential(String variable, String value, String account, String logCredential) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static String newValue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "rehearsal-" + HexFormat.of().formatHex(bytes);
    }

    /** The fingerprint the emulator's request log shows for requests made with this credential. */
    String fingerprint() {
        return RequestLog.fingerprint(logCredential);
    }
}
