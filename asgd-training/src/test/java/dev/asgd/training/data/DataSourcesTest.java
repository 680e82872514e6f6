package dev.asgd.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataSourcesTest {
    @Test
    void syntheticIsSeededAndSplit() {
        TrainTest a = DataSources.load("synthetic:least-squares,n=100,d=3", 0.2, 4);
        TrainTest b = DataSources.load("synthetic:least-squares,n=100,d=3", 0.2, 4);
        TrainTest c = DataSources.load("synthetic:least-squares,n=100,d=3,seed=5", 0.2, 4);
        assertThat(a.train().size()).isEqualTo(80);
        assertThat(a.test().size()).isEqualTo(20);
        assertThat(a.trueWeights()).hasSize(4).containsExactly(b.trueWeights());
        assertThat(a.train().label(0)).isEqualTo(b.train().label(0)).isNotEqualTo(c.train().label(0));
        assertThat(DataSources.load("synthetic:softmax,n=50,d=2,classes=4", 0, 1).train().size()).isEqualTo(50);
        assertThat(DataSources.load("synthetic:logistic,n=50,d=2,noise=2", 0, 1).test()).isNull();
    }

    @Test
    void loadsFilesBySpec(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "1,2\n0,3\n1,4\n0,5\n");
        assertThat(DataSources.load("csv:" + csv, 0.25, 1).train().size()).isEqualTo(3);
        Path svm = dir.resolve("a.svm");
        Files.writeString(svm, "1 1:2\n0 2:3\n");
        assertThat(DataSources.load("libsvm:" + svm, 0, 1).train().features()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "synthetic:cubic", "synthetic:least-squares,n=0", "synthetic:softmax,d=x",
        "synthetic:softmax,foo=1", "synthetic:softmax,n", "synthetic:softmax,noise=q", "synthetic:softmax,seed=q",
        "csv:/no/such/file.csv", "libsvm:/no/such", "fashion-mnist:bogus=1"})
    void rejectsMalformedSpecs(String spec) {
        assertThatThrownBy(() -> DataSources.load(spec, 0.2, 1)).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("data"));
    }

    @Test
    void rejectsATestFractionOfOne() {
        assertThatThrownBy(() -> DataSources.load("synthetic:logistic,n=10,d=2", 1, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("test-fraction");
    }
}
