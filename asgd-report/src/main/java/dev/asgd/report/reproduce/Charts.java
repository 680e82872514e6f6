package dev.asgd.report.reproduce;

import dev.asgd.report.plot.PlottablePoints;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's line charts with XChart: log axes where values span decades, solid curves for
 * computations, dashed for the printed paper, markers only for measured points (Monte Carlo,
 * training), and vertical marker lines (thresholds). Every chart is written as PNG and as SVG
 * (XChart's VectorGraphicsEncoder, with VectorGraphics2D that XChart depends on), both atomically.
 */
public final class Charts {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 4f}, 0f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** How a series is drawn. */
    public enum Style {
        /** a computed curve */
        LINE,
        /** the printed paper */
        DASHED,
        /** a marker line, e.g. a threshold */
        DOTTED,
        /** measured points, no line */
        POINTS
    }

    /**
     * One named series.
     *
     * @param name the legend entry
     * @param x abscissae
     * @param y ordinates (non-finite points, and non-positive ones on a log axis, are dropped)
     * @param style how it is drawn
     */
    public record Series(String name, double[] x, double[] y, Style style) {
    }

    /**
     * A vertical marker line.
     *
     * @param name the legend entry
     * @param x where
     */
    public record Marker(String name, double x) {
    }

    /**
     * @param png the PNG file; the SVG goes beside it
     * @param title the title
     * @param xLabel x axis label with unit
     * @param yLabel y axis label with unit
     * @param logX log x axis
     * @param logY log y axis
     * @param series the series
     * @param markers vertical lines spanning the data's y range
     * @return the PNG path
     * @throws IOException when a file cannot be written
     */
    public static Path line(Path png, String title, String xLabel, String yLabel, boolean logX, boolean logY,
            List<Series> series, List<Marker> markers) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setAntiAlias(true);
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(16f));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisDecimalPattern(logX ? "0.#E0" : "#.###");
        chart.getStyler().setYAxisDecimalPattern(logY ? "0.#E0" : "#.####");
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series c : series) {
            PlottablePoints points = PlottablePoints.of(c.x(), c.y(), logX, logY);
            if (points.isEmpty()) {
                continue;
            }
            for (double y : points.y()) {
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
            XYSeries xy = chart.addSeries(c.name(), points.x(), points.y());
            switch (c.style()) {
                case POINTS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.DIAMOND);
                }
                case DASHED -> {
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setLineStyle(DASHED);
                }
                case DOTTED -> {
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setLineStyle(DOTTED);
                }
                default -> xy.setMarker(SeriesMarkers.NONE);
            }
        }
        if (yMin < yMax) {
            for (Marker m : markers) {
                XYSeries xy = chart.addSeries(m.name(), new double[] {m.x(), m.x()}, new double[] {yMin, yMax});
                xy.setMarker(SeriesMarkers.NONE);
                xy.setLineStyle(DOTTED);
            }
        }
        save(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        String name = png.getFileName().toString().replaceFirst("\\.png$", "") + ".svg";
        save(png.resolveSibling(name),
                out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return png;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void save(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".chart-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
