package io.dynamapper.examples.readme;

// @snippet guice-test
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.guice.DynamapperModule;
import io.dynamapper.testkit.DynamapperExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MapServiceTest {
    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(DoomMap.class);

    private MapService maps;

    @BeforeEach
    void setUp(SessionFactory sessions) {
        maps = Guice.createInjector(DynamapperModule.builder()
                        .sessionFactory(sessions)                                   // fresh tables, the leak check
                        .retryPolicy(RetryPolicy.defaults().withSleeper(d -> { }))  // re-runs without sleeping
                        .build())
                .getInstance(MapService.class);
        sessions.useTransaction(s -> {
            DoomMap hangar = new DoomMap(1, 1, "Hangar");
            hangar.secrets.add("blue key");
            s.save(hangar);
            s.save(new DoomMap(1, 2, "Nuclear Plant"));
        });
    }

    @Test
    void movesASecret() {
        maps.moveSecret(1, 1, 2, "blue key");
        assertEquals(0, maps.secrets(1, 1));
        assertEquals(1, maps.secrets(1, 2));
    }

    @Test
    void aFailedMoveWritesNothing() {
        assertThrows(IllegalArgumentException.class, () -> maps.moveSecret(1, 2, 1, "red key"));
        assertEquals(1, maps.secrets(1, 1));
    }
}
// @end
