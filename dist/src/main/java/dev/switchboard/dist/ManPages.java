package dev.switchboard.dist;

import dev.switchboard.cli.Main;
import dev.switchboard.cli.support.CliContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.BufferedReader;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Writes one AsciiDoc man page per command ({@code switchboard.adoc}, {@code switchboard-daily-numbers-list.adoc},
 * ...) with picocli's ManPageGenerator; the build turns them into troff. Arguments: output directory, version.
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws Exception {
        File outdir = new File(args[0]);
        String version = "switchboard " + args[1];
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), false, Map.of(), Path.of("."), Clock.systemUTC());
        CommandLine tree = Main.commandTree(context);
        CommandSpec root = tree.getCommandSpec();
        root.versionProvider(() -> new String[] {version});
        int code = ManPageGenerator.generateManPage(outdir, null, new boolean[0], true, root);
        if (code != 0) {
            throw new IllegalStateException("ManPageGenerator failed with exit code " + code);
        }
    }
}
