package dev.switchboard.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String id, String name, Object created, List<String> tags) {
    }

    private static final Table<Row> TABLE = Table.of(Row.class)
            .column("ID", "id", Row::id)
            .column("NAME", "name", Row::name)
            .column("CREATED", "created_at", Row::created)
            .column("TAGS", "tags", Row::tags);

    private static final List<Row> ROWS = List.of(
            new Row("n1", "Main line, front", Instant.parse("2026-11-20T23:53:39.123456Z"), List.of("voice", "sms")),
            new Row("n2", "Tab\there", OffsetDateTime.parse("2026-11-21T01:00:00+02:00"), List.of()));

    private static String print(Rendering rendering, List<Row> rows) {
        StringWriter out = new StringWriter();
        TABLE.print(new PrintWriter(out), rendering, rows);
        return out.toString();
    }

    @Test
    void fieldsChooseAndOrderTheColumnsInEveryFormat() throws Exception {
        List<String> fields = List.of("name", "id");
        assertThat(print(new Rendering(OutputFormat.CSV, fields, true, 0), ROWS))
                .isEqualTo("name,id\n\"Main line, front\",n1\nTab\there,n2\n");
        assertThat(print(new Rendering(OutputFormat.TSV, fields, true, 0), ROWS))
                .isEqualTo("name\tid\nMain line, front\tn1\nTab\\there\tn2\n");
        assertThat(print(new Rendering(OutputFormat.TABLE, fields, true, 0), ROWS).lines().findFirst().orElseThrow())
                .isEqualTo("NAME              ID");
        JsonNode json = JSON.readTree(print(new Rendering(OutputFormat.JSON, fields, true, 0), ROWS));
        assertThat(json.get(0).fieldNames()).toIterable().containsExactly("name", "id");
    }

    @Test
    void noHeaderLeavesOutTheHeaderRowOnly() {
        assertThat(print(new Rendering(OutputFormat.CSV, List.of("id"), false, 0), ROWS)).isEqualTo("n1\nn2\n");
        assertThat(print(new Rendering(OutputFormat.TSV, List.of("id"), false, 0), ROWS)).isEqualTo("n1\nn2\n");
        assertThat(print(new Rendering(OutputFormat.TABLE, List.of("id"), false, 0), ROWS)).isEqualTo("n1\nn2\n");
    }

    @Test
    void anUnknownFieldIsInvalidInputNamingTheValidOnes() {
        assertThatThrownBy(() -> print(new Rendering(OutputFormat.JSON, List.of("id", "nmae"), true, 0), ROWS))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessage("unknown field nmae; valid fields: id,name,created_at,tags");
    }

    @Test
    void oneItemIsAJsonObjectAndAListIsAnArray() throws Exception {
        StringWriter out = new StringWriter();
        TABLE.printOne(new PrintWriter(out), Rendering.of(OutputFormat.JSON), ROWS.get(0));
        assertThat(JSON.readTree(out.toString()).isObject()).isTrue();
        assertThat(JSON.readTree(print(Rendering.of(OutputFormat.JSON), ROWS.subList(0, 1))).isArray()).isTrue();
        StringWriter csv = new StringWriter();
        TABLE.printOne(new PrintWriter(csv), new Rendering(OutputFormat.CSV, List.of("id"), true, 0), ROWS.get(0));
        assertThat(csv.toString()).isEqualTo("id\nn1\n");
    }

    @Test
    void timesAreIsoUtcToTheSecondInEveryFormat() throws Exception {
        JsonNode json = JSON.readTree(print(Rendering.of(OutputFormat.JSON), ROWS));
        assertThat(json.get(0).path("created_at").asText()).isEqualTo("2026-11-20T23:53:39Z");
        assertThat(json.get(1).path("created_at").asText()).isEqualTo("2026-11-20T23:00:00Z");
        assertThat(print(new Rendering(OutputFormat.CSV, List.of("created_at"), false, 0), ROWS))
                .isEqualTo("2026-11-20T23:53:39Z\n2026-11-20T23:00:00Z\n");
        assertThat(json.get(0).path("tags").isArray()).isTrue();
    }

    @Test
    void aNarrowTableShortensTheWidestCellsWithAnEllipsisAndWideShowsAll() {
        List<Row> rows = List.of(new Row("n1", "x".repeat(80), null, List.of("voice")));
        String narrow = print(new Rendering(OutputFormat.TABLE, List.of(), true, 40), rows);
        assertThat(narrow.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(narrow).contains("x…");
        String wide = print(new Rendering(OutputFormat.TABLE, List.of(), true, 0), rows);
        assertThat(wide).contains("x".repeat(80)).doesNotContain("…");
    }

    static Stream<Long> seeds() {
        return LongStreamSeeds.of(20261202L, 25);
    }

    /** Property: rows of any shape at any width that can fit give lines no wider than the width, never ending in a space. */
    @ParameterizedTest
    @MethodSource("seeds")
    void tablesNeverExceedTheWidthNorEndInSpaces(long seed) {
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        IntStream.range(0, 1 + random.nextInt(6)).forEach(i -> rows.add(new Row(word(random, 1 + random.nextInt(30)),
                random.nextBoolean() ? null : word(random, random.nextInt(90)), null,
                List.of(word(random, random.nextInt(12))))));
        int width = 4 * 5 + 3 * 2 + random.nextInt(100);
        String text = print(new Rendering(OutputFormat.TABLE, List.of(), random.nextBoolean(), width), rows);
        assertThat(text.lines()).allSatisfy(line -> {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(width);
            assertThat(line).doesNotEndWith(" ");
        });
    }

    private static String word(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(8) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString().strip();
    }

    /** Seeds derived from one printed base seed. */
    static final class LongStreamSeeds {
        static Stream<Long> of(long base, int count) {
            Random random = new Random(base);
            return IntStream.range(0, count).mapToObj(i -> random.nextLong());
        }
    }
}
