package dev.asgd.spark;

import dev.asgd.core.NumericalDivergenceException;
import dev.asgd.training.engine.Gradient;
import dev.asgd.training.engine.LocalParameterChannel;
import dev.asgd.training.engine.ParameterChannel;
import dev.asgd.training.engine.ParameterServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The driver's end of the executor workers' channel ({@link Wire}): a server socket on the driver's
 * address, one thread per worker connection, each forwarding to the run's {@link LocalParameterChannel}
 * (so staleness, hooks, evaluation, checkpoints, exactly once and the modes are the session's, as with
 * threads). A connection is served only after the worker proved the run's key (HMAC of a fresh nonce).
 * The first failure of an apply (a divergence) is kept for the run, the server is stopped, and every
 * worker is told to stop.
 */
final class ParameterRpcServer implements AutoCloseable {
    private final LocalParameterChannel channel;
    private final boolean keepRead;
    private final boolean holdsGradients;
    private final byte[] key;
    private final ServerSocket socket;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong applyNanos = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private volatile String last = "no push yet";
    private volatile boolean closed;
    private String published;

    /** The servers of this JVM that worker tasks in the same JVM (local masters) reach without a socket, by token. */
    private static final java.util.Map<String, ParameterRpcServer> IN_JVM = new ConcurrentHashMap<>();

    /**
     * Binds and starts accepting.
     *
     * @param channel the run's channel
     * @param keepRead whether gradients carry the parameters read (delay compensation): the server keeps
     *     the last parameters it sent each connection
     * @param holdsGradients whether the channel keeps a pushed gradient after the push (sync rounds)
     * @param bind the address to bind
     * @param key the key of the workers' proofs
     * @throws IOException when the address cannot be bound
     */
    ParameterRpcServer(LocalParameterChannel channel, boolean keepRead, boolean holdsGradients, String bind, byte[] key)
            throws IOException {
        this(channel, keepRead, holdsGradients, bind, 0, key);
    }

