package dev.asgd.training.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian header of two zero bytes,
 * a type byte (0x08 = unsigned byte, the only type read here), the number of dimensions, one
 * 32-bit size per dimension, then the data. Files ending in {@code .gz} are decompressed. Errors
 * name the file and the byte offset ({@code file:offset}).
 */
public final class IdxReader {
    private IdxReader() {
    }

    /**
     * An unsigned-byte tensor.
     *
     * @param dims the sizes of the dimensions
     * @param data the values 0..255, row-major
     */
    public record Tensor(int[] dims, byte[] data) {
        /** @return the number of items (the first dimension) */
        public int items() {
            return dims[0];
        }

        /** @return the values per item (the product of the other dimensions) */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) {
                s *= dims[i];
            }
            return s;
        }
    }

    /**
     * @param file an IDX file, optionally gzipped
     * @return its tensor
     */
    public static Tensor read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                        : new BufferedInputStream(raw, 1 << 16);
                DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
                throw DataFormatErrors.at(file, 0, "the IDX magic 0x000008NN (unsigned bytes), got 0x"
                        + String.format("%08x", magic));
            }
            int n = magic & 0xff;
            if (n < 1 || n > 4) {
                throw DataFormatErrors.at(file, 3, "1 to 4 dimensions, got " + n);
            }
            int[] dims = new int[n];
            long total = 1;
            for (int i = 0; i < n; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 1) {
                    throw DataFormatErrors.at(file, 4 + 4L * i, "a positive size of dimension " + i + ", got " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw DataFormatErrors.at(file, 4, "fewer than 2^31 values, got " + total);
            }
            // the values stay bytes (DenseDataset.coded): a byte is an eighth of the doubles' budget
            dev.asgd.core.Limits.requireDoubles("data", file, total / (double) Double.BYTES,
                    "IDX values (" + total + " bytes, 8 to a double)");
            byte[] values = new byte[(int) total];
            try {
                data.readFully(values);
            } catch (EOFException e) {
                throw DataFormatErrors.at(file, 4 + 4L * n, total + " data bytes after the header, the file is shorter");
            }
            if (data.read() != -1) {
                throw DataFormatErrors.at(file, 4 + 4L * n + total, "the end of the file after " + total
                        + " data bytes, found more");
            }
            return new Tensor(dims, values);
        } catch (EOFException e) {
            throw DataFormatErrors.at(file, 0, "a complete IDX header, the file is shorter");
        } catch (IOException e) {
            throw DataFormatErrors.io(file, 0, e);
        }
    }

    /**
     * @param images an image tensor (n x rows x cols)
     * @param labels a label tensor (n)
     * @param file the image file, for messages
     * @return the images scaled to [0, 1] (stored as their bytes, {@link DenseDataset#coded}), one row each, with their labels
     */
    public static DenseDataset toDataset(Tensor images, Tensor labels, Path file) {
        if (labels.dims().length != 1 || labels.items() != images.items()) {
            throw DataFormatErrors.at(file, 0, "as many images as labels (" + labels.items() + "), got "
                    + images.items());
        }
        int n = images.items();
        int d = images.itemSize();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data()[i] & 0xff;
        }
        // pixels stay bytes: value = code / 255, the same doubles as dividing each pixel
        return DenseDataset.coded(images.data(), 255, y, d);
    }
}
