package io.dynamapper.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynamapper.SessionFactory;
import io.dynamapper.testkit.DynamapperExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's production injector (a module over a client) runs the same service. */
class GuiceSetupTest {
    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(DoomMap.class);

    @Test
    void aModuleOverAClientServesTheService(SessionFactory sessions) {
        sessions.useTransaction(s -> {
            DoomMap hangar = new DoomMap(1, 1, "Hangar");
            hangar.secrets.add("blue key");
            s.save(hangar);
            s.save(new DoomMap(1, 2, "Nuclear Plant"));
        });
        MapService maps = GuiceSetup.mapService(db.client());
        maps.moveSecret(1, 1, 2, "blue key");
        assertEquals(1, maps.secrets(1, 2));
    }
}
