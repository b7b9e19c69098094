package dev.switchboard.emulator.signalwire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * The numbers on sale: for each of 14 US area codes 150 local numbers, and 50 in each of 7 toll-free codes,
 * all drawn from an RNG seeded by the emulator seed, so a seed always offers the same numbers. Owned numbers
 * are filtered out by the caller.
 */
final class NumberStock {
    static final int LOCAL_PER_AREA = 150;
    static final int TOLL_FREE_PER_CODE = 50;
    static final List<String> LOCAL_CAPABILITIES = List.of("voice", "fax", "sms", "mms");
    static final List<String> TOLL_FREE_CAPABILITIES = List.of("voice", "fax", "sms");

    /** One number on sale. {@code region} and {@code city} are null for toll-free numbers. */
    record Offer(String e164, String region, String city, boolean tollFree) {
        String national() {
            return e164.substring(2);
        }

        List<String> capabilities() {
            return tollFree ? TOLL_FREE_CAPABILITIES : LOCAL_CAPABILITIES;
        }
    }

    private record Area(String code, String region, String city) {
    }

    private static final List<Area> AREAS = List.of(
            new Area("206", "WA", "Seattle"), new Area("212", "NY", "New York"), new Area("213", "CA", "Los Angeles"),
            new Area("214", "TX", "Dallas"), new Area("303", "CO", "Denver"), new Area("305", "FL", "Miami"),
            new Area("312", "IL", "Chicago"), new Area("404", "GA", "Atlanta"), new Area("415", "CA", "San Francisco"),
            new Area("503", "OR", "Portland"), new Area("512", "TX", "Austin"), new Area("602", "AZ", "Phoenix"),
            new Area("617", "MA", "Boston"), new Area("702", "NV", "Las Vegas"));
    private static final List<String> TOLL_FREE_CODES = List.of("800", "833", "844", "855", "866", "877", "888");

    private final List<Offer> offers;
    private final Map<String, Offer> byNumber = new LinkedHashMap<>();

    NumberStock(long seed) {
        List<Offer> all = new ArrayList<>();
        for (Area area : AREAS) {
            for (String number : draw(seed, area.code(), LOCAL_PER_AREA)) {
                all.add(new Offer(number, area.region(), area.city(), false));
            }
        }
        for (String code : TOLL_FREE_CODES) {
            for (String number : draw(seed, code, TOLL_FREE_PER_CODE)) {
                all.add(new Offer(number, null, null, true));
            }
        }
        this.offers = Collections.unmodifiableList(all);
        all.forEach(offer -> byNumber.put(offer.e164(), offer));
    }

    List<Offer> offers() {
        return offers;
    }

    Optional<Offer> offer(String e164) {
        return Optional.ofNullable(byNumber.get(e164));
    }

    /** The metadata a number outside the stock gets (admin-added or loaded numbers). */
    static Offer outsideStock(String e164) {
        String areacode = e164.startsWith("+1") && e164.length() == 12 ? e164.substring(2, 5) : "";
        boolean tollFree = TOLL_FREE_CODES.contains(areacode);
        Area area = AREAS.stream().filter(a -> a.code().equals(areacode)).findFirst().orElse(null);
        return new Offer(e164, area == null ? null : area.region(), area == null ? null : area.city(), tollFree);
    }

    private static List<String> draw(long seed, String code, int count) {
        Random random = new Random(seed * 31 + Long.parseLong(code));
        TreeSet<String> numbers = new TreeSet<>();
        while (numbers.size() < count) {
            int exchange = 200 + random.nextInt(800);
            int line = random.nextInt(10_000);
            numbers.add(String.format("+1%s%03d%04d", code, exchange, line));
        }
        return new ArrayList<>(numbers);
    }
}
