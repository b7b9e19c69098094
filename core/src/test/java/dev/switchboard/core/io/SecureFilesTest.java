package dev.switchboard.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecureFilesTest {
    @TempDir
    Path dir;

    record Plan(String number, String hmac) {
    }

    @Test
    void writesAndReplacesContentWithoutLeavingTempFiles() throws IOException {
        Path target = dir.resolve("plan.json");
        SecureFiles.writeString(target, "first", false);
        SecureFiles.writeString(target, "second", false);
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(listing()).containsExactly("plan.json");
    }

    @Test
    void ownerOnlyFilesAre0600() throws IOException {
        Path target = dir.resolve("secrets.json");
        SecureFiles.write(target, "hmac".getBytes(StandardCharsets.UTF_8), true);
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SecureFiles.isOwnerOnly(target)).isTrue();
    }

    @Test
    void ownerOnlyReplacesAWorldReadableFile() throws IOException {
        Path target = dir.resolve("plan.json");
        SecureFiles.writeString(target, "public", false);
        assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        SecureFiles.writeString(target, "secret", true);
        assertThat(SecureFiles.isOwnerOnly(target)).isTrue();
    }

    @Test
    void plainFilesFollowTheUmaskLikeAnyNewFile() throws IOException {
        Path ours = dir.resolve("ours.txt");
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        SecureFiles.writeString(ours, "x", false);
        assertThat(Files.getPosixFilePermissions(ours)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void createNewIsOwnerOnlyBeforeAnyByteIsWritten() throws IOException {
        Path file = dir.resolve("new.bin");
        try (FileChannel channel = SecureFiles.createNew(file, true)) {
            assertThat(channel.size()).isZero();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThatThrownBy(() -> SecureFiles.createNew(file, true)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void ensureOwnerOnlyTightensPermissions() throws IOException {
        Path file = Files.writeString(dir.resolve("loose"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(SecureFiles.isOwnerOnly(file)).isFalse();
        SecureFiles.ensureOwnerOnly(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void writeJsonIsPrettyEndsWithNewlineAndReadsBack() throws IOException {
        Path target = dir.resolve("nested/dir/plan.json");
        SecureFiles.writeJson(target, Map.of("+10114870006", new Plan("+10114870006", "s3cr3t")), true);
        String text = Files.readString(target);
        assertThat(text).isEqualTo("""
                {
                  "+10114870006" : {
                    "number" : "+10114870006",
                    "hmac" : "s3cr3t"
                  }
                }
                """);
        JsonNode back = Json.mapper().readTree(text);
        assertThat(back.at("/+10114870006/hmac").asText()).isEqualTo("s3cr3t");
        assertThat(SecureFiles.isOwnerOnly(target)).isTrue();
    }

    @Test
    void writeJsonAcceptsTrees() throws IOException {
        ObjectNode tree = Json.mapper().createObjectNode().put("a", 1);
        Path target = dir.resolve("tree.json");
        SecureFiles.writeJson(target, tree, false);
        assertThat(Json.mapper().readTree(target.toFile())).isEqualTo(tree);
    }

    @Test
    void aFailedReplaceKeepsTheOldTargetAndRemovesTheTempFile() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child"));
        assertThatThrownBy(() -> SecureFiles.writeString(target, "data", true)).isInstanceOf(IOException.class);
        assertThat(Files.isDirectory(target.resolve("child"))).isTrue();
        assertThat(listing()).containsExactly("occupied");
    }

    @Test
    void syncDirectoryToleratesAnyPath() {
        SecureFiles.syncDirectory(dir);
        SecureFiles.syncDirectory(dir.resolve("missing"));
        assertThat(Files.isDirectory(dir)).isTrue();
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
