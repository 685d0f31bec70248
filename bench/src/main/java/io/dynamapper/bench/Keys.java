package io.dynamapper.bench;

import java.util.SplittableRandom;

/**
 * Rounds of 10 distinct keys chosen at random among {@code population}, drawn ahead from a fixed seed
 * so every variant of a benchmark sees the same sequence and drawing costs nothing measurable.
 */
final class Keys {
    private final String[][] rounds;
    private int next;

    Keys(int population, int perRound, int roundCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        rounds = new String[roundCount][perRound];
        for (String[] round : rounds) {
            boolean[] taken = new boolean[population];
            for (int i = 0; i < perRound; i++) {
                int k;
                do {
                    k = random.nextInt(population);
                } while (taken[k]);
                taken[k] = true;
                round[i] = id(k);
            }
        }
    }

    static String id(int k) {
        return "item-" + k;
    }

    /** The next round's keys (the sequence repeats after {@code roundCount} rounds). */
    String[] next() {
        String[] round = rounds[next];
        next = next + 1 == rounds.length ? 0 : next + 1;
        return round;
    }
}
