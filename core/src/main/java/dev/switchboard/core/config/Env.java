package dev.switchboard.core.config;

import dev.switchboard.core.http.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings from the process environment, then from a {@code .env} file, then from a named profile
 * (the CLI's {@code config.toml}). A variable present in the environment always wins, even when the
 * file also defines it; the profile only fills what neither has. A blank value counts as not set.
 *
 * <p>The file is read once, when the {@code Env} is created; a missing file is the same as an empty
 * one. See {@link DotEnvParser} for the accepted syntax. Immutable and thread-safe.
 */
public final class Env {
    /** The default {@code .env} location: {@code .env} in the working directory. */
    public static final Path DEFAULT_DOT_ENV = Path.of(".env");

    private final Map<String, String> environment;
    private final Path dotEnvFile;
    private final Map<String, String> dotEnv;
    private final Map<String, String> profile;
    private final String profileSource;

    /**
     * @param environment the process environment (tests pass their own map)
     * @param dotEnvFile  the {@code .env} file to read if it exists
     * @throws InvalidDotEnvException when the file exists but cannot be parsed
     * @throws UncheckedIOException   when the file exists but cannot be read
     */
    public Env(Map<String, String> environment, Path dotEnvFile) {
        this(environment, dotEnvFile, Map.of(), null);
    }

    /**
     * @param profile       the lowest layer: values of a named profile, by variable name
     * @param profileSource how messages name that layer (e.g. {@code profile "work" in ~/.config/...})
     */
    public Env(Map<String, String> environment, Path dotEnvFile, Map<String, String> profile, String profileSource) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.dotEnvFile = Objects.requireNonNull(dotEnvFile, "dotEnvFile");
        this.dotEnv = Map.copyOf(readDotEnv(dotEnvFile));
        this.profile = Map.copyOf(Objects.requireNonNull(profile, "profile"));
        this.profileSource = profileSource;
    }

    /** The real environment and {@code ./.env}. */
    public static Env system() {
        return system(DEFAULT_DOT_ENV);
    }

    /** The real environment and the given {@code .env} file. */
    public static Env system(Path dotEnvFile) {
        return new Env(System.getenv(), dotEnvFile);
    }

    /** The non-blank value of {@code name}, from the environment if it has it, else from the file. */
    public Optional<String> get(String name) {
        return rawValue(name).filter(value -> !value.isBlank());
    }

    /** {@link #get(String)} as a {@link Secret}, whose {@code toString} hides the value. */
    public Optional<Secret> secret(String name) {
        return get(name).map(Secret::of);
    }

    /**
     * The value of {@code name}, or a {@link MissingSettingException} whose message names the variable,
     * says where it was looked for and ends with {@code hint} (e.g. where to find the key).
     */
    public String require(String name, String hint) {
        return get(name).orElseThrow(() -> missing(name, hint));
    }

    /** {@link #require(String, String)} as a {@link Secret}. */
    public Secret requireSecret(String name, String hint) {
        return Secret.of(require(name, hint));
    }

    /** Which source supplies {@code name}: {@code "environment"}, the {@code .env} path, the profile, or empty. */
    public Optional<String> sourceOf(String name) {
        if (environment.containsKey(name)) {
            return Optional.of("environment");
        }
        if (dotEnv.containsKey(name)) {
            return Optional.of(dotEnvFile.toString());
        }
        return profile.containsKey(name) ? Optional.of(profileSource) : Optional.empty();
    }

    /** The {@code .env} file this instance reads (it may not exist). */
    public Path dotEnvFile() {
        return dotEnvFile;
    }

    private Optional<String> rawValue(String name) {
        Objects.requireNonNull(name, "name");
        String fromEnvironment = environment.get(name);
        if (fromEnvironment != null) {
            return Optional.of(fromEnvironment);
        }
        String fromFile = dotEnv.get(name);
        return fromFile != null ? Optional.of(fromFile) : Optional.ofNullable(profile.get(name));
    }

    private MissingSettingException missing(String name, String hint) {
        String problem = sourceOf(name)
                .map(source -> name + " is empty (set in " + source + ")")
                .orElseGet(() -> name + " is not set (looked in the environment" + (profileSource == null
                        ? " and " + dotEnvFile : ", " + dotEnvFile + " and " + profileSource) + ")");
        String oneLineHint = hint == null || hint.isBlank() ? "" : ": " + hint.strip().replaceAll("\\s*\\R\\s*", " ");
        return new MissingSettingException(name, problem + oneLineHint);
    }

    private static Map<String, String> readDotEnv(Path file) {
        try {
            return DotEnvParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
