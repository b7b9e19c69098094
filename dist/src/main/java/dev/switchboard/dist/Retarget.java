package dev.switchboard.dist;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies the CLI jar for the release, rewriting class files older than Java 6 (picocli's, compiled for Java 5)
 * as Java 8 class files with stack map frames computed by ASM. Why: the JDK leaves such "old" classes out of
 * the AOT cache (they are verified by the old verifier, whose results cannot be stored), so every start
 * would load and verify picocli's ~190 classes from the jar; measured, that was about a third of the CPU time
 * of {@code switchboard --help}. The bytecode itself is unchanged. Arguments: input jar, output jar.
 */
public final class Retarget {
    private static final int FIRST_NEW_VERIFIER_VERSION = 50;

    private Retarget() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int rewritten = 0;
        try (URLClassLoader jarClasses = new URLClassLoader(new URL[] {in.toUri().toURL()}, null);
             InputStream input = Files.newInputStream(in);
             ZipInputStream zipIn = new ZipInputStream(input);
             OutputStream output = Files.newOutputStream(out);
             ZipOutputStream zipOut = new ZipOutputStream(output)) {
            for (ZipEntry entry = zipIn.getNextEntry(); entry != null; entry = zipIn.getNextEntry()) {
                byte[] bytes = zipIn.readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < FIRST_NEW_VERIFIER_VERSION) {
                    bytes = asJava8(bytes, jarClasses);
                    rewritten++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zipOut.putNextEntry(copy);
                zipOut.write(bytes);
                zipOut.closeEntry();
            }
        }
        System.out.println("Retarget: " + rewritten + " pre-Java-6 classes rewritten as Java 8 class files in " + out);
    }

    private static int majorVersion(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }

    private static byte[] asJava8(byte[] classFile, ClassLoader jarClasses) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return jarClasses; // frames need common superclasses of the jar's own types
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
