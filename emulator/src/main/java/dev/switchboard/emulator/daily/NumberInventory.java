package dev.switchboard.emulator.daily;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The carrier's stock of numbers for {@code /list-available-numbers}: a fixed set of US area codes, each with
 * numbers drawn from a seeded RNG, so the same seed lists the same numbers. Whether a number is still free is
 * decided against the live state by the caller.
 */
final class NumberInventory {
    static final int PER_AREA_CODE = 40;

    record Area(String areaCode, String region, String city) {
    }

    record Candidate(String number, Area area) {
        String national() {
            return number.substring(2);
        }
    }

    static final List<Area> AREAS = List.of(
            new Area("415", "CA", "San Francisco"), new Area("805", "CA", "Santa Barbara"),
            new Area("213", "CA", "Los Angeles"), new Area("619", "CA", "San Diego"),
            new Area("212", "NY", "New York"), new Area("718", "NY", "Brooklyn"),
            new Area("305", "FL", "Miami"), new Area("407", "FL", "Orlando"),
            new Area("512", "TX", "Austin"), new Area("713", "TX", "Houston"),
            new Area("206", "WA", "Seattle"), new Area("312", "IL", "Chicago"),
            new Area("617", "MA", "Boston"), new Area("303", "CO", "Denver"));

    private final List<Candidate> candidates = new ArrayList<>();

    NumberInventory(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (Area area : AREAS) {
            TreeSet<String> numbers = new TreeSet<>();
            while (numbers.size() < PER_AREA_CODE) {
                int exchange = 200 + random.nextInt(800);
                int line = random.nextInt(10_000);
                numbers.add(String.format(Locale.ROOT, "+1%s%03d%04d", area.areaCode(), exchange, line));
            }
            numbers.forEach(n -> candidates.add(new Candidate(n, area)));
        }
    }

    List<Candidate> search(AvailableNumberQuery query, Predicate<String> stillFree) {
        return candidates.stream().filter(c -> query.matches(c) && stillFree.test(c.number())).toList();
    }

    /** A number outside the listed stock, in one of the region's area codes, that is still free. */
    String freshNumber(String region, DailyState state) {
        List<Area> areas = AREAS.stream().filter(a -> a.region().equals(region)).toList();
        while (true) {
            Area area = areas.get(state.randomIndex(areas.size()));
            String number = String.format(Locale.ROOT, "+1%s%03d%04d", area.areaCode(), 200 + state.randomIndex(800),
                    state.randomIndex(10_000));
            if (state.available(number)) {
                return number;
            }
        }
    }
}
