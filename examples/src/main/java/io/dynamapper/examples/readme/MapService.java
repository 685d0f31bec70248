package io.dynamapper.examples.readme;

// @snippet map-service
import io.dynamapper.Session;
import io.dynamapper.guice.Transactional;
import jakarta.inject.Inject;

public class MapService {
    private final Session session;                 // always the current unit of work's session

    @Inject
    MapService(Session session) {
        this.session = session;
    }

    @Transactional                                   // one unit of work: commits when it returns
    public void moveSecret(long episode, int from, int to, String secret) {
        DoomMap a = session.get(DoomMap.class, episode, from);
        DoomMap b = session.get(DoomMap.class, episode, to);
        b.secrets.add(secret);
        if (!a.secrets.remove(secret)) {
            throw new IllegalArgumentException("no secret " + secret + " in map " + from);   // nothing written
        }
    }

    @Transactional(consistentReads = true)          // this method's session reads with strong consistency
    public int secrets(long episode, int map) {
        return session.get(DoomMap.class, episode, map).secrets.size();
    }
}
// @end
