package dev.asgd.report.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots with XChart: line charts (optionally log-scaled), bar charts of histograms and heat
 * maps. Each file is written atomically (to a temporary file, then renamed). XChart renders with
 * AWT in headless mode, so no display is needed.
 */
public final class Plots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** One named curve of a line chart. */
    public record Curve(String name, double[] x, double[] y, boolean dashed) {
        /** @return a solid curve */
        public static Curve of(String name, double[] x, double[] y) {
            return new Curve(name, x, y, false);
        }
    }

    /**
     * @param png the file to write
     * @param title the chart's title
     * @param xLabel the x axis label, with its unit
     * @param yLabel the y axis label, with its unit
     * @param logY whether the y axis is logarithmic (non-positive values are dropped)
     * @param curves the curves
     * @throws IOException when the file cannot be written
     */
    public static void line(Path png, String title, String xLabel, String yLabel, boolean logY, List<Curve> curves)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Curve c : curves) {
            PlottablePoints points = PlottablePoints.of(c.x(), c.y(), false, logY);
            if (points.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(c.name(), points.x(), points.y());
            s.setMarker(SeriesMarkers.NONE);
            if (c.dashed()) {
                s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                        java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            }
        }
        save(chart, png);
    }

    /**
     * @param png the file to write
     * @param title the chart's title
     * @param xLabel the category axis label
     * @param yLabel the value axis label
     * @param categories the bars' labels
     * @param seriesNames one name per series of bars
     * @param values values[series][category]
     * @throws IOException when the file cannot be written
     */
    public static void bars(Path png, String title, String xLabel, String yLabel, List<String> categories,
            List<String> seriesNames, double[][] values) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setOverlapped(seriesNames.size() > 1);
        for (int s = 0; s < seriesNames.size(); s++) {
            List<Double> ys = new ArrayList<>();
            for (double v : values[s]) {
                ys.add(v);
            }
            chart.addSeries(seriesNames.get(s), categories, ys);
        }
        save(chart, png);
    }

    /**
     * @param png the file to write
     * @param title the chart's title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param x the x grid (columns)
     * @param y the y grid (rows)
     * @param z z[i][j] at (x[i], y[j])
     * @throws IOException when the file cannot be written
     */
    public static void heatmap(Path png, String title, String xLabel, String yLabel, double[] x, double[] y,
            double[][] z) throws IOException {
        if (x.length < 2 || y.length < 2 || z.length != x.length || z[0].length != y.length) {
            throw new IllegalArgumentException("heatmap needs z[x.length][y.length] with at least 2 x 2 points");
        }
        java.awt.image.BufferedImage img = HeatmapImage.draw(title, xLabel, yLabel, x, y, z);
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".plot-", ".png");
        try {
            javax.imageio.ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setAntiAlias(true);
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(16f));
    }

    private static void save(Chart<?, ?> chart, Path png) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".plot-", ".png");
        try {
            BitmapEncoder.saveBitmap(chart, Files.newOutputStream(tmp), BitmapEncoder.BitmapFormat.PNG);
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
