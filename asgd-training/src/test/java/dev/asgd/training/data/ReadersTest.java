package dev.asgd.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asgd.core.InvalidParameterException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsCsvWithHeaderAndComments() throws IOException {
        DenseDataset d = CsvReader.read(write("a.csv", "y,x1,x2\n# comment\n1,2,3\n\n0,4.5,-1\n"));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.features()).isEqualTo(2);
        assertThat(d.get(1, 0)).isEqualTo(4.5);
        assertThat(d.label(0)).isEqualTo(1);
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.dot(0, new double[] {1, 1}, 0)).isEqualTo(5);
    }

    @Test
    void rejectsCsvWithANonNumberNamingFileAndLine() throws IOException {
        Path f = write("b.csv", "1,2,3\n0,abc,1\n");
        assertThatThrownBy(() -> CsvReader.read(f)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(f + ":2").hasMessageContaining("abc");
    }

    @Test
    void rejectsCsvWithARaggedRow() throws IOException {
        Path f = write("c.csv", "1,2,3\n0,1\n");
        assertThatThrownBy(() -> CsvReader.read(f)).hasMessageContaining(f + ":2").hasMessageContaining("3 fields");
    }

    @Test
    void rejectsCsvWithANonFiniteValue() throws IOException {
        Path f = write("n.csv", "1,2,NaN\n");
        assertThatThrownBy(() -> CsvReader.read(f)).hasMessageContaining(f + ":1").hasMessageContaining("finite");
    }

    @Test
    void rejectsAnEmptyCsv() throws IOException {
        Path f = write("e.csv", "# nothing\n");
        assertThatThrownBy(() -> CsvReader.read(f)).hasMessageContaining(f + ":1");
    }

    @Test
    void readsLibsvmSparse() throws IOException {
        SparseDataset d = LibsvmReader.read(write("a.svm", "+1 1:0.5 3:2\n-1 2:1 # c\n\n0 4:1\n"));
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.features()).isEqualTo(4);
        assertThat(d.storedEntries()).isEqualTo(4);
        double[] w = {1, 10, 100, 1000};
        assertThat(d.dot(0, w, 0)).isEqualTo(200.5);
        double[] g = new double[4];
        d.addScaled(1, 2, g, 0);
        assertThat(g).containsExactly(0, 2, 0, 0);
        assertThat(d.classes()).isZero();
        Dataset s = d.select(new int[] {2, 0});
        assertThat(s.dot(0, w, 0)).isEqualTo(1000);
        assertThat(s.label(1)).isEqualTo(1);
    }

    @Test
    void rejectsLibsvmBadPair() throws IOException {
        Path f = write("b.svm", "1 1:2\n1 3\n");
        assertThatThrownBy(() -> LibsvmReader.read(f)).hasMessageContaining(f + ":2").hasMessageContaining("index:value");
    }

    @Test
    void rejectsLibsvmDecreasingIndices() throws IOException {
        Path f = write("c.svm", "1 3:2 2:1\n");
        assertThatThrownBy(() -> LibsvmReader.read(f)).hasMessageContaining(f + ":1").hasMessageContaining("increasing");
    }

    @Test
    void rejectsLibsvmNonIntegerIndexAndBadValue() throws IOException {
        Path f = write("d.svm", "1 x:2\n");
        assertThatThrownBy(() -> LibsvmReader.read(f)).hasMessageContaining(f + ":1").hasMessageContaining("integer");
        Path g = write("e.svm", "1 1:2\n1 1:zz\n");
        assertThatThrownBy(() -> LibsvmReader.read(g)).hasMessageContaining(g + ":2");
        Path h = write("f.svm", "abc 1:2\n");
        assertThatThrownBy(() -> LibsvmReader.read(h)).hasMessageContaining(h + ":1").hasMessageContaining("label");
    }

    static byte[] idx(int magicType, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt((magicType << 8) | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return b.toByteArray();
    }

    static void writeGz(Path f, byte[] bytes) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(bytes);
        }
    }

    @Test
    void readsSmallIdxFilesGzippedAndPlain() throws IOException {
        byte[] pixels = {0, (byte) 255, 51, 102, 0, 0, 0, (byte) 128};
        writeGz(dir.resolve("imgs.gz"), idx(8, new int[] {2, 2, 2}, pixels));
        Files.write(dir.resolve("labels"), idx(8, new int[] {2}, new byte[] {3, 9}));
        IdxReader.Tensor t = IdxReader.read(dir.resolve("imgs.gz"));
        assertThat(t.dims()).containsExactly(2, 2, 2);
        assertThat(t.itemSize()).isEqualTo(4);
        DenseDataset d = IdxReader.toDataset(t, IdxReader.read(dir.resolve("labels")), dir.resolve("imgs.gz"));
        assertThat(d.features()).isEqualTo(4);
        assertThat(d.get(0, 1)).isEqualTo(1.0);
        assertThat(d.get(0, 2)).isEqualTo(0.2);
        assertThat(d.get(1, 3)).isEqualTo(128 / 255.0);
        assertThat(d.label(1)).isEqualTo(9);
    }

    @Test
    void rejectsIdxWithBadMagicTruncationOrTrailingBytes() throws IOException {
        Path f = dir.resolve("bad");
        Files.write(f, idx(9, new int[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining(f + ":0").hasMessageContaining("magic");
        Files.write(f, idx(8, new int[] {3}, new byte[] {1, 2}));
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining(f + ":8").hasMessageContaining("shorter");
        Files.write(f, idx(8, new int[] {1}, new byte[] {1, 2}));
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining("end of the file");
        Files.write(f, new byte[] {0, 0});
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining("header");
        Files.write(f, idx(8, new int[] {0}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining("positive size");
    }

    @Test
    void rejectsMismatchedImagesAndLabels() throws IOException {
        IdxReader.Tensor img = new IdxReader.Tensor(new int[] {2, 1, 1}, new byte[2]);
        IdxReader.Tensor lab = new IdxReader.Tensor(new int[] {3}, new byte[3]);
        assertThatThrownBy(() -> IdxReader.toDataset(img, lab, dir)).hasMessageContaining("as many images");
    }

    @Test
    void fashionMnistLayoutReadFromAFakeDirectory() throws IOException {
        byte[] px = new byte[3 * 4];
        px[5] = (byte) 255;
        writeGz(dir.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), idx(8, new int[] {3, 2, 2}, px));
        writeGz(dir.resolve(FashionMnist.TRAIN_LABELS + ".gz"), idx(8, new int[] {3}, new byte[] {0, 1, 2}));
        Files.write(dir.resolve(FashionMnist.TEST_IMAGES), idx(8, new int[] {1, 2, 2}, new byte[4]));
        Files.write(dir.resolve(FashionMnist.TEST_LABELS), idx(8, new int[] {1}, new byte[] {1}));
        TrainTest t = DataSources.load("fashion-mnist:n=2,dir=" + dir, 0.2, 1);
        assertThat(t.train().size()).isEqualTo(2);
        assertThat(t.test().size()).isEqualTo(1);
        assertThat(t.train().classes()).isEqualTo(2);
    }

    @Test
    void missingFashionMnistNamesTheInstallCommand() {
        assertThatThrownBy(() -> DataSources.load("fashion-mnist:dir=" + dir.resolve("none"), 0.2, 1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("apt-get install dataset-fashion-mnist");
    }
}
