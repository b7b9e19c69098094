package dev.switchboard.daily;

import dev.switchboard.core.phone.E164;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a call as far as transfers care: a phone number on the PSTN, a SIP address inside Daily's SIP
 * network (a room's or a dial-in config's endpoint), or a SIP address outside it. Parse user input with
 * {@link #parse}.
 */
public sealed interface CallEndpoint {
    Pattern SIP = Pattern.compile("(?i)sips?:([^@\\s]+)@([^;?>\\s]+)(.*)");

    /** The value Daily's call-control bodies take ({@code +1...} or {@code sip:user@host}). */
    String wire();

    /** A phone number, reached over the PSTN. */
    record Pstn(E164 number) implements CallEndpoint {
        @Override
        public String wire() {
            return number.value();
        }
    }

    /** A SIP address that belongs to Daily (a room or dial-in endpoint). */
    record DailySip(String uri, String host) implements CallEndpoint {
        @Override
        public String wire() {
            return uri;
        }
    }

    /** A SIP address outside Daily's SIP network (a PBX, IVR, contact centre or another provider). */
    record ExternalSip(String uri, String host) implements CallEndpoint {
        @Override
        public String wire() {
            return uri;
        }
    }

    /**
     * Reads {@code +14155550101} (any E.164 form {@link E164} accepts) or {@code sip:user@host}; a bare
     * {@code user@host} is read as SIP.
     *
     * @throws IllegalArgumentException for anything else
     */
    static CallEndpoint parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("an endpoint is a phone number (+1...) or a SIP URI (sip:user@host)");
        }
        String value = raw.strip();
        if (value.startsWith("+")) {
            return new Pstn(E164.parse(value));
        }
        Matcher sip = SIP.matcher(withSipScheme(value));
        if (!sip.matches()) {
            throw new IllegalArgumentException("'" + value + "' is neither an E.164 number nor a SIP URI (sip:user@host)");
        }
        String host = sip.group(2).toLowerCase(Locale.ROOT);
        String uri = withSipScheme(value);
        return isDailyHost(host) ? new DailySip(uri, host) : new ExternalSip(uri, host);
    }

    /** {@code user@host} as {@code sip:user@host}; a value that has a scheme is returned unchanged. */
    static String withSipScheme(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("sip:") || lower.startsWith("sips:") ? value : "sip:" + value;
    }

    /**
     * Daily's SIP network: {@code *.sip.daily.co} (room addresses in Daily's guides) and the
     * {@code daily-<domain>...signalwire.com} hosts Daily provisions for rooms and pinless configs.
     */
    static boolean isDailyHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".sip.daily.co") || h.startsWith("daily-") && h.endsWith(".signalwire.com");
    }
}
