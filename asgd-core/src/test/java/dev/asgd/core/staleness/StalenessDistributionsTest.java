package dev.asgd.core.staleness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StalenessDistributionsTest {
    @TempDir
    Path dir;

    @Test
    void parsesEveryLaw() throws IOException {
        assertThat(StalenessDistributions.parse("geometric", 0.5)).isEqualTo(new GeometricStaleness(0.5));
        assertThat(StalenessDistributions.parse("geometric:0.25", 0.5)).isEqualTo(new GeometricStaleness(0.25));
        assertThat(StalenessDistributions.parse("fixed:3", 0)).isEqualTo(new FixedStaleness(3));
        assertThat(StalenessDistributions.parse("uniform:4", 0)).isEqualTo(new UniformStaleness(4));
        assertThat(StalenessDistributions.parse("poisson:2.5", 0)).isEqualTo(new PoissonStaleness(2.5));
        assertThat(StalenessDistributions.parse("queue:8", 0)).isEqualTo(new QueueStaleness(8));
        Path f = Files.writeString(dir.resolve("obs.txt"), "# observed\n0\n2\n2\n\n1\n");
        StalenessDistribution e = StalenessDistributions.parse("empirical:" + f, 0);
        assertThat(e.pmf(2)).isEqualTo(0.5);
        assertThat(e.spec()).isEqualTo("empirical:" + f);
        Path w = Files.writeString(dir.resolve("w.txt"), "weight\n0.5\n0\n1.5\n");
        assertThat(StalenessDistributions.parse("empirical:" + w, 0).pmf(2)).isEqualTo(0.75);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "geo", "fixed", "fixed:", "fixed:-1", "fixed:1.5", "uniform:x", "poisson:0",
        "poisson:-2", "poisson:2e6", "queue:0", "queue:", "geometric:1", "geometric:-0.1", "bogus:3", "empirical:",
        "empirical:/no/such/file"})
    void rejectsBadSpecs(String spec) {
        assertThatThrownBy(() -> StalenessDistributions.parse(spec, 0.5))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("staleness"));
    }

    @Test
    void rejectsKappaOutOfRange() {
        assertThatThrownBy(() -> StalenessDistributions.parse("geometric", 1.0))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("kappa"));
    }

    @Test
    void rejectsEmptyEmpiricalFile() throws IOException {
        Path f = Files.writeString(dir.resolve("empty.txt"), "# nothing\n\n");
        assertThatThrownBy(() -> StalenessDistributions.parse("empirical:" + f, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsMalformedEmpiricalFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.txt"), "1\n2\nthree\n");
        assertThatThrownBy(() -> StalenessDistributions.parse("empirical:" + f, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("three");
    }

    @Test
    void rejectsNegativeObservation() throws IOException {
        Path f = Files.writeString(dir.resolve("neg.txt"), "1\n-2\n");
        assertThatThrownBy(() -> StalenessDistributions.parse("empirical:" + f, 0))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsNegativeWeight() throws IOException {
        Path f = Files.writeString(dir.resolve("negw.txt"), "weight\n1\n-2\n");
        assertThatThrownBy(() -> StalenessDistributions.parse("empirical:" + f, 0))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsAllZeroWeights() throws IOException {
        Path f = Files.writeString(dir.resolve("zero.txt"), "weight\n0\n0\n");
        assertThatThrownBy(() -> StalenessDistributions.parse("empirical:" + f, 0))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not all zero");
    }

    @Test
    void rejectsNonNumericWeight() throws IOException {
        Path f = Files.writeString(dir.resolve("nanw.txt"), "weight\n1\nx\n");
        assertThatThrownBy(() -> StalenessDistributions.parse("empirical:" + f, 0))
                .isInstanceOf(InvalidParameterException.class);
    }
}
