package dev.switchboard.emulator.server;

import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/** Ids and secrets from a seeded RNG, so a run with the same seed produces the same values. Not thread-safe. */
public final class SeededIds {
    private final Random random;

    public SeededIds(long seed) {
        this.random = new Random(seed);
    }

    /** A version-4-shaped UUID string. */
    public String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** {@code bytes} random bytes, base64 encoded (the form of Daily's hmac secrets). */
    public String base64Secret(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
