package dev.switchboard.cli.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The java and class path a benchmark's child JVM runs with, whatever directory the child starts in. */
final class ChildJvm {
    /**
     * The JVM options of the release's launcher ({@code dist/src/build/switchboard}): short commands that
     * mostly wait on the network start faster with the serial collector and C1 only.
     */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-XX:TieredStopAtLevel=1");

    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path with every entry absolute: `java -jar cli/target/switchboard.jar` gives a relative one. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * How a child runs the CLI: as the release runs it (the launcher's options and a class-data archive made
     * by a training run, as the release ships an AOT cache made by one), or as plain {@code java -cp}.
     *
     * @param archive the class-data archive to use, or null (plain)
     */
    record Mode(boolean release, Path archive) {
        static Mode plain() {
            return new Mode(false, null);
        }

        /** The launcher's options, and an archive written at the end of this (training) run. */
        static Mode training(Path archive) {
            return new Mode(true, archive);
        }

        List<String> command(boolean training, String mainClass, List<String> args) {
            List<String> command = new ArrayList<>(List.of(java()));
            if (release) {
                command.addAll(LAUNCHER_OPTIONS);
                command.add((training ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
                command.add("-Xshare:auto");
            }
            command.addAll(List.of("-cp", classPath(), mainClass));
            command.addAll(args);
            return command;
        }

        String describe() {
            return release ? "as the release runs it (" + String.join(" ", LAUNCHER_OPTIONS)
                    + ", a class-data archive from an untimed training run)" : "plain java -cp";
        }
    }
}
