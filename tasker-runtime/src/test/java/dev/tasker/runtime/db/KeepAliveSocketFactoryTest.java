package dev.tasker.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

class KeepAliveSocketFactoryTest {

    @Test
    void theSocketPgJdbcConnectsProbesASilentPeerWithinSeconds() throws IOException {
        try (Socket socket = new KeepAliveSocketFactory().createSocket()) {
            assertProbes(socket);
        }
    }

    @Test
    void aSocketConnectedByTheFactoryProbesToo() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new KeepAliveSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                        server.getLocalPort())) {
            assertThat(socket.isConnected()).isTrue();
            assertProbes(socket);
        }
    }

    private static void assertProbes(Socket socket) throws IOException {
        assertThat(socket.getKeepAlive()).as("SO_KEEPALIVE").isTrue();
        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).as("seconds of silence before probing")
                .isEqualTo(5);
        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).as("seconds between probes")
                .isEqualTo(2);
        assertThat(socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).as("probes before the connection fails")
                .isEqualTo(3);
    }
}
