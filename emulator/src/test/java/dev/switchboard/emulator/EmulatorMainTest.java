package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {

    @Test
    void defaultsToTheDemoStateAndPrintsUrlAndKeys() throws IOException {
        try (Emulator emulator = EmulatorMain.builderFrom(new String[] {"--seed", "3", "--no-rate-limits"}).start()) {
            String line = EmulatorMain.readyLine(emulator);
            assertThat(line).contains(emulator.baseUri().toString()).contains("/v1")
                    .contains("console " + emulator.baseUri() + "/__admin/ui/")
                    .contains("source=source-key").contains("target=target-key");
            assertThat(emulator.admin().rateLimits().enabled()).isFalse();
        }
    }

    @Test
    void readsStateAndFaultFiles(@TempDir Path dir) throws IOException {
        Path state = Files.writeString(dir.resolve("state.json"),
                "{\"daily\":{\"domains\":[{\"domain_name\":\"solo\",\"api_keys\":[\"solo-key\"]}]}}");
        Path faults = Files.writeString(dir.resolve("faults.json"),
                "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/\",\"kind\":\"5xx\",\"count\":1}]}");
        try (Emulator emulator = EmulatorMain.builderFrom(new String[] {"--state", state.toString(),
                "--faults", faults.toString(), "--host", "127.0.0.1", "--port", "0"}).start()) {
            assertThat(EmulatorMain.readyLine(emulator)).endsWith("domains: solo=solo-key");
            TestHttp http = new TestHttp(emulator.dailyBaseUri());
            assertThat(http.get("solo-key", "/").status()).isEqualTo(500);
            assertThat(http.get("solo-key", "/").status()).isEqualTo(200);
        }
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> EmulatorMain.builderFrom(new String[] {"--bogus"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> EmulatorMain.builderFrom(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> EmulatorMain.builderFrom(new String[] {"--seed", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
