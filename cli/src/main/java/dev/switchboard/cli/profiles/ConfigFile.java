package dev.switchboard.cli.profiles;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.core.io.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code $XDG_CONFIG_HOME/switchboard/config.toml} (default {@code ~/.config/switchboard/config.toml}):
 * named profiles of credentials and which one is current. The file holds keys, so it is written
 * owner-only (0600) in an owner-only directory (0700), atomically; it is never printed.
 *
 * <pre>
 * current = "work"
 * [profiles.work]
 * daily_source_api_key = "..."
 * daily_target_api_key = "..."
 * </pre>
 *
 * Profile keys are the setting names in lower case ({@link Profile#VARIABLES}).
 */
public final class ConfigFile {
    static final long MAX_BYTES = 1 << 20;

    private final Path path;
    private String current;
    private final Map<String, Profile> profiles = new TreeMap<>();

    private ConfigFile(Path path) {
        this.path = path;
    }

    /** Where the file lives for this environment, or empty when neither XDG_CONFIG_HOME nor HOME is set. */
    public static Optional<Path> location(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "switchboard", "config.toml"));
        }
        String home = environment.get("HOME");
        if (home != null && !home.isBlank()) {
            return Optional.of(Path.of(home, ".config", "switchboard", "config.toml"));
        }
        return Optional.empty();
    }

    /** The variable that names the profile to use ({@code --profile} sets it for one run). */
    public static final String PROFILE_VARIABLE = "SWITCHBOARD_PROFILE";

    /**
     * The profile this run uses: {@code SWITCHBOARD_PROFILE} (or {@code --profile}), else the file's
     * {@code current}, else none. A named profile that does not exist is an error, never a silent fallback.
     */
    public static Optional<Profile> active(Map<String, String> environment) {
        String named = environment.get(PROFILE_VARIABLE);
        Optional<Path> location = location(environment);
        if (location.isEmpty()) {
            if (named != null && !named.isBlank()) {
                throw CliException.invalidInput("profile " + named + " asked for, but neither XDG_CONFIG_HOME nor HOME "
                        + "is set, so there is no config.toml to read it from");
            }
            return Optional.empty();
        }
        ConfigFile config = load(location.get());
        if (named != null && !named.isBlank()) {
            return Optional.of(config.require(named.strip()));
        }
        return config.current().map(config::require);
    }

    /** Reads the file (a missing file is an empty configuration). */
    public static ConfigFile load(Path path) {
        ConfigFile config = new ConfigFile(path);
        if (!Files.exists(path)) {
            return config;
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw CliException.invalidInput(path + " is not a regular file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw CliException.invalidInput(path + " is larger than " + MAX_BYTES + " bytes; it is not a switchboard config");
            }
            config.read(Toml.MAPPER.readTree(path.toFile()));
        } catch (NoSuchFileException missing) {
            return config;
        } catch (JacksonException malformed) {
            throw CliException.invalidInput(path + " is not valid TOML: " + malformed.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return config;
    }

    private void read(JsonNode root) {
        JsonNode currentNode = root.path("current");
        current = currentNode.isTextual() ? currentNode.asText() : null;
        root.path("profiles").fields().forEachRemaining(entry -> {
            Map<String, String> values = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(field -> {
                String variable = field.getKey().toUpperCase(Locale.ROOT);
                if (!Profile.VARIABLES.contains(variable) || !field.getValue().isValueNode()) {
                    throw CliException.invalidInput(path + ": profile " + entry.getKey() + " has an unknown setting "
                            + field.getKey() + "; known: " + String.join(", ", Profile.VARIABLES.stream()
                            .map(v -> v.toLowerCase(Locale.ROOT)).toList()));
                }
                values.put(variable, field.getValue().asText());
            });
            profiles.put(entry.getKey(), new Profile(entry.getKey(), values));
        });
    }

    /** Writes the file atomically, owner-only, creating its directory owner-only. */
    public void save() {
        ObjectNode root = Toml.MAPPER.createObjectNode();
        if (current != null) {
            root.put("current", current);
        }
        ObjectNode all = root.putObject("profiles");
        profiles.values().forEach(profile -> {
            ObjectNode node = all.putObject(profile.name());
            profile.values().forEach((variable, value) -> node.put(variable.toLowerCase(Locale.ROOT), value));
        });
        try {
            createOwnerOnlyDirectory(path.toAbsolutePath().getParent());
            SecureFiles.writeString(path, Toml.MAPPER.writeValueAsString(root), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
    }

    public Path path() {
        return path;
    }

    public Optional<String> current() {
        return Optional.ofNullable(current);
    }

    public void use(String name) {
        require(name);
        current = name;
    }

    public Map<String, Profile> profiles() {
        return Map.copyOf(profiles);
    }

    public Profile require(String name) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw CliException.invalidInput("no profile " + name + " in " + path + (profiles.isEmpty() ? ""
                    : "; profiles: " + String.join(", ", profiles.keySet())));
        }
        return profile;
    }

    public void put(Profile profile) {
        profiles.put(profile.name(), profile);
    }

    public void remove(String name) {
        require(name);
        profiles.remove(name);
        if (name.equals(current)) {
            current = null;
        }
    }

    /** Made on first use: most runs have no config file, and an ObjectMapper is not free to build. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }
}