    /**
     * Binds a given port and starts accepting.
     *
     * @param channel the run's channel
     * @param keepRead whether gradients carry the parameters read
     * @param holdsGradients whether the channel keeps a pushed gradient after the push (sync rounds)
     * @param bind the address to bind
     * @param port the port (0: any free port)
     * @param key the key of the workers' proofs
     * @throws IOException when the address cannot be bound
     */
    ParameterRpcServer(LocalParameterChannel channel, boolean keepRead, boolean holdsGradients, String bind, int port,
            byte[] key) throws IOException {
        this.channel = channel;
        this.keepRead = keepRead;
        this.holdsGradients = holdsGradients;
        this.key = key.clone();
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port), 64);
        this.acceptor = new Thread(this::accept, "asgd-ps-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the bound port */
    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "asgd-ps-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
            int w = handshake(in, out);
            if (w >= 0) {
                loop(w, in, out);
            }
        } catch (EOFException e) {
            // the worker's task ended or died: a retry reconnects
        } catch (IOException e) {
            // the same, or the server closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            open.remove(s);
        }
    }

    /** @return the worker, or -1 when refused */
    private int handshake(DataInputStream in, DataOutputStream out) throws IOException {
        if (in.readInt() != Wire.MAGIC) {
            refused.incrementAndGet();
            return -1;
        }
        int w = in.readInt();
        in.readInt(); // the attempt, for the logs of a debugger
        byte[] nonce = new byte[ChannelAddress.BYTES];
        random.nextBytes(nonce);
        out.write(nonce);
        out.flush();
        byte[] proof = new byte[ChannelAddress.BYTES];
        in.readFully(proof);
        boolean known = w >= 0 && w < channel.server().appliedPerWorker().length;
        if (!known || !MessageDigest.isEqual(proof, ChannelAddress.proof(key, nonce, w))) {
            refused.incrementAndGet();
            out.writeByte(Wire.REFUSED);
            out.flush();
            return -1;
        }
        out.writeByte(Wire.OK);
        return w;
    }

    private void loop(int w, DataInputStream in, DataOutputStream out) throws IOException, InterruptedException {
        Wire.Doubles doubles = new Wire.Doubles();
        out.writeLong(channel.nextStep(w));
        ParameterServer.View sent = sendRead(w, null, out, doubles);
        double[] buf = null;
        while (sent != null) {
            long step = in.readLong();
            long readVersion = in.readLong();
            double loss = in.readDouble();
            buf = doubles.read(in, buf);
            if (readVersion != sent.version()) {
                throw new IOException("worker " + w + " pushed a gradient at version " + readVersion + ", not at the "
                        + sent.version() + " it read");
            }
            touch(w, step);
            ParameterChannel.Push r;
            try {
                // an async apply is done with the values when push returns (the connection's buffer is reused);
                // a sync round holds them until every worker pushed (a fresh array then)
                double[] values = holdsGradients ? buf.clone() : buf;
                long t0 = System.nanoTime();
                r = channel.push(new Gradient(w, step, readVersion, values, loss, keepRead ? sent.params() : null));
                applyNanos.addAndGet(System.nanoTime() - t0);
            } catch (RuntimeException e) {
                fail(e);
                out.writeByte(Wire.STOP);
                out.flush();
                return;
            }
            if (r == ParameterChannel.Push.DUPLICATE) {
                duplicates.incrementAndGet();
            }
            pushes.incrementAndGet();
            out.writeByte(r == ParameterChannel.Push.STOP ? Wire.STOP
                    : r == ParameterChannel.Push.APPLIED ? Wire.APPLIED : Wire.DUPLICATE);
            if (r == ParameterChannel.Push.STOP) {
                out.flush();
                return;
            }
            sent = sendRead(w, sent, out, doubles);
        }
    }

    private ParameterServer.View sendRead(int w, ParameterServer.View before, DataOutputStream out, Wire.Doubles doubles)
            throws IOException, InterruptedException {
        ParameterServer.View v = channel.read(w);
        if (v == null) {
            out.writeByte(Wire.STOP);
        } else if (before != null && before.version() == v.version()) {
            out.writeByte(Wire.SAME);
            out.writeLong(v.version());
        } else {
            out.writeByte(Wire.NEW);
            out.writeLong(v.version());
            doubles.write(out, v.params());
        }
        out.flush();
        return v;
    }

    private void touch(int w, long step) {
        lastActivity.set(System.nanoTime());
        last = "worker " + w + " step " + step;
    }

    private void fail(RuntimeException e) {
        failure.updateAndGet(old -> old == null
                || e instanceof NumericalDivergenceException && !(old instanceof NumericalDivergenceException) ? e : old);
        channel.server().stop();
    }

    /** @return the first failure of an apply (a divergence), or null */
    RuntimeException failure() {
        return failure.get();
    }

    /** @return nanoseconds since the last push (or since the server started) */
    long idleNanos() {
        return System.nanoTime() - lastActivity.get();
    }

    /** @return the last push, e.g. {@code worker 1 step 40} */
    String lastPush() {
        return last;
    }

    /** @return pushes received (applied, duplicate, or after the end) */
    long pushes() {
        return pushes.get();
    }

    /** @return nanoseconds the connections spent in the channel's push (the apply, its lock, a sync round's wait) */
    long applyNanos() {
        return applyNanos.get();
    }

    /** @return pushes acknowledged as duplicates (a retried worker's step applied before) */
    long duplicates() {
        return duplicates.get();
    }

    /** @return connections refused (a wrong key, a stranger) */
    long refused() {
        return refused.get();
    }

    /**
     * Lets worker tasks running in this JVM (a local master's) reach the server without a socket.
     *
     * @param token the run's token, the key of the lookup
     */
    void publishInJvm(byte[] token) {
        published = java.util.HexFormat.of().formatHex(token);
        IN_JVM.put(published, this);
    }

    /**
     * @param token the run's token
     * @param worker the worker
     * @param attempt the task's attempt
     * @param failAfter the push after which the task fails (injected failures), or -1
     * @return the in-JVM channel of the run's server for that worker, or null when the server is not in this JVM
     */
    static InJvmChannel inJvm(byte[] token, int worker, int attempt, long failAfter) {
        ParameterRpcServer s = IN_JVM.get(java.util.HexFormat.of().formatHex(token));
        return s == null || s.closed ? null : s.new InJvmChannel(worker, attempt, failAfter);
    }

    /**
     * A worker task's channel to the server when both are in this JVM: the server's
     * {@link LocalParameterChannel} itself (as the threads engine's workers use it), with the
     * server's bookkeeping (activity, duplicates, the run's failure kept and every worker stopped).
     */
    final class InJvmChannel implements ParameterChannel {
        private final int worker;
        private final int attempt;
        private final long failAfter;
        private long count;
        private long dups;
        private long nanos;

        InJvmChannel(int worker, int attempt, long failAfter) {
            this.worker = worker;
            this.attempt = attempt;
            this.failAfter = failAfter;
        }

        @Override
        public long nextStep(int w) {
            return channel.nextStep(w);
        }

        @Override
        public ParameterServer.View read(int w) throws InterruptedException {
            return closed ? null : channel.read(w);
        }

        @Override
        public Push push(Gradient g) throws InterruptedException {
            long t0 = System.nanoTime();
            touch(worker, g.workerStep());
            Push r;
            try {
                r = closed ? Push.STOP : channel.push(g);
            } catch (RuntimeException e) {
                fail(e);
                return Push.STOP;
            }
            long t = System.nanoTime() - t0;
            applyNanos.addAndGet(t);
            nanos += t;
            pushes.incrementAndGet();
            if (r == Push.DUPLICATE) {
                duplicates.incrementAndGet();
                dups++;
            }
            if (++count == failAfter) {
                // applied, its answer lost: the retry asks for its worker's next step
                throw new InjectedTaskFailure(worker, g.workerStep(), attempt);
            }
            return r;
        }

        @Override
        public void leave(int w) {
            channel.leave(w);
        }

        long pushes() {
            return count;
        }

        long duplicates() {
            return dups;
        }

        long pushNanos() {
            return nanos;
        }
    }

    /** As {@link #close()}: stops accepting and closes every connection. */
    void cancelAll() {
        close();
    }

    /** Stops accepting and closes every connection (their workers' tasks end with an I/O error). */
    @Override
    public void close() {
        closed = true;
        if (published != null) {
            IN_JVM.remove(published, this);
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
