package dev.tasker.runtime.db;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * PgJDBC's sockets (its {@code socketFactory} property), probing a silent connection with TCP keepalives after
 * {@value #IDLE_SECONDS} s, every {@value #INTERVAL_SECONDS} s, {@value #PROBES} times. A connection whose peer
 * vanished (a partition, a container back on its network under another address, a dead host) then fails within
 * about 11 s; without probes a read on it blocks until the kernel gives up retransmitting, about 15 minutes, and
 * the chaos soak found a worker whose heartbeat and readiness hung so, stale long after its network was back. A
 * read timeout would bound every statement instead (a migration building an index may run for minutes); a peer
 * busy with a long query still answers probes.
 */
@RegisterForReflection
public class KeepAliveSocketFactory extends SocketFactory {

    static final int IDLE_SECONDS = 5;
    static final int INTERVAL_SECONDS = 2;
    static final int PROBES = 3;

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setKeepAlive(true);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
        socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, PROBES);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        socket.connect(remote);
        return socket;
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        socket.bind(local);
        socket.connect(remote);
        return socket;
    }
}
