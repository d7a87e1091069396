package dev.gatehouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import org.junit.jupiter.api.Test;

class DataPlaneTransportTest {

    @Test
    void withoutThePropertyTheEventLoopsUseNio() {
        assertThat(DataPlaneServer.transportNamed(null)).isEqualTo("nio");
    }

    @Test
    void transportNamesAreReadWithoutRegardToCaseOrSpaces() {
        assertThat(DataPlaneServer.transportNamed(" EPOLL ")).isEqualTo("epoll");
        assertThat(DataPlaneServer.transportNamed("io_uring")).isEqualTo("io_uring");
    }

    @Test
    void anUnknownTransportIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> DataPlaneServer.transportNamed("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DataPlaneServer.TRANSPORT_PROPERTY).hasMessageContaining("'kqueue'");
    }

    @Test
    void aNativeTransportWhoseLibraryIsNotOnTheClassPathFallsBackToNio() {
        assumeTrue(io.vertx.core.transport.Transport.IO_URING == null, "io_uring is on this class path");
        Vertx vertx = DataPlaneServer.vertx(new VertxOptions().setEventLoopPoolSize(1), "io_uring");
        try {
            assertThat(((VertxInternal) vertx).transport().getClass().getSimpleName()).isEqualTo("NioTransport");
        } finally {
            vertx.close();
        }
    }
}
