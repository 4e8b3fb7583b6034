package io.crosscast.crash.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay in a JVM of its own ({@link JavaProcess}): {@code main(listenPort, targetHost, targetPort)} accepts
 * connections on 127.0.0.1:listenPort and copies bytes both ways to the target. The crash tests put it between the
 * server and a database they cannot stop themselves (the local PostgreSQL): stopping the relay's process is, for the
 * server, the database going away (every connection cut, new ones refused); starting it again, the database back.
 */
public final class TcpRelay {

    private TcpRelay() {}

    public static void main(String[] args) throws IOException {
        int listenPort = Integer.parseInt(args[0]);
        String targetHost = args[1];
        int targetPort = Integer.parseInt(args[2]);
        try (ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("ready relaying 127.0.0.1:" + listenPort + " to " + targetHost + ":" + targetPort);
            while (true) {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                pump(client, target);
                pump(target, client);
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the other side closed: close both below
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
