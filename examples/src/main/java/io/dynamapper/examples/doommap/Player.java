package io.dynamapper.examples.doommap;

import io.dynamapper.AutoIncrement;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;

/**
 * A player, as in dynamodb-mapper's auto-increment example: table {@code doom_player}, whose hash key
 * is allocated at save from a counter in the table, ten keys per counter update.
 */
@Table("doom_player")
public class Player {
    @HashKey @AutoIncrement(blockSize = 10) long id;
    String name;
    @Version Long version;

    Player() {
    }

    Player(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Player #" + id + " " + name;
    }
}
