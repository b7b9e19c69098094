package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash can leave any prefix of the last record on disk. For every such prefix, reopening keeps
 * every earlier record, drops the partial one, and accepts new appends.
 */
class JournalTornTailTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {11L, 2025L, 424242L})
    void everyTruncationOfTheLastRecordIsRepaired(long seed) throws IOException {
        System.out.println("JournalTornTailTest seed=" + seed);
        Random random = new Random(seed);
        Path original = dir.resolve("original.journal");
        int count = 2 + random.nextInt(6);
        List<JournalRecord> written;
        try (Journal journal = Journal.open(original, JournalTest.CLOCK)) {
            for (int i = 0; i < count; i++) {
                journal.append("+1415555" + (1000 + random.nextInt(9000)), "step-" + i,
                        Phase.values()[random.nextInt(Phase.values().length)], randomData(random));
            }
            written = journal.records();
        }
        byte[] bytes = Files.readAllBytes(original);
        int lastLineStart = lastLineStart(bytes);
        for (int cut = lastLineStart; cut <= bytes.length; cut++) {
            Path torn = dir.resolve("torn-" + cut + ".journal");
            Files.write(torn, Arrays.copyOf(bytes, cut));
            boolean complete = cut == bytes.length;
            try (Journal journal = Journal.open(torn, JournalTest.CLOCK)) {
                List<JournalRecord> expected = complete ? written : written.subList(0, count - 1);
                assertThat(journal.records()).as("cut at %d", cut).isEqualTo(expected);
                assertThat(journal.repairedBytes()).isEqualTo(complete ? 0 : cut - lastLineStart);
                assertThat(Files.size(torn)).isEqualTo(complete ? bytes.length : lastLineStart);
                JournalRecord next = journal.append("after", "resume", Phase.BEGIN);
                assertThat(next.seq()).isEqualTo(expected.size() + 1);
            }
            try (Journal again = Journal.open(torn, JournalTest.CLOCK)) {
                assertThat(again.records()).hasSize((complete ? count : count - 1) + 1);
                assertThat(again.repairedBytes()).isZero();
            }
        }
    }

    private static ObjectNode randomData(Random random) {
        ObjectNode data = Json.mapper().createObjectNode();
        String alphabet = "abcXYZ019 \"\\/\n\té☎";
        for (int f = random.nextInt(4); f > 0; f--) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            data.put("field" + f, value.toString());
        }
        if (random.nextBoolean()) {
            data.putObject("config").put("hmac", "h" + random.nextLong()).put("n", random.nextInt());
        }
        return data;
    }

    private static int lastLineStart(byte[] bytes) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
