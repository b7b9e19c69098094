package dev.switchboard.core.config;

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
import static org.assertj.core.api.Assertions.entry;

class DotEnvParserTest {

    @Test
    void parsesTheUsualForms() {
        String text = """
                # Daily keys
                DAILY_SOURCE_API_KEY=src-123

                export DAILY_TARGET_API_KEY = "tgt 456"   # target domain
                SINGLE='literal \\n $HOME'
                EMPTY=
                INLINE=value # comment
                HASH=abc#def
                ESCAPES="line1\\nline2\\t\\"q\\" \\\\ \\$x"
                  INDENTED=yes
                dotted.key-name=ok
                export=also-a-key
                """;
        assertThat(DotEnvParser.parse(text, ".env")).containsExactly(
                entry("DAILY_SOURCE_API_KEY", "src-123"),
                entry("DAILY_TARGET_API_KEY", "tgt 456"),
                entry("SINGLE", "literal \\n $HOME"),
                entry("EMPTY", ""),
                entry("INLINE", "value"),
                entry("HASH", "abc#def"),
                entry("ESCAPES", "line1\nline2\t\"q\" \\ $x"),
                entry("INDENTED", "yes"),
                entry("dotted.key-name", "ok"),
                entry("export", "also-a-key"));
    }

    @Test
    void quotedValuesSpanLinesAndLineNumbersStayRight() {
        String text = "CERT=\"first\nsecond\"\nNEXT='a\nb'\nBAD LINE\n";
        assertThatThrownBy(() -> DotEnvParser.parse(text, "x.env"))
                .isInstanceOf(InvalidDotEnvException.class)
                .hasMessage("x.env line 5: expected '=' after BAD")
                .extracting(e -> ((InvalidDotEnvException) e).line()).isEqualTo(5);
        assertThat(DotEnvParser.parse("CERT=\"first\nsecond\"\nNEXT='a\nb'\n", "x.env"))
                .containsExactly(entry("CERT", "first\nsecond"), entry("NEXT", "a\nb"));
    }

    @Test
    void acceptsBomCrLfAndNoFinalNewline() {
        assertThat(DotEnvParser.parse("\uFEFFA=1\r\nB=\"2\"\r\n\r\nC=3", "f"))
                .containsExactly(entry("A", "1"), entry("B", "2"), entry("C", "3"));
    }

    @Test
    void laterDuplicateWins() {
        assertThat(DotEnvParser.parse("A=1\nA=2\n", "f")).containsExactly(entry("A", "2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "JUST_A_NAME                      | line 1: expected '=' after JUST_A_NAME",
            "1ABC=x                           | line 1: expected a variable name (letters, digits, _ . -)",
            "=x                               | line 1: expected a variable name (letters, digits, _ . -)",
            "KEY=\"secret-value                | line 1: unterminated double quote",
            "KEY='secret-value                | line 1: unterminated single quote",
            "KEY=\"secret-value\" trailing     | line 1: unexpected text after closing quote",
    })
    void rejectsMalformedLinesWithoutShowingValues(String line, String problem) {
        assertThatThrownBy(() -> DotEnvParser.parse(line + "\n", "/tmp/.env"))
                .isInstanceOf(InvalidDotEnvException.class)
                .hasMessage("/tmp/.env " + problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
    }

    /** Random maps written in every supported style parse back to the same map. */
    @ParameterizedTest
    @ValueSource(longs = {3L, 99L, 20240601L, 777777L})
    void randomFilesRoundTrip(long seed) {
        System.out.println("DotEnvParserTest.randomFilesRoundTrip seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            Map<String, String> expected = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                String key = randomKey(random) + "_" + i;
                String value = randomValue(random);
                expected.put(key, value);
                if (random.nextInt(4) == 0) {
                    lines.add(random.nextBoolean() ? "" : "# comment " + randomValue(random).replace("\n", " "));
                }
                lines.add(randomIndent(random) + (random.nextBoolean() ? "export " : "") + key
                        + (random.nextBoolean() ? "=" : " = ") + encode(value, random)
                        + (random.nextInt(3) == 0 ? "  # trailing note" : ""));
            }
            String separator = random.nextBoolean() ? "\n" : "\r\n";
            String text = String.join(separator, lines) + (random.nextBoolean() ? separator : "");
            assertThat(DotEnvParser.parse(text, "random.env")).as(text).containsExactlyEntriesOf(expected);
        }
    }

    private static String randomKey(Random random) {
        String first = "ABCXYZabcxyz_";
        String rest = "ABCXYZabcxyz_0189.-";
        StringBuilder key = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        for (int i = random.nextInt(10); i > 0; i--) {
            key.append(rest.charAt(random.nextInt(rest.length())));
        }
        return key.toString();
    }

    private static String randomValue(Random random) {
        String alphabet = "aZ09 #='\"\\$-_:/.\né";
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(16); i > 0; i--) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private static String randomIndent(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "  ";
            case 1 -> "\t";
            default -> "";
        };
    }

    /** Picks a form the value survives in: bare, single-quoted or double-quoted with escapes. */
    private static String encode(String value, Random random) {
        boolean bareSafe = !value.isEmpty() && value.equals(value.strip()) && !value.contains("\n")
                && !value.contains(" #") && !value.contains("\t#") && value.charAt(0) != '"'
                && value.charAt(0) != '\'' && value.charAt(0) != '#';
        int style = random.nextInt(3);
        if (style == 0 && bareSafe) {
            return value;
        }
        if (style == 1 && !value.contains("'")) {
            return "'" + value + "'";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
