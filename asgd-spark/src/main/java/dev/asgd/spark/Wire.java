package dev.asgd.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The parameter server's binary protocol, one TCP connection per worker task, every number big-endian:
 * <pre>
 * worker -&gt; server  HELLO  int MAGIC, int worker, int attempt
 * server -&gt; worker         byte[32] nonce
 * worker -&gt; server         byte[32] HMAC-SHA256(key, nonce, worker)
 * server -&gt; worker         byte OK / REFUSED; then long next step, READ
 * worker -&gt; server  PUSH   long step, long read version, double batch loss, int n, double[n] gradient
 * server -&gt; worker         byte APPLIED / DUPLICATE / STOP; unless STOP, READ
 * READ                     byte STOP | byte SAME, long version | byte NEW, long version, int n, double[n]
 * </pre>
 * A push's answer carries the worker's next read (waiting as the mode requires), so an update costs one
 * round trip; parameters travel as raw doubles, and only when the version moved since the worker's last read.
 */
final class Wire {
    static final int MAGIC = 0x41534744;
    static final byte OK = 1;
    static final byte REFUSED = 0;
    static final byte STOP = 0;
    static final byte SAME = 1;
    static final byte NEW = 2;
    static final byte APPLIED = 1;
    static final byte DUPLICATE = 2;

    private Wire() {
    }

    /** Reusable bytes for the doubles of one connection. */
    static final class Doubles {
        private byte[] bytes = new byte[0];

        private byte[] bytes(int n) {
            if (bytes.length < 8 * n) {
                bytes = new byte[8 * n];
            }
            return bytes;
        }

        void write(DataOutputStream out, double[] v) throws IOException {
            byte[] b = bytes(v.length);
            ByteBuffer.wrap(b).asDoubleBuffer().put(v);
            out.writeInt(v.length);
            out.write(b, 0, 8 * v.length);
        }

        /** @return {@code into} when it has the length read, else a new array */
        double[] read(DataInputStream in, double[] into) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 1 << 28) {
                throw new IOException("bad vector length " + n);
            }
            double[] v = into != null && into.length == n ? into : new double[n];
            byte[] b = bytes(n);
            in.readFully(b, 0, 8 * n);
            ByteBuffer.wrap(b).asDoubleBuffer().get(v);
            return v;
        }
    }
}
