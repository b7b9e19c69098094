package dev.switchboard.core.phone;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class E164Test {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    record Holder(E164 number, String label) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+14155552671        | +14155552671",
            "+1 (415) 555-2671   | +14155552671",
            "+1.415.555.2671     | +14155552671",
            "  +44 20 7183 8750  | +442071838750",
            "+49\t151-1234 5678  | +4915112345678",
            "+10114870006        | +10114870006",
    })
    void normalisesSeparators(String raw, String expected) {
        assertThat(E164.parse(raw).value()).isEqualTo(expected);
        assertThat(new E164(raw)).isEqualTo(E164.parse(expected));
    }

    @Test
    void stripsNonBreakingSpaces() {
        assertThat(E164.parse("+1\u00a0415\u2007555\u00a02671").value()).isEqualTo("+14155552671");
    }

    @Test
    void acceptsPossibleButUnassignedNumbers() {
        E164 number = E164.parse("+10114870006");
        assertThat(number.isValid()).isFalse();
        assertThat(number.countryCode()).isEqualTo(1);
        assertThat(number.regionCode()).isEqualTo("US");
        assertThat(number.toString()).isEqualTo("+10114870006");
    }

    @Test
    void reportsRegionAndValidity() {
        E164 london = E164.parse("+442071838750");
        assertThat(london.isValid()).isTrue();
        assertThat(london.regionCode()).isEqualTo("GB");
        assertThat(london.countryCode()).isEqualTo(44);
        assertThat(E164.parse("+14155552671").regionCode()).isEqualTo("US");
        assertThat(E164.parse("+80012345678").regionCode()).isEqualTo("001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "14155552671         | must start with +",
            "+                   | 2 to 15 digits, got 0",
            "+1                  | 2 to 15 digits, got 1",
            "+1234567890123456   | 2 to 15 digits, got 16",
            "+0114155552671      | country code cannot start with 0",
            "+1415555267a        | unexpected character 'a'",
            "++14155552671       | unexpected character '+'",
            "+1-800-FLOWERS      | unexpected character 'F'",
            "+999123456          | unknown country calling code",
            "+123                | too short for country code +1",
            "+1415555267         | too short for country code +1",
            "+4402071838750      | E.164 form is +442071838750",
    })
    void rejectsWithOneLineReason(String raw, String reason) {
        assertThatThrownBy(() -> E164.parse(raw))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + raw + "\"")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(E164.tryParse(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-()."})
    void rejectsEmpty(String raw) {
        assertThatThrownBy(() -> E164.parse(raw)).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsNullAndEscapesControlCharactersInTheMessage() {
        assertThatThrownBy(() -> E164.parse(null)).isInstanceOf(InvalidPhoneNumberException.class).hasMessageContaining("(null)");
        assertThatThrownBy(() -> E164.parse("+1415\u0007555"))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("\\u0007")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0007"));
        InvalidPhoneNumberException longInput = (InvalidPhoneNumberException) org.assertj.core.api.Assertions
                .catchThrowable(() -> E164.parse("x".repeat(500)));
        assertThat(longInput.getMessage()).hasSizeLessThan(120).contains("...");
        assertThat(longInput.input()).hasSize(500);
        assertThat(longInput.reason()).isEqualTo("must start with + and the country code (E.164)");
    }

    @Test
    void tryParseReturnsTheNumber() {
        assertThat(E164.tryParse("+1 415 555 2671")).contains(E164.parse("+14155552671"));
    }

    @Test
    void jsonIsThePlainString() throws Exception {
        Holder holder = new Holder(E164.parse("+1 415 555 2671"), "desk");
        String json = Json.compactWriter().writeValueAsString(holder);
        assertThat(json).isEqualTo("{\"number\":\"+14155552671\",\"label\":\"desk\"}");
        assertThat(Json.mapper().readValue(json, Holder.class)).isEqualTo(holder);
        assertThat(Json.mapper().readValue("\"+44 20 7183 8750\"", E164.class)).isEqualTo(E164.parse("+442071838750"));
    }

    @Test
    void jsonMapKeysRoundTrip() throws Exception {
        Map<E164, String> plan = new LinkedHashMap<>();
        plan.put(E164.parse("+10114870006"), "a");
        plan.put(E164.parse("+442071838750"), "b");
        String json = Json.compactWriter().writeValueAsString(plan);
        assertThat(json).isEqualTo("{\"+10114870006\":\"a\",\"+442071838750\":\"b\"}");
        Map<E164, String> back = Json.mapper().readValue(json, new TypeReference<LinkedHashMap<E164, String>>() { });
        assertThat(back).isEqualTo(plan);
    }

    @Test
    void jsonRejectsBadNumbersWithTheReason() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"number\":\"+1 abc\",\"label\":\"x\"}", Holder.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("invalid phone number \"+1 abc\"");
    }

    /** Example numbers of every region, formatted the ways people write them, parse back to E.164. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 20250701L, 987654321L})
    void formattedExampleNumbersRoundTrip(long seed) throws Exception {
        System.out.println("E164Test.formattedExampleNumbersRoundTrip seed=" + seed);
        Random random = new Random(seed);
        List<PhoneNumber> examples = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : List.of(PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
                    PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.TOLL_FREE)) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(example);
                }
            }
        }
        assertThat(examples).hasSizeGreaterThan(400);
        for (PhoneNumber example : examples) {
            String canonical = UTIL.format(example, PhoneNumberFormat.E164);
            String international = UTIL.format(example, PhoneNumberFormat.INTERNATIONAL);
            String scrambled = scramble(canonical, random);
            for (String written : List.of(canonical, international, scrambled)) {
                E164 parsed = E164.parse(written);
                assertThat(parsed.value()).as(written).isEqualTo(canonical);
                assertThat(parsed.isValid()).as(written).isTrue();
                assertThat(E164.parse(parsed.toString())).isEqualTo(parsed);
                assertThat(Json.mapper().readValue(Json.compactWriter().writeValueAsString(parsed), E164.class))
                        .isEqualTo(parsed);
            }
        }
    }

    /** Random digit strings are either accepted unchanged, with every rule holding, or rejected cleanly. */
    @ParameterizedTest
    @ValueSource(longs = {7L, 42L, 1234567L})
    void randomDigitStringsAreAcceptedOnlyWhenEveryRuleHolds(long seed) {
        System.out.println("E164Test.randomDigitStrings seed=" + seed);
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder digits = new StringBuilder();
            int length = random.nextInt(18);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String raw = "+" + digits;
            try {
                E164 number = E164.parse(raw);
                accepted++;
                assertThat(number.value()).isEqualTo(raw);
                assertThat(digits.length()).isBetween(2, 15);
                assertThat(digits.charAt(0)).isNotEqualTo('0');
                assertThat(UTIL.isPossibleNumber(number.toPhoneNumber())).isTrue();
            } catch (InvalidPhoneNumberException e) {
                assertThat(e.getMessage()).startsWith("invalid phone number \"" + raw + "\": ").doesNotContain("\n");
            }
        }
        assertThat(accepted).as("some random numbers are possible").isGreaterThan(100);
    }

    private static String scramble(String canonical, Random random) {
        String separators = " -.()";
        StringBuilder out = new StringBuilder();
        for (char c : canonical.toCharArray()) {
            if (random.nextInt(3) == 0) {
                out.append(separators.charAt(random.nextInt(separators.length())));
            }
            out.append(c);
        }
        return out.toString();
    }
}
