package dev.switchboard.emulator.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The console's static files, read once from the jar (no build step: plain HTML, CSS and JavaScript). */
final class Assets {
    static final String HTML = "text/html; charset=utf-8";
    private static final String ROOT = "/dev/switchboard/emulator/console/";
    private static final Map<String, String> FILES = Map.of(
            "", "index.html",
            "index.html", "index.html",
            "console.css", "console.css",
            "console.js", "console.js");
    private static final Map<String, Asset> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    record Asset(String contentType, byte[] bytes) {
    }

    private Assets() {
    }

    /** The asset under {@code /__admin/ui/<name>}, or null; only the listed files are served. */
    static Asset find(String name) {
        String file = FILES.get(name);
        return file == null ? null : CACHE.computeIfAbsent(file, f -> new Asset(contentType(f), read(f)));
    }

    static byte[] landing(String version) {
        String page = new String(read("landing.html"), StandardCharsets.UTF_8);
        return page.replace("{{version}}", version).getBytes(StandardCharsets.UTF_8);
    }

    /** The emulator's version, from the build ({@code version.properties}); "unknown" when run from sources. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream(ROOT + "version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }

    private static String contentType(String file) {
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return file.endsWith(".js") ? "text/javascript; charset=utf-8" : HTML;
    }

    private static byte[] read(String file) {
        try (InputStream in = Assets.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("console file " + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
