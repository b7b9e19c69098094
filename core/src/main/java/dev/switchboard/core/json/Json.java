package dev.switchboard.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one shared Jackson configuration for Switchboard's own files (plans, reports, journals).
 *
 * <ul>
 *   <li>Pretty printing is on, with two-space indentation and {@code \n} line ends on every platform, so
 *       plans are reviewable and diffable by hand. Use {@link #compactWriter()} for single-line JSON
 *       (journal lines, request bodies).</li>
 *   <li>Unknown properties are ignored when reading: our files are edited by people and written by
 *       newer versions, and a plan with an extra field must still load. Validation of the fields we
 *       need is the job of the reading code.</li>
 *   <li>Trailing tokens after the JSON value fail the read, so a half-merged or concatenated file is
 *       not silently accepted.</li>
 *   <li>{@code java.time} types are written as ISO-8601 strings (not numbers); {@code Optional} is
 *       supported.</li>
 *   <li>Duplicate keys in an object fail the read (a hand-edited plan with the same key twice is
 *       ambiguous).</li>
 *   <li>Objects and arrays nest at most {@link #MAX_NESTING_DEPTH} deep: our files need a handful of
 *       levels, and a hostile file 10,000 deep must be refused, not exhaust the stack.</li>
 * </ul>
 *
 * <p>The mapper is thread-safe for reading and writing. Do not reconfigure it: it is shared. Derive
 * per-use readers/writers ({@code mapper().readerFor(..)}, {@code mapper().writer().with(..)}) or call
 * {@code mapper().copy()}.
 */
public final class Json {
    /** The deepest nesting read; plans and journals need about 6 levels. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .build();

    private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** The shared mapper (pretty output; see the class comment for every choice). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A writer with the shared configuration but no indentation: one value on one line. */
    public static ObjectWriter compactWriter() {
        return COMPACT;
    }
}
