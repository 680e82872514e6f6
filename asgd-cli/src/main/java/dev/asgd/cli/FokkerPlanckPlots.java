package dev.asgd.cli;

import dev.asgd.fokkerplanck.DensityGrid;
import dev.asgd.fokkerplanck.FokkerPlanckProblem;
import dev.asgd.fokkerplanck.FokkerPlanckResult;
import dev.asgd.report.plot.Plots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The PNGs of {@code asgd fokker-planck --plot DIR}: heatmaps of g(t, x, v) and the decay of ||h||^2. */
final class FokkerPlanckPlots {
    private static final int GRID = 80;

    private FokkerPlanckPlots() {
    }

    static List<String> write(FokkerPlanckResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        FokkerPlanckProblem p = r.problem();
        double w = p.omega0()[0];
        double beta = p.sme(0).beta();
        DensityGrid.Window window = DensityGrid.Window.of(w, beta,
                r.snapshots().isEmpty() ? null : r.snapshots().get(0).coefficients());
        double[] xr = window.x();
        double[] vr = window.v();
        int i = 0;
        for (FokkerPlanckResult.Snapshot s : r.snapshots()) {
            DensityGrid g = DensityGrid.evaluate(p.degree(), w, beta, s.coefficients(), xr, vr, GRID);
            Path png = dir.resolve(String.format(Locale.ROOT, "fokker-planck-density-%d.png", i++));
            Plots.heatmap(png, String.format(Locale.ROOT, "g(t, x, v) at t = %.3g (step %.4g)%s", s.time(),
                    s.time() / p.deltaT(), p.dimension() > 1 ? ", marginal of coordinate 1" : ""),
                    "x = y", "v = -omega0^2 theta - gamma y", g.x(), g.v(), g.g());
            files.add(png.toString());
        }
        int n = r.series().size();
        double[] t = new double[n];
        double[] hs = new double[n];
        double[] lh = new double[n];
        double[] sharp = r.predictedDecay(r.muSharp());
        double[] paper = r.predictedDecay(r.muPaper());
        for (int k = 0; k < n; k++) {
            FokkerPlanckResult.Point pt = r.series().get(k);
            t[k] = pt.time();
            hs[k] = pt.hNormSq();
            lh[k] = pt.lyapunovH();
        }
        Path decay = dir.resolve("fokker-planck-decay.png");
        Plots.line(decay, "Decay of ||h||_*^2 (" + r.initial() + " initial data)", "SME time t", "||h||_*^2, H", true,
                List.of(Plots.Curve.of("||h||_*^2", t, hs), Plots.Curve.of("H (3.8)", t, lh),
                    new Plots.Curve("exp(-2 muSharp t)", t, sharp, true),
                    new Plots.Curve("exp(-2 muPaper t) (printed)", t, paper, true)));
        files.add(decay.toString());
        return files;
    }
}
