package dev.asgd.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.report.plot.Plots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
    @TempDir
    Path dir;

    static Path sampleReport(Path dir) throws Exception {
        Path fig = dir.resolve("decay.png");
        double[] x = {0, 1, 2, 3};
        Plots.line(fig, "decay", "step", "E|theta|^2", true, List.of(Plots.Curve.of("exact", x,
                new double[] {1, 0.5, 0.25, 0.125})));
        Section s = new Section("theorem-3-2", "Theorem 3.2 <rate>", "mu = gamma & so on", List.of(fig),
                List.of(new Table(List.of("gamma", "mu"), List.of(List.of("1", "0.5")))),
                Verdict.HOLDS_WITH_CORRECTION, "printed mu is 2.000x the measured rate", List.of("method: exact"));
        Section t = new Section("errata", "Errata", "none", List.of(), List.of(), Verdict.FAILS, "n/a",
                List.of());
        return HtmlReportWriter.write(dir, "asgd reproduce", List.of("intro"), List.of(s, t));
    }

    @Test
    void writesASelfContainedEscapedPage() throws Exception {
        Path index = sampleReport(dir);
        String html = Files.readString(index);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("data:image/png;base64,")
                .contains("Theorem 3.2 &lt;rate&gt;").contains("mu = gamma &amp; so on")
                .contains("holds with correction").contains("class=\"badge fails\"").contains("href=\"#theorem-3-2\"")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".index-"))).isEmpty();
    }

    @Test
    void tableRowsMustMatchTheHeader() {
        assertThatThrownBy(() -> new Table(List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells under a header of 2");
    }

    @Test
    void escapesEverySpecialCharacter() {
        assertThat(HtmlReportWriter.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
