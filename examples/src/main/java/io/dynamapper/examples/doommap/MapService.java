package io.dynamapper.examples.doommap;

import io.dynamapper.ItemNotFoundException;
import io.dynamapper.Session;
import io.dynamapper.guice.Transactional;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * A domain service as Guice applications write it: the current unit of work's {@link Session} is
 * injected, and each public method is one unit of work that commits when it returns, is re-run
 * on a conflict, and writes nothing when it throws.
 */
public class MapService {
    private final Session session;

    @Inject
    MapService(Session session) {
        this.session = session;
    }

    /**
     * Renames a map: one conditional update of its name and version.
     *
     * @throws ItemNotFoundException if there is no such map
     */
    @Transactional
    public void renameMap(long episode, int map, String name) {
        session.get(DoomMap.class, episode, map).name = name;
    }

    /**
     * Moves a secret from one map to another, atomically: both maps are written in one transaction,
     * each on condition of the version read, or neither is.
     *
     * @throws IllegalArgumentException if the first map has no such secret (nothing is written)
     * @throws ItemNotFoundException if a map does not exist
     */
    @Transactional
    public void moveSecret(long episode, int fromMap, int toMap, String secret) {
        DoomMap from = session.get(DoomMap.class, episode, fromMap);
        DoomMap to = session.get(DoomMap.class, episode, toMap);
        to.secrets.add(secret);
        if (!from.secrets.remove(secret)) {
            throw new IllegalArgumentException("E" + episode + "M" + fromMap + " has no secret '" + secret + "'");
        }
    }

    /** The secrets of a map. */
    @Transactional
    public Set<String> secretsOf(long episode, int map) {
        return Set.copyOf(session.get(DoomMap.class, episode, map).secrets);
    }

    /** Adds a map with a secret. */
    @Transactional
    public void addMap(long episode, int map, String name, String secret) {
        DoomMap doomMap = new DoomMap(episode, map, name);
        doomMap.secrets.add(secret);
        session.save(doomMap);
    }
}
