package io.crosscast.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/** Server sockets bound to one address, for the sandbox's SMSC (jSMPP's own factory binds every interface). */
final class LoopbackServerSockets implements ServerConnectionFactory {

    /** How many connections may wait to be accepted. */
    static final int BACKLOG = 50;

    private final InetAddress address;
    private volatile ServerSocket socket;

    LoopbackServerSockets(InetAddress address) {
        this.address = address;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, BACKLOG);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, BACKLOG);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), backlog);
            server.setSoTimeout(timeout);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        socket = server;
        return new ServerSocketConnection(server);
    }

    int port() {
        return socket == null ? -1 : socket.getLocalPort();
    }

    boolean closed() {
        return socket == null || socket.isClosed();
    }
}
