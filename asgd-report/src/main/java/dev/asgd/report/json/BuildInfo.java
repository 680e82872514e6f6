package dev.asgd.report.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What produced a result: the asgd version and git commit of the build (written by Maven into
 * {@code build.properties}), and the JVM that ran it. Stamped into results.json.
 *
 * @param version the asgd version
 * @param gitCommit the full commit id of the build, "unknown" when built outside a git checkout
 * @param gitDirty whether the build had uncommitted changes (null when unknown)
 * @param jvm the Java version and VM name
 */
public record BuildInfo(String version, String gitCommit, Boolean gitDirty, String jvm) {

    /** @return the build that this class was compiled in, and this JVM */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dirty = known(p.getProperty("dirty"));
        return new BuildInfo(orUnknown(known(p.getProperty("version"))), orUnknown(known(p.getProperty("commit"))),
                dirty == null ? null : Boolean.valueOf(dirty),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    }

    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? null : v;
    }

    private static String orUnknown(String v) {
        return v == null ? "unknown" : v;
    }
}
