package dev.asgd.report.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asgd.report.html.HtmlReportWriter;
import dev.asgd.report.html.Section;
import dev.asgd.report.html.Verdict;
import dev.asgd.report.plot.Plots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it, in a real headless Chromium. CI installs Debian's chromium, and
 * there the test must run (it fails when CI=true and no browser is found); elsewhere it is skipped
 * without one.
 */
class HeadlessChromiumTest {
    @TempDir
    Path dir;

    private static Path browser() {
        Optional<Path> exe = HeadlessChromium.find();
        if (exe.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must install chromium (apt-get install chromium) for the report test");
        }
        assumeTrue(exe.isPresent(), "no chromium on this machine");
        return exe.get();
    }

    @Test
    void reportLoadsWithoutErrorsAndEveryFigureIsDrawn() throws Exception {
        Path exe = browser();
        Path fig = dir.resolve("curve.png");
        double[] x = {1, 2, 3, 4};
        Plots.line(fig, "a curve", "x", "y", false, List.of(Plots.Curve.of("y = x^2", x, new double[] {1, 4, 9, 16})));
        Path index = HtmlReportWriter.write(dir, "check", List.of("a page"), List.of(new Section("s", "S", "claim",
                List.of(fig, fig), List.of(), Verdict.HOLDS, "ok", List.of())));
        try (HeadlessChromium chromium = HeadlessChromium.start(exe)) {
            HeadlessChromium.PageReport page = chromium.open(index);
            assertThat(page.title()).isEqualTo("check");
            assertThat(page.consoleErrors()).isEmpty();
            assertThat(page.images()).hasSize(2).allSatisfy(i -> {
                assertThat(i.complete()).isTrue();
                assertThat(i.width()).isGreaterThan(100);
                assertThat(i.nonBlank()).isTrue();
            });
            Path shot = dir.resolve("shot.png");
            chromium.screenshot(shot);
            assertThat(Files.size(shot)).isGreaterThan(1000);
        }
    }

    /** The check must be able to fail: a page with a script error and a blank image is caught. */
    @Test
    void brokenPagesAreCaught() throws Exception {
        Path exe = browser();
        Path bad = dir.resolve("bad.html");
        // a 2 x 2 all-white PNG, and a script that throws
        String blank = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAADklEQVR4nGP4DwYMEAoAU7oL9ZisIGcAAAAASUVORK5CYII=";
        Files.writeString(bad, "<!DOCTYPE html><html><head><title>bad</title></head><body>"
                + "<img alt=\"blank\" src=\"data:image/png;base64," + blank + "\">"
                + "<img alt=\"missing\" src=\"missing.png\">"
                + "<script>console.error('boom'); undefinedFunction();</script></body></html>");
        try (HeadlessChromium chromium = HeadlessChromium.start(exe)) {
            HeadlessChromium.PageReport page = chromium.open(bad);
            assertThat(page.consoleErrors()).anySatisfy(e -> assertThat(e).contains("boom"));
            assertThat(page.consoleErrors()).anySatisfy(e -> assertThat(e).contains("undefinedFunction"));
            assertThat(page.images()).anySatisfy(i -> {
                assertThat(i.alt()).isEqualTo("blank");
                assertThat(i.nonBlank()).isFalse();
            });
            assertThat(page.images()).anySatisfy(i -> {
                assertThat(i.alt()).isEqualTo("missing");
                assertThat(i.width()).isZero();
            });
        }
    }
}
