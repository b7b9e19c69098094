package dev.switchboard.core.inventory;

import java.util.Objects;

/**
 * A secret named in an inventory file ({@code hmac: {secret: DIALIN_SALES_HMAC}}) instead of written
 * inline; its value comes from the secrets file or the environment ({@link SecretSource}).
 */
public record SecretRef(String secret) {
    public SecretRef {
        Objects.requireNonNull(secret, "secret");
    }

    public static SecretRef named(String name) {
        return new SecretRef(name);
    }
}
