package dev.asgd.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the driver's parameter server listens and how a worker proves it belongs to the run,
 * shipped to the executors in the task closure. The proof is HMAC-SHA256 over the server's
 * random nonce and the worker, keyed by the run's random token, or, when the application runs
 * with {@code spark.authenticate} and a {@code spark.authenticate.secret}, by HMAC(secret, token):
 * the executors read the secret from their own Spark configuration (or the environment Spark
 * gives them), never from the closure, so a holder of the closure alone cannot push.
 *
 * @param host the driver's address
 * @param port the server's port
 * @param token the run's random token (32 bytes)
 * @param sparkSecret whether the key also needs Spark's authentication secret
 */
record ChannelAddress(String host, int port, byte[] token, boolean sparkSecret) implements Serializable {
    /** Bytes of a token, a nonce and a proof. */
    static final int BYTES = 32;
    private static final String SECRET = "spark.authenticate.secret";

    /**
     * @param host the driver's address
     * @param port the server's port
     * @param sparkSecret whether Spark's secret is part of the key
     * @return an address with a new random token
     */
    static ChannelAddress random(String host, int port, boolean sparkSecret) {
        return new ChannelAddress(host, port, newToken(), sparkSecret);
    }

    /** @return a new random token */
    static byte[] newToken() {
        byte[] token = new byte[BYTES];
        new SecureRandom().nextBytes(token);
        return token;
    }

    /**
     * @param secret Spark's secret (required when {@link #sparkSecret()}), or null
     * @return the key of the proofs
     */
    byte[] key(String secret) {
        if (!sparkSecret) {
            return token.clone();
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("spark.authenticate is on but this JVM has no " + SECRET
                    + ": the parameter server's channel cannot be authenticated");
        }
        return hmac(secret.getBytes(StandardCharsets.UTF_8), token);
    }

    /** @return the key on an executor: with Spark's secret from its configuration or environment when needed */
    byte[] executorKey() {
        if (!sparkSecret) {
            return key(null);
        }
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        String s = env == null ? null : env.conf().get(SECRET, null);
        return key(s != null ? s : System.getenv("_SPARK_AUTH_SECRET"));
    }

    /**
     * @param key the key
     * @param nonce the server's nonce
     * @param worker the worker
     * @return the worker's proof
     */
    static byte[] proof(byte[] key, byte[] nonce, int worker) {
        byte[] msg = java.util.Arrays.copyOf(nonce, nonce.length + 4);
        java.nio.ByteBuffer.wrap(msg, nonce.length, 4).putInt(worker);
        return hmac(key, msg);
    }

    private static byte[] hmac(byte[] key, byte[] msg) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelAddress a && host.equals(a.host) && port == a.port
                && java.util.Arrays.equals(token, a.token) && sparkSecret == a.sparkSecret;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(host, port, java.util.Arrays.hashCode(token), sparkSecret);
    }

    @Override
    public String toString() {
        return "ChannelAddress[" + host + ":" + port + (sparkSecret ? ", with Spark's secret" : "") + "]";
    }
}
