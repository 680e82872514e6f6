package dev.asgd.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    @Test
    void lineChartIsAReadableNonBlankPng() throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, 0.5, 0.25, 0.125, 0.0625};
        Path png = dir.resolve("line.png");
        Plots.line(png, "decay", "step", "E|theta|^2", true, List.of(Plots.Curve.of("exact", x, y),
                new Plots.Curve("printed", x, new double[] {1, 0.25, 0.0625, 0.015625, 0.00390625}, true)));
        assertNonBlank(png);
    }

    @Test
    void barChartAndHeatmapAreNonBlank() throws Exception {
        Path bars = dir.resolve("bars.png");
        Plots.bars(bars, "staleness", "tau", "count", List.of("0", "1", "2"), List.of("worker 0"),
                new double[][] {{5, 3, 1}});
        assertNonBlank(bars);
        Path heat = dir.resolve("heat.png");
        double[] g = {-1, 0, 1};
        Plots.heatmap(heat, "g(t, x, v)", "x", "v", g, g, new double[][] {{0, 1, 0}, {1, 2, 1}, {0, 1, 0}});
        assertNonBlank(heat);
    }

    private static void assertNonBlank(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isGreaterThan(100);
        int first = img.getRGB(0, 0);
        boolean varied = false;
        for (int i = 0; i < img.getWidth() && !varied; i += 7) {
            for (int j = 0; j < img.getHeight() && !varied; j += 7) {
                varied = img.getRGB(i, j) != first;
            }
        }
        assertThat(varied).as("the image has more than one colour").isTrue();
    }
}
