package dev.asgd.spark;

import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.ParameterChannel;
import dev.asgd.training.engine.ParameterServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * An executor task's channel to the driver's {@link ParameterRpcServer} ({@link Wire}), for one
 * worker: {@link #read} returns the parameters the last answer carried (no round trip), {@link #push}
 * sends the gradient and receives the next read. The parameters live in one array, overwritten by
 * the next push's answer (the worker loop is done with them by then). Not thread-safe: one task's.
 */
final class RemoteParameterChannel implements ParameterChannel, AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Wire.Doubles doubles = new Wire.Doubles();
    private final int worker;
    private final int attempt;
    private final long failAfter;
    private final long nextStep;
    private double[] params;
    private ParameterServer.View view;
    private long pushes;
    private long duplicates;
    private long pushNanos;

    private RemoteParameterChannel(Socket socket, int worker, int attempt, long failAfter, long nextStep,
            DataInputStream in, DataOutputStream out) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.worker = worker;
        this.attempt = attempt;
        this.failAfter = failAfter;
        this.nextStep = nextStep;
        receiveRead();
    }

    /**
     * Connects and proves the key.
     *
     * @param address the server
     * @param key the key of the proof
     * @param worker the worker
     * @param attempt the task's attempt (for the server's logs)
     * @param failAfter the push after whose sending the task fails (injected failures), or -1
     * @param timeoutMillis connect timeout
     * @return the channel
     * @throws IOException when the server is unreachable or refuses the proof
     */
    static RemoteParameterChannel connect(ChannelAddress address, byte[] key, int worker, int attempt, long failAfter,
            int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(address.host(), address.port()), timeoutMillis);
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
            out.writeInt(Wire.MAGIC);
            out.writeInt(worker);
            out.writeInt(attempt);
            out.flush();
            byte[] nonce = new byte[ChannelAddress.BYTES];
            in.readFully(nonce);
            out.write(ChannelAddress.proof(key, nonce, worker));
            out.flush();
            if (in.readByte() != Wire.OK) {
                throw new IOException("the parameter server at " + address.host() + ":" + address.port()
                        + " refused worker " + worker + ": wrong key (spark.authenticate.secret, or another run's token)");
            }
            return new RemoteParameterChannel(s, worker, attempt, failAfter, in.readLong(), in, out);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void receiveRead() throws IOException {
        byte kind = in.readByte();
        if (kind == Wire.STOP) {
            view = null;
            return;
        }
        long version = in.readLong();
        if (kind == Wire.NEW) {
            params = doubles.read(in, params);
        } else if (kind != Wire.SAME || params == null) {
            throw new IOException("bad answer " + kind + " from the parameter server");
        }
        view = new ParameterServer.View(version, params);
    }

    @Override
    public long nextStep(int w) {
        return nextStep;
    }

    @Override
    public ParameterServer.View read(int w) {
        return view;
    }

    @Override
    public Push push(Gradient g) {
        long t0 = System.nanoTime();
        try {
            out.writeLong(g.workerStep());
            out.writeLong(g.readVersion());
            out.writeDouble(g.batchLoss());
            doubles.write(out, g.values());
            out.flush();
            if (++pushes == failAfter) {
                // sent, its answer never read: the server may apply it before or after the retry reconnects
                throw new InjectedTaskFailure(worker, g.workerStep(), attempt);
            }
            byte r = in.readByte();
            if (r == Wire.STOP) {
                view = null;
                return Push.STOP;
            }
            receiveRead();
            if (r == Wire.DUPLICATE) {
                duplicates++;
                return Push.DUPLICATE;
            }
            return Push.APPLIED;
        } catch (IOException e) {
            throw new UncheckedIOException("worker " + worker + " lost the parameter server: " + e.getMessage(), e);
        } finally {
            pushNanos += System.nanoTime() - t0;
        }
    }

    /** @return nanoseconds spent in {@link #push} (sending, the server's apply and read, receiving) */
    long pushNanos() {
        return pushNanos;
    }

    /** @return gradients pushed */
    long pushes() {
        return pushes;
    }

    /** @return pushes the server had applied before (after a retry) */
    long duplicates() {
        return duplicates;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
