package dev.switchboard.emulator.daily;

import java.util.regex.Pattern;

/** Phone-number shapes the emulator checks. */
final class E164 {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern NANP = Pattern.compile("\\+1[2-9]\\d{2}[2-9]\\d{6}");

    private E164() {
    }

    static boolean valid(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** A well-formed US/Canada number, the only kind the emulated carrier sells. */
    static boolean nanp(String number) {
        return number != null && NANP.matcher(number).matches();
    }

    /** The form Daily uses in "not associated with domain" messages: digits without the plus. */
    static String digits(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
