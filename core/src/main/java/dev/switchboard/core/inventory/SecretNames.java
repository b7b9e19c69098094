package dev.switchboard.core.inventory;

import dev.switchboard.core.http.Secret;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The secrets an export moves out of the inventory file, each under a unique environment-variable-style
 * name ({@code DIALIN_14155550101_HMAC}); a second secret that would get the same name gets {@code _2}, ...
 */
public final class SecretNames {
    private final Map<String, Secret> values = new TreeMap<>();

    /** {@code PREFIX_<what, upper case, non-alphanumerics as _>_HMAC}, e.g. {@code from("DIALIN", "+1415...")}. */
    public static String from(String prefix, String what) {
        String middle = what.toUpperCase(Locale.ROOT).replaceAll("^[A-Z]+://", "").replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return middle.isEmpty() ? prefix + "_HMAC" : prefix + "_" + middle + "_HMAC";
    }

    /** Keeps {@code value} under {@code name} (or the first free {@code name_N}) and returns the reference. */
    public SecretRef add(String name, Secret value) {
        String unique = name;
        for (int n = 2; values.containsKey(unique); n++) {
            unique = name + "_" + n;
        }
        values.put(unique, value);
        return SecretRef.named(unique);
    }

    /** Every name and its value, sorted by name. */
    public Map<String, Secret> values() {
        return Collections.unmodifiableMap(values);
    }
}
