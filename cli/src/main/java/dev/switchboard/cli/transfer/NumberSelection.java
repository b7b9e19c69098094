package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.phone.E164;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns what a person typed ({@code all}, {@code 1,3,5-7}) or flags ({@code --numbers}, {@code --exclude}) into numbers. */
final class NumberSelection {
    private NumberSelection() {
    }

    /** Indexes are 1-based positions in {@code numbers}; {@code all} takes everything; blank takes nothing. */
    static List<String> fromAnswer(String answer, List<String> numbers) {
        String text = answer.trim().toLowerCase(Locale.ROOT);
        if (text.equals("all") || text.equals("*")) {
            return List.copyOf(numbers);
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (text.isEmpty()) {
            return List.of();
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", -1);
            try {
                int from = Integer.parseInt(range[0]);
                int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
                if (range.length > 2 || from < 1 || to > numbers.size() || from > to) {
                    throw new NumberFormatException(part);
                }
                for (int i = from; i <= to; i++) {
                    chosen.add(numbers.get(i - 1));
                }
            } catch (NumberFormatException e) {
                throw CliException.invalidInput("'" + part + "' is not an index or range between 1 and " + numbers.size());
            }
        }
        return List.copyOf(chosen);
    }

    /** {@code --numbers} (or all when {@code all} or only {@code --exclude} is given) minus {@code --exclude}. */
    static List<String> fromFlags(boolean all, List<String> include, List<String> exclude, List<String> numbers) {
        List<String> base = new ArrayList<>();
        if (!include.isEmpty()) {
            for (String raw : include) {
                String number = parse(raw, "--numbers");
                if (!numbers.contains(number)) {
                    throw CliException.invalidInput(number + " (--numbers) is not a purchased number of the source domain");
                }
                if (!base.contains(number)) {
                    base.add(number);
                }
            }
        } else if (all || !exclude.isEmpty()) {
            base.addAll(numbers);
        }
        for (String raw : exclude) {
            base.remove(parse(raw, "--exclude"));
        }
        return base;
    }

    private static String parse(String raw, String flag) {
        return E164.tryParse(raw).map(E164::value).orElseThrow(() ->
                CliException.invalidInput("'" + raw + "' (" + flag + ") is not an E.164 phone number such as +14155550101"));
    }
}
