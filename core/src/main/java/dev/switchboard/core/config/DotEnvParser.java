package dev.switchboard.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code .env} format used by python-dotenv and friends.
 *
 * <ul>
 *   <li>{@code KEY=value} and {@code export KEY=value}; spaces around {@code =} are allowed. Keys are
 *       letters, digits, {@code _}, {@code .} and {@code -}, not starting with a digit.</li>
 *   <li>Blank lines and lines starting with {@code #} are ignored. In an unquoted value, {@code #}
 *       preceded by whitespace starts a comment; surrounding whitespace is trimmed.</li>
 *   <li>{@code 'single quoted'} values are literal. {@code "double quoted"} values understand
 *       {@code \n \r \t \" \\ \$}. Quoted values may span lines. A comment may follow the closing quote.</li>
 *   <li>No {@code ${VAR}} expansion: values are taken literally. A later duplicate key wins.</li>
 *   <li>A UTF-8 byte order mark and {@code \r\n} line ends are accepted.</li>
 * </ul>
 *
 * Anything else (a line without {@code =}, an unterminated quote, text after a closing quote) is an
 * {@link InvalidDotEnvException}: a typo must not silently drop a setting.
 */
public final class DotEnvParser {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private DotEnvParser(String text, String source) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.text = withoutBom.replace("\r\n", "\n");
        this.source = source;
    }

    /**
     * Parses {@code text}; {@code source} (e.g. the file path) only names the origin in error messages.
     * Returns the keys in file order.
     */
    public static Map<String, String> parse(String text, String source) {
        return new DotEnvParser(text, source).parseAll();
    }

    private Map<String, String> parseAll() {
        Map<String, String> values = new LinkedHashMap<>();
        while (pos < text.length()) {
            skipInlineSpace();
            if (atLineEnd()) {
                nextLine();
                continue;
            }
            if (peek() == '#') {
                skipToLineEnd();
                continue;
            }
            int keyLine = line;
            String key = readKey();
            if (key.equals("export") && peekIsInlineSpace()) {
                skipInlineSpace();
                key = readKey();
            }
            skipInlineSpace();
            if (pos >= text.length() || peek() != '=') {
                throw error(keyLine, key.isEmpty() ? "expected KEY=value" : "expected '=' after " + key);
            }
            pos++;
            skipInlineSpace();
            values.put(key, readValue());
        }
        return values;
    }

    private String readKey() {
        int start = pos;
        while (pos < text.length() && isKeyChar(peek(), pos == start)) {
            pos++;
        }
        if (pos == start) {
            throw error(line, "expected a variable name (letters, digits, _ . -)");
        }
        return text.substring(start, pos);
    }

    private String readValue() {
        if (pos >= text.length() || atLineEnd()) {
            nextLine();
            return "";
        }
        char first = peek();
        String value = first == '"' || first == '\'' ? readQuoted(first) : readUnquoted();
        nextLine();
        return value;
    }

    private String readUnquoted() {
        int start = pos;
        while (pos < text.length() && peek() != '\n') {
            if (peek() == '#' && pos > start && isInlineSpace(text.charAt(pos - 1))) {
                break;
            }
            pos++;
        }
        String value = text.substring(start, pos).strip();
        skipToLineEnd();
        return value;
    }

    private String readQuoted(char quote) {
        int openedOn = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error(openedOn, "unterminated " + (quote == '"' ? "double" : "single") + " quote");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && quote == '"' && pos < text.length()) {
                value.append(unescape(text.charAt(pos++)));
            } else {
                value.append(c);
            }
        }
        skipInlineSpace();
        if (pos < text.length() && !atLineEnd() && peek() != '#') {
            if (line != openedOn) {
                throw error(openedOn, "unbalanced " + (quote == '"' ? "double" : "single") + " quotes: the quote "
                        + "opened here closes on line " + line + ", followed by more text");
            }
            throw error(line, "unexpected text after closing quote");
        }
        skipToLineEnd();
        return value.toString();
    }

    private static String unescape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"', '\\', '$' -> String.valueOf(c);
            default -> "\\" + c;
        };
    }

    private static boolean isKeyChar(char c, boolean first) {
        boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        if (first) {
            return letter;
        }
        return letter || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private char peek() {
        return text.charAt(pos);
    }

    private boolean atLineEnd() {
        return pos >= text.length() || peek() == '\n';
    }

    private boolean peekIsInlineSpace() {
        return pos < text.length() && isInlineSpace(peek());
    }

    private static boolean isInlineSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private void skipInlineSpace() {
        while (peekIsInlineSpace()) {
            pos++;
        }
    }

    private void skipToLineEnd() {
        while (pos < text.length() && peek() != '\n') {
            pos++;
        }
    }

    private void nextLine() {
        skipToLineEnd();
        if (pos < text.length()) {
            pos++;
            line++;
        }
    }

    private InvalidDotEnvException error(int atLine, String problem) {
        return new InvalidDotEnvException(source, atLine, problem);
    }
}
