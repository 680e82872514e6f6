package dev.asgd.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: commands with ids and their
 * replies, and a stream of events. Only what the report check needs.
 */
final class DevToolsConnection implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

    private DevToolsConnection(WebSocket socket) {
        this.socket = socket;
    }

    static DevToolsConnection open(URI webSocket, List<Consumer<JsonNode>> listeners) throws IOException {
        Holder holder = new Holder();
        try {
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(webSocket, holder).get(15, TimeUnit.SECONDS);
            DevToolsConnection c = new DevToolsConnection(ws);
            c.listeners.addAll(listeners);
            holder.connection = c;
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + webSocket, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to the browser at " + webSocket + ": " + e.getMessage(), e);
        }
    }

    JsonNode send(String method, ObjectNode params, Duration timeout) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? MAPPER.createObjectNode() : params);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(msg.toString(), true);
        try {
            JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.has("error")) {
                throw new IOException(method + " failed: " + r.get("error"));
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no reply to " + method + " within " + timeout, e);
        } finally {
            pending.remove(id);
        }
    }

    static ObjectNode params() {
        return MAPPER.createObjectNode();
    }

    private void onMessage(String text) {
        try {
            JsonNode m = MAPPER.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else {
                for (Consumer<JsonNode> l : listeners) {
                    l.accept(m);
                }
            }
        } catch (IOException e) {
            // a message that is not JSON is not ours to handle
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Holder implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private volatile DevToolsConnection connection;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                DevToolsConnection c = connection;
                if (c != null) {
                    c.onMessage(text);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
