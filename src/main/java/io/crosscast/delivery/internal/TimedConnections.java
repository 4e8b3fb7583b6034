package io.crosscast.delivery.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/** jSMPP's plain socket connections, opened with a connect timeout (jSMPP's own factory waits as long as the OS). */
public final class TimedConnections implements ConnectionFactory {

    private final int connectMillis;

    public TimedConnections(int connectMillis) {
        this.connectMillis = connectMillis;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), connectMillis);
            return new SocketConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
