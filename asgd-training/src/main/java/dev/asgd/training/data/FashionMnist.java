package dev.asgd.training.data;

import dev.asgd.core.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60000 training and 10000 test images of 28 x 28
 * grey pixels in 10 classes, read from the IDX files that the Debian package
 * {@code dataset-fashion-mnist} installs in {@link #DEFAULT_DIR}. Pixels are scaled to [0, 1].
 */
public final class FashionMnist {
    /** Where the Debian package installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The command that installs them. */
    public static final String INSTALL = "apt-get install dataset-fashion-mnist";

    /** Fashion-MNIST's classes: labels are 0..9. */
    public static final int CLASSES = 10;

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private FashionMnist() {
    }

    /**
     * @param dir the directory of the IDX files
     * @return whether the four files are there (gzipped or not)
     */
    public static boolean available(Path dir) {
        for (String f : new String[] {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
            if (locate(dir, f) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param dir the directory of the IDX files
     * @param trainLimit keep the first this many training images (at most 60000)
     * @return the training and test sets
     */
    public static TrainTest load(Path dir, int trainLimit) {
        if (!available(dir)) {
            throw new InvalidParameterException("data", "fashion-mnist",
                    "the Fashion-MNIST IDX files in " + dir + " (install them with '" + INSTALL + "')");
        }
        DenseDataset train = read(dir, TRAIN_IMAGES, TRAIN_LABELS);
        DenseDataset test = read(dir, TEST_IMAGES, TEST_LABELS);
        Dataset t = train;
        if (trainLimit < train.size()) {
            int[] rows = new int[Math.max(1, trainLimit)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
            t = train.select(rows);
        }
        return new TrainTest(t, test, null);
    }

    private static DenseDataset read(Path dir, String images, String labels) {
        Path pi = locate(dir, images);
        Path pl = locate(dir, labels);
        IdxReader.Tensor l = IdxReader.read(pl);
        byte[] b = l.data();
        for (int i = 0; i < b.length; i++) {
            if ((b[i] & 0xff) >= CLASSES) {
                throw DataFormatErrors.at(pl, 8 + i, "labels 0.." + (CLASSES - 1) + " (Fashion-MNIST's "
                        + CLASSES + " classes), got " + (b[i] & 0xff) + " for item " + i);
            }
        }
        return IdxReader.toDataset(IdxReader.read(pi), l, pi);
    }

    private static Path locate(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(name);
        return Files.isRegularFile(plain) ? plain : null;
    }
}
