package dev.asgd.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A heat map drawn with Java2D: cells coloured on a perceptually ordered scale (dark blue, teal,
 * yellow, like viridis), numeric axes with about five rounded ticks, and a colour bar. XChart's
 * HeatMapChart labels every grid point of a categorical axis, which is unreadable for the 60 x 60
 * grids the Fokker-Planck densities use; this draws what a reader expects from a continuous field.
 */
final class HeatmapImage {
    private static final Color[] SCALE = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(253, 231, 37)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 640;
    /** Room around the plot area: tick labels left and below, the colour bar right, the title above. */
    private static final Margins MARGINS = new Margins(90, 150, 50, 70);

    private HeatmapImage() {
    }

    private record Margins(int left, int right, int top, int bottom) {
    }

    static BufferedImage draw(String title, String xLabel, String yLabel, double[] x, double[] y, double[][] z) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    zMin = Math.min(zMin, v);
                    zMax = Math.max(zMax, v);
                }
            }
        }
        if (!(zMax > zMin)) {
            zMax = zMin + 1;
        }
        int left = MARGINS.left();
        int top = MARGINS.top();
        int pw = WIDTH - left - MARGINS.right();
        int ph = HEIGHT - top - MARGINS.bottom();
        double x0 = x[0];
        double x1 = x[x.length - 1];
        double y0 = y[0];
        double y1 = y[y.length - 1];
        for (int i = 0; i < x.length; i++) {
            int px0 = left + (int) Math.floor(pw * edge(x, i, false, x0, x1));
            int px1 = left + (int) Math.ceil(pw * edge(x, i, true, x0, x1));
            for (int j = 0; j < y.length; j++) {
                int py1 = top + ph - (int) Math.floor(ph * edge(y, j, false, y0, y1));
                int py0 = top + ph - (int) Math.ceil(ph * edge(y, j, true, y0, y1));
                g.setColor(colour((z[i][j] - zMin) / (zMax - zMin)));
                g.fillRect(px0, py0, Math.max(1, px1 - px0), Math.max(1, py1 - py0));
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, pw, ph);
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(tick);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(x0, x1)) {
            int px = left + (int) Math.round(pw * (t - x0) / (x1 - x0));
            g.drawLine(px, top + ph, px, top + ph + 5);
            String s = label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, top + ph + 20);
        }
        for (double t : ticks(y0, y1)) {
            int py = top + ph - (int) Math.round(ph * (t - y0) / (y1 - y0));
            g.drawLine(left - 5, py, left, py);
            String s = label(t);
            g.drawString(s, left - 8 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        fm = g.getFontMetrics();
        g.drawString(xLabel, left + pw / 2 - fm.stringWidth(xLabel) / 2, HEIGHT - 22);
        Graphics2D gy = (Graphics2D) g.create();
        gy.rotate(-Math.PI / 2);
        gy.drawString(yLabel, -(top + ph / 2) - fm.stringWidth(yLabel) / 2, 24);
        gy.dispose();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        fm = g.getFontMetrics();
        g.drawString(title, WIDTH / 2 - fm.stringWidth(title) / 2, 30);
        int bx = WIDTH - MARGINS.right() + 30;
        for (int k = 0; k < ph; k++) {
            g.setColor(colour(1 - k / (double) ph));
            g.drawLine(bx, top + k, bx + 20, top + k);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(bx, top, 20, ph);
        g.setFont(tick);
        g.drawString(label(zMax), bx + 26, top + 10);
        g.drawString(label(zMin), bx + 26, top + ph);
        g.dispose();
        return img;
    }

    /** Cell edge as a fraction of the axis: halfway to the neighbouring grid point. */
    private static double edge(double[] grid, int i, boolean upper, double lo, double hi) {
        double e;
        if (upper) {
            e = i + 1 < grid.length ? 0.5 * (grid[i] + grid[i + 1]) : hi;
        } else {
            e = i > 0 ? 0.5 * (grid[i - 1] + grid[i]) : lo;
        }
        return (e - lo) / (hi - lo);
    }

    static Color colour(double f) {
        double t = Math.max(0, Math.min(1, f)) * (SCALE.length - 1);
        int k = Math.min(SCALE.length - 2, (int) t);
        double u = t - k;
        Color a = SCALE[k];
        Color b = SCALE[k + 1];
        return new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
    }

    /** About five ticks at 1, 2 or 5 times a power of ten. */
    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
            if (Math.abs(out[i]) < 1e-12 * step) {
                out[i] = 0;
            }
        }
        return out;
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
    }
}
