package dev.gatehouse.app.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What Help → About shows: the version and commit the build wrote into {@code build.properties}, and the Java
 * runtime the console runs on. No JavaFX: the dialog only lays these strings out.
 */
public final class AboutViewModel {
    static final String RESOURCE = "/dev/gatehouse/app/about/build.properties";

    private final String version;
    private final String commit;
    private final String runtime;

    public AboutViewModel(Properties build, String javaVersion, String javaVendor, String vmName) {
        version = clean(build.getProperty("version"));
        commit = clean(build.getProperty("commit"));
        runtime = "Java " + javaVersion + " (" + javaVendor + ", " + vmName + ")";
    }

    /** From this build's {@code build.properties} and the running JVM. */
    public static AboutViewModel current() {
        return new AboutViewModel(load(), Runtime.version().toString(), System.getProperty("java.vendor", "?"),
                System.getProperty("java.vm.name", "?"));
    }

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AboutViewModel.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource reads as "unknown"
        }
        return p;
    }

    /** An unfiltered placeholder (a build that did not set it) reads as "unknown". */
    private static String clean(String value) {
        return value == null || value.isBlank() || value.contains("${") ? "unknown" : value.trim();
    }

    public String title() { return "About Gatehouse"; }

    public String version() { return version; }

    public String commit() { return commit; }

    public String runtime() { return runtime; }

    /** The dialog's text, also what "Copy" puts on the clipboard for a bug report. */
    public String text() {
        return "Gatehouse " + version + "\nCommit " + commit + "\n" + runtime;
    }
}
