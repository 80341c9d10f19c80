package io.gridcast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP relay on 127.0.0.1 in front of the S3 test server. Once armed, it runs an outage action
 * (stopping the server) when a client sends a {@code PUT} request line that contains a given
 * text, so a test can cut the storage in the middle of a table write.
 */
final class S3Relay implements AutoCloseable {

    private static final int MAX_LINE_BYTES = 4096;

    private final ServerSocket listener;
    private final int serverPort;
    private volatile String putTrigger;
    private volatile Runnable outage;

    S3Relay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptClients, "s3-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Runs {@code action} once, at the first PUT whose request line contains {@code text}. */
    void onPut(String text, Runnable action) {
        this.outage = action;
        this.putTrigger = text;
    }

    private void acceptClients() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                } catch (IOException serverDown) {
                    client.close();
                    continue;
                }
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                byte[] buffer = new byte[16 * 1024];
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (request && triggered(buffer, read, line)) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException connectionClosed) {
                // The other side went away: close both ends below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "s3-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean triggered(byte[] buffer, int length, ByteArrayOutputStream line) {
        String trigger = putTrigger;
        if (trigger == null) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.startsWith("PUT ") && text.contains(trigger) && fire()) {
                    return true;
                }
            } else if (line.size() < MAX_LINE_BYTES) {
                line.write(buffer[i]);
            }
        }
        return false;
    }

    private synchronized boolean fire() {
        Runnable action = outage;
        if (putTrigger == null || action == null) {
            return false;
        }
        putTrigger = null;
        outage = null;
        action.run();
        return true;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
